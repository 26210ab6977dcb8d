import { Fragment, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { cardItems, effectivePolicyId } from '../../../lib/cards/items';
import { linkNumberAt } from '../../../lib/cards/link-numbers';
import { localize } from '../../../lib/cards/text';
import { uiLanguageFor } from '../../../lib/i18n';
import type { Client } from '../../../lib/messaging/client';
import { defaultUnitForMarket } from '../../../lib/scale/units';
import type { Card } from '../../../lib/schema/card';
import type { Deck } from '../../../lib/schema/deck';
import type { ReturnPolicy } from '../../../lib/schema/policy';
import { ItemContent, type ItemContext } from '../../sidebar/ItemContent';
import { Text } from '../../sidebar/Localized';
import { useResolvedImages, type ProducerLists } from '../producer/data';
import { routeHref } from '../producer/route';
import './hand-cards.css';

/**
 * Layouts to try, in order: one column of large type down to a size still read at arm's length,
 * then two columns down to the smallest legible print. Sizes are CSS pixels.
 */
const LAYOUTS: readonly { columns: number; largest: number; smallest: number }[] = [
  { columns: 1, largest: 24, smallest: 14 },
  { columns: 2, largest: 20, smallest: 8 },
];

/** Nothing spills out of the page box, down or (as an extra column) to the right. */
function fits(el: HTMLElement): boolean {
  return el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth;
}

/**
 * Fits a card to its page box (the printed page's content area): one product per sheet, always.
 * For each layout, a binary search on the type size, each step one layout of this card only.
 */
function fitToPage(el: HTMLElement) {
  for (const layout of LAYOUTS) {
    el.dataset.columns = String(layout.columns);
    let lo = layout.smallest;
    let hi = layout.largest;
    el.style.fontSize = `${hi}px`;
    if (fits(el)) return;
    el.style.fontSize = `${lo}px`;
    if (!fits(el)) continue;
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      el.style.fontSize = `${mid}px`;
      if (fits(el)) lo = mid;
      else hi = mid;
    }
    el.style.fontSize = `${lo}px`;
    return;
  }
}

/**
 * The claims the host must not make (issue 20), in a box of their own as in the sidebar: a dashed
 * frame and ⊘, where must-say items have a solid frame and ▲, so the two never read alike in black
 * and white. Host paper only: the stage never shows them.
 */
function HandDontSay({ card, language, fallbacks }: { card: Card; language: string; fallbacks: readonly string[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const list = card.dontSay ?? [];
  if (list.length === 0) return null;
  return (
    <li className="hand-dont-say" data-testid="hand-dont-say">
      <div role="group" aria-labelledby={titleId}>
        <h3 id={titleId}>
          <span aria-hidden="true">⊘</span> {t('dontSay.title')}
        </h3>
        <ol className="hand-body">
          {list.map((d) => (
            <li key={d.id} data-dont-say={d.id}>
              <p className="hand-dont-say-claim">
                <Text value={d.claim} language={language} fallbacks={fallbacks} />
              </p>
              {d.say && (
                <p className="hand-dont-say-say">
                  {t('dontSay.sayLabel')}: <Text value={d.say} language={language} fallbacks={fallbacks} />
                </p>
              )}
            </li>
          ))}
        </ol>
      </div>
    </li>
  );
}

function HandCard({ card, n, count, deck, policies }: { card: Card; n: number; count: number; deck: Deck; policies: readonly ReturnPolicy[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const language = deck.languages[0];
  const policy = policies.find((p) => p.id === effectivePolicyId(card, deck.defaultPolicyId));
  const items = cardItems(card, policy);
  const caveatCount = items.filter((item) => item.kind === 'caveat').length;
  const ctx: ItemContext = { card, policy, deck, language, fallbacks: deck.languages, unit: defaultUnitForMarket(deck.market), sizeRow: undefined, refIndex: 0 };
  const name = localize(card.name, language, deck.languages);
  useLayoutEffect(() => {
    if (ref.current) fitToPage(ref.current);
  });
  return (
    <article ref={ref} className="hand-card" aria-label={name?.text ?? card.sku} data-card={card.id}>
      <header>
        <div>
          <p className="hand-position">
            {n + 1} / {count} · {t('run.link', { n: linkNumberAt(deck, card.id, n) })} · {deck.name}
          </p>
          <h2 lang={name?.language}>{name?.text ?? card.sku}</h2>
          <p className="hand-sku">{t('card.sku', { sku: card.sku })}</p>
        </div>
        {card.image && <img className="hand-image" src={card.image} alt="" />}
      </header>
      <ol className="hand-items">
        {items.map((item, i) => (
          <Fragment key={`${item.kind}:${item.id}`}>
            {/* Where the sidebar puts its box: after the caveats, before everything else. */}
            {i === caveatCount && <HandDontSay card={card} language={language} fallbacks={deck.languages} />}
            <li className={item.mustSay ? 'must-say' : undefined}>
              <h3>
                {item.mustSay && <span className="must-say-badge">{t('item.mustSay')}</span>} {t(`item.${item.kind}`)}
              </h3>
              <div className="hand-body">
                <ItemContent item={item} ctx={ctx} />
              </div>
            </li>
          </Fragment>
        ))}
        {caveatCount === items.length && <HandDontSay card={card} language={language} fallbacks={deck.languages} />}
      </ol>
    </article>
  );
}

/**
 * The paper backup every host keeps: one product per printed page, must-say caveats first and
 * boxed. The item bodies are the sidebar's own ItemContent, so paper and screen say the same
 * thing. Everything on the paper — labels, units, numbers — is in the deck's first language
 * (the host's), not the producer's interface language; the buttons around it stay in the latter.
 */
export function HandCards({ deckId, data, call, autoPrint = false }: { deckId: string; data: ProducerLists; call: Client; autoPrint?: boolean }) {
  const { t, i18n } = useTranslation();
  const deck = data.decks.find((d) => d.id === deckId);
  const cards = useResolvedImages(call, deck ? deck.cardIds.map((id) => data.cards.find((c) => c.id === id)).filter((c): c is Card => c !== undefined) : []);
  const paperLanguage = uiLanguageFor(deck?.languages[0]) ?? 'en';
  const paper = useMemo(() => i18n.cloneInstance({ lng: paperLanguage }), [i18n, paperLanguage]);
  useEffect(() => {
    if (autoPrint && deck) window.print();
  }, [autoPrint, deck]);
  if (!deck) return <p role="alert">{t('errors.deck-not-found')}</p>;
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
      <I18nextProvider i18n={paper}>
        <div lang={paperLanguage}>
          {cards.map((card, n) => (
            <HandCard key={card.id} card={card} n={n} count={cards.length} deck={deck} policies={data.policies} />
          ))}
        </div>
      </I18nextProvider>
    </div>
  );
}
