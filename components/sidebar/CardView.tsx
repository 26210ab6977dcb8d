import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/cards/items';
import { linkNumberAt } from '../../lib/cards/link-numbers';
import { missingParts } from '../../lib/cards/missing';
import { localize } from '../../lib/cards/text';
import { unsaidMustSay } from '../../lib/sidebar/progress';
import { currentCard, markKey, viewerLanguage, type CurrentCard, type MarkState } from '../../lib/sidebar/store';
import type { LengthUnit } from '../../lib/scale/units';
import type { Deck } from '../../lib/schema/deck';
import { viewerLanguages } from '../../lib/sidebar/viewer';
import { languageName } from '../../lib/sessions/choices';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { CardImage } from './CardImage';
import { useActions, useSidebar } from './context';
import { DisclosureItem } from './DisclosureItem';
import { DontSayBox } from './DontSayBox';
import { ItemContent, ItemPreview, type ItemContext } from './ItemContent';
import { MustSayGate } from './MustSayGate';
import { NotTranslated } from './NotTranslated';
import { revealWithin } from './scroll';

/** Said, or on its way to being recorded: either way the host has said it. */
const isSaid = (m: MarkState | undefined) => m !== undefined && m.state !== 'failed';

function PartFailed() {
  const { t } = useTranslation();
  return <p className="error">{t('cardView.partFailed')}</p>;
}

/**
 * The current product: photo, name, what is missing, the "not suitable if" caveats set apart,
 * then the other items (the selected one open, the rest one line each), and the mark bar.
 */
export function CardView() {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const bundle = useSidebar((s) => s.bundle);
  const index = useSidebar((s) => s.index);
  const language = useSidebar(viewerLanguage);
  const session = useSidebar((s) => s.session);
  const live = useSidebar((s) => s.session !== null);
  const unit = useSidebar((s) => s.unit);
  const selected = useSidebar((s) => s.selected);
  const sizeRow = useSidebar((s) => s.sizeRow);
  const refIndex = useSidebar((s) => s.refIndex);
  const notice = useSidebar((s) => s.notice);
  const current = useMemo(() => currentCard({ bundle, index }), [bundle, index]);
  // Only what the card as a whole shows about marks (primitives), so a recorded mark re-renders
  // the card only when one of these changes; each item row watches its own mark.
  const mustLeft = useSidebar((s) => (current ? unsaidMustSay(current.card.id, current.items, (k) => isSaid(s.marks[k])).length : 0));
  const selState = useSidebar((s) => {
    const sel = current?.items[s.selected];
    return sel && current ? s.marks[markKey(current.card.id, sel)]?.state : undefined;
  });
  const missing = useMemo(() => (current ? missingParts(current.card, current.policy) : []), [current]);
  const root = useRef<HTMLElement>(null);
  const onSelect = useCallback((i: number) => actions.selectItem(i), [actions]);

  // Keep the selected item in view inside the sidebar's own scroll area.
  // Above the pinned mark bar, and again if the card's layout moves it (a photo or font arriving).
  useEffect(() => {
    const card = root.current;
    const main = card?.closest<HTMLElement>('.sidebar-main') ?? null;
    const reveal = () => {
      // What the pinned bar hides of the scroll area: from its top to the area's bottom edge.
      const bar = card?.querySelector<HTMLElement>('.mark-bar')?.getBoundingClientRect();
      const covered = bar && main ? Math.max(0, main.getBoundingClientRect().bottom - bar.top) : 0;
      revealWithin(main, card?.querySelector<HTMLElement>('.item.selected') ?? null, 4, covered);
    };
    reveal();
    if (!card || !main || typeof ResizeObserver === 'undefined') return;
    const resized = new ResizeObserver(reveal);
    resized.observe(card);
    resized.observe(main);
    return () => resized.disconnect();
  }, [selected, index]);

  const deck = bundle?.deck;
  if (!current || !deck) return null;
  const { card, items } = current;
  const switchable = viewerLanguages(deck, session);
  const fallbacks = deck.languages;
  const name = localize(card.name, language, fallbacks);
  const hasMust = items.some((it) => it.mustSay);
  const sel = items[selected];

  return (
    <section className="card" aria-labelledby="card-title" ref={root} data-card={card.id}>
      <div className="card-head">
        <CardImage src={card.image} alt={name?.text ?? card.sku} />
        <div className="card-head-text">
          <p className="card-position">
            {t('sidebar.product', { index: index + 1, count: bundle.cards.length })} · <span className="card-link">{t('run.link', { n: linkNumberAt(deck, card.id, index) })}</span>
          </p>
          <h2 id="card-title" className="card-title" lang={name?.language} data-fallback={name?.fallback || undefined}>
            {name?.text ?? card.sku}
          </h2>
          {name?.fallback && <NotTranslated shown={name.language} wanted={language} />}
          <p className="card-sku">{t('card.sku', { sku: card.sku })}</p>
          {/* Issue 6: the cards' language for the audience; L cycles it from the console too. */}
          <button
            type="button"
            className="viewer-language"
            data-testid="viewer-language"
            data-language={language}
            disabled={switchable.length < 2}
            onClick={actions.cycleViewerLanguage}
            // The visible text is the name (WCAG 2.5.3: a voice user says what they see); what it does is its description.
            title={t('viewer.switchHint')}
            aria-keyshortcuts="L"
          >
            {t('viewer.label', { language: languageName(language, i18n.language) })} <kbd aria-hidden="true">L</kbd>
          </button>
        </div>
      </div>
      {missing.length > 0 && (
        <p className="missing" data-testid="missing-parts">
          {t('card.missing', { what: missing.map((m) => t(`missing.${m}`)).join(t('scale.join')) })}
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {t(notice)}
        </p>
      )}
      <MustSayGate />
      <CardItems current={current} deck={deck} language={language} unit={unit} sizeRow={sizeRow} refIndex={refIndex} selected={selected} live={live} onSelect={onSelect} />
      {sel && (
        <div className="mark-bar">
          <span className={`must-left${mustLeft > 0 ? ' open' : ''}`}>
            {hasMust ? (mustLeft > 0 ? t('cardView.mustLeft', { count: mustLeft }) : `✓ ${t('cardView.allSaid')}`) : ''}
          </span>
          <button
            type="button"
            className="primary mark-selected"
            disabled={!live || (selState !== undefined && selState !== 'failed')}
            onClick={() => void actions.markSelected()}
          >
            <kbd aria-hidden="true">M</kbd> {t('cardView.markSelected', { item: `${selected + 1} ${t(`item.${sel.kind}`)}` })}
          </button>
        </div>
      )}
    </section>
  );
}

interface CardItemsProps {
  current: CurrentCard;
  deck: Deck;
  language: string;
  unit: LengthUnit;
  sizeRow: number | undefined;
  refIndex: number;
  selected: number;
  live: boolean;
  onSelect: (index: number) => void;
}

/**
 * The card's items, caveats first. Memoised apart from the card around it: a recorded mark
 * changes the mark bar and one row, and must not redraw every size chart and scale drawing.
 */
const CardItems = memo(function CardItems({ current, deck, language, unit, sizeRow, refIndex, selected, live, onSelect }: CardItemsProps) {
  const { t } = useTranslation();
  const actions = useActions();
  const { card, policy, items } = current;
  const dontSay = <DontSayBox card={card} language={language} fallbacks={deck.languages} live={live} />;
  if (items.length === 0)
    return (
      <>
        <p className="missing">{t('card.noItems')}</p>
        {dontSay}
      </>
    );
  const ctx: ItemContext = {
    card,
    policy,
    deck,
    language,
    fallbacks: deck.languages,
    unit,
    sizeRow,
    refIndex,
    onSizeRow: actions.highlightSizeRow,
    onRef: actions.setRefIndex,
  };
  const row = (item: CardItem, i: number) => (
    <DisclosureItem
      key={`${item.kind}:${item.id}`}
      index={i}
      cardId={card.id}
      item={item}
      label={t(`item.${item.kind}`)}
      selected={i === selected}
      live={live}
      onSelect={onSelect}
    >
      <ErrorBoundary key={`${card.id}:${item.kind}:${item.id}`} fallback={() => <PartFailed />}>
        {item.kind === 'caveat' || i === selected ? <ItemContent item={item} ctx={ctx} /> : <ItemPreview item={item} ctx={ctx} />}
      </ErrorBoundary>
    </DisclosureItem>
  );
  const numbered = items.map((item, i) => ({ item, i }));
  const caveats = numbered.filter((x) => x.item.kind === 'caveat');
  const others = numbered.filter((x) => x.item.kind !== 'caveat');
  return (
    <>
      {caveats.length > 0 && (
        <div className="caveats" role="group" aria-labelledby="caveats-title">
          <h3 id="caveats-title" className="caveats-title">
            ⚠ {t('item.caveat')}
          </h3>
          <ol className="items">{caveats.map(({ item, i }) => row(item, i))}</ol>
        </div>
      )}
      {dontSay}
      {others.length > 0 && <ol className="items">{others.map(({ item, i }) => row(item, i))}</ol>}
    </>
  );
});
