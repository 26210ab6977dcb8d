import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { cardItems, effectivePolicyId } from '../../../lib/cards/items';
import { localize } from '../../../lib/cards/text';
import type { Client } from '../../../lib/messaging/client';
import { defaultUnitForMarket } from '../../../lib/scale/units';
import type { Card } from '../../../lib/schema/card';
import { ItemContent, type ItemContext } from '../../sidebar/ItemContent';
import { useResolvedImages, type CatalogueData } from '../catalogue/data';
import { routeHref } from '../catalogue/route';

/**
 * The paper backup every host keeps: one product per page, large type, must-say caveats first.
 * The item bodies are the sidebar's own ItemContent, so paper and screen say the same thing.
 */
export function HandCards({ deckId, data, call, autoPrint = false }: { deckId: string; data: CatalogueData; call: Client; autoPrint?: boolean }) {
  const { t } = useTranslation();
  const deck = data.decks.find((d) => d.id === deckId);
  const cards = useResolvedImages(call, deck ? deck.cardIds.map((id) => data.cards.find((c) => c.id === id)).filter((c): c is Card => c !== undefined) : []);
  useEffect(() => {
    if (autoPrint && deck) window.print();
  }, [autoPrint, deck]);
  if (!deck) return <p role="alert">{t('errors.deck-not-found')}</p>;
  const language = deck.languages[0];
  return (
    <div className="hand-cards">
      <div className="no-print row spread">
        <p>{t('print.intro', { count: cards.length })}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('print.print')}
          </button>
          <a className="button" href={routeHref({ view: 'deck', id: deckId })}>
            {t('print.back')}
          </a>
        </div>
      </div>
      {cards.map((card, n) => {
        const policyId = effectivePolicyId(card, deck.defaultPolicyId);
        const policy = data.policies.find((p) => p.id === policyId);
        const items = cardItems(card, policy);
        const ctx: ItemContext = { card, policy, deck, language, fallbacks: deck.languages, unit: defaultUnitForMarket(deck.market), sizeRow: undefined, refIndex: 0 };
        const name = localize(card.name, language, deck.languages);
        return (
          <article key={card.id} className="hand-card" aria-label={name?.text ?? card.sku}>
            <header>
              <span className="hand-position">
                {n + 1} / {cards.length} · {deck.name}
              </span>
              <h2 lang={name?.language}>{name?.text ?? card.sku}</h2>
              <p className="hand-sku">{t('card.sku', { sku: card.sku })}</p>
            </header>
            {card.image && <img className="hand-image" src={card.image} alt="" />}
            <ol className="hand-items">
              {items.map((item) => (
                <li key={`${item.kind}:${item.id}`} className={item.mustSay ? 'must-say' : undefined}>
                  <h3>
                    {item.mustSay && <span className="must-say-badge">{t('item.mustSay')}</span>} {t(`item.${item.kind}`)}
                  </h3>
                  <div className="hand-body">
                    <ItemContent item={item} ctx={ctx} />
                  </div>
                </li>
              ))}
            </ol>
          </article>
        );
      })}
    </div>
  );
}
