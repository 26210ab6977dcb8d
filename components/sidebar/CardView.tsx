import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import { currentCard, markKey } from '../../lib/sidebar/store';
import { useSidebar } from './context';
import { DisclosureItem } from './DisclosureItem';
import { ItemContent } from './ItemContent';

/** The current product: its name and every disclosure item, must-say caveats first. */
export function CardView() {
  const { t } = useTranslation();
  const bundle = useSidebar((s) => s.bundle);
  const index = useSidebar((s) => s.index);
  const current = useMemo(() => currentCard({ bundle, index }), [bundle, index]);
  const marks = useSidebar((s) => s.marks);
  const session = useSidebar((s) => s.session);
  const deck = bundle?.deck;
  const count = bundle?.cards.length ?? 0;
  if (!current || !deck) return null;
  const { card, policy, items } = current;
  const language = session?.language ?? deck.languages[0];
  const fallbacks = deck.languages;
  const name = localize(card.name, language, fallbacks);
  return (
    <section className="card" aria-labelledby="card-title">
      <p className="card-position">{t('sidebar.product', { index: index + 1, count })}</p>
      <h2 id="card-title" className="card-title" lang={name?.language}>
        {name?.text ?? card.sku}
      </h2>
      <p className="card-sku">{t('card.sku', { sku: card.sku })}</p>
      {items.length === 0 ? (
        <p className="missing">{t('card.noItems')}</p>
      ) : (
        <ol className="items">
          {items.map((item, i) => (
            <DisclosureItem key={`${item.kind}:${item.id}`} index={i} item={item} mark={marks[markKey(card.id, item)]}>
              <ItemContent item={item} card={card} policy={policy} language={language} fallbacks={fallbacks} />
            </DisclosureItem>
          ))}
        </ol>
      )}
    </section>
  );
}
