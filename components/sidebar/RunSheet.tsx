import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkNumbers } from '../../lib/cards/link-numbers';
import { localize } from '../../lib/cards/text';
import { deckItems, deckProgress, type CardProgress } from '../../lib/sidebar/progress';
import { searchCards } from '../../lib/sidebar/search';
import { viewerLanguage } from '../../lib/sidebar/store';
import { useActions, useSidebar } from './context';

export const RUN_SEARCH_ID = 'run-search';

interface RowProps {
  index: number;
  /** The platform's link number ("3号链接"), which hosts say instead of the position. */
  link: number;
  name: string;
  nameLang: string | undefined;
  /** The name is in another language than the viewer's (the deck's first that has it). */
  fallback: boolean;
  sku: string;
  progress: CardProgress | undefined;
  labels: RowLabels;
  onSelect: (index: number) => void;
}

/** The row texts, translated once by the run sheet rather than by each of 300 rows. */
interface RowLabels {
  done: string;
  skipped: string;
  link: (n: number) => string;
  notTranslated: string;
}

/**
 * One product in the run sheet. Each row watches only whether it is the current one, so a card
 * switch re-renders the two rows whose flag changed and not the list (bench: card switch).
 */
const RunSheetRow = memo(function RunSheetRow({ index, link, name, nameLang, fallback, sku, progress, labels, onSelect }: RowProps) {
  const current = useSidebar((s) => s.index === index);
  return (
    <li data-index={index}>
      <button
        type="button"
        aria-current={current ? 'true' : undefined}
        className={`run-row${current ? ' current' : ''}${progress ? ` progress-${progress}` : ''}`}
        onClick={() => onSelect(index)}
      >
        <span className="run-index run-link" title={labels.link(link)}>
          <span aria-hidden="true">{link}</span>
          <span className="sr-only">{labels.link(link)}</span>
        </span>
        <span className="run-name" lang={nameLang}>
          {name}
        </span>
        {fallback && <span className="not-translated">{labels.notTranslated}</span>}
        <span className="run-sku">{sku}</span>
        {progress === 'done' && (
          <span className="run-status done" title={labels.done}>
            <span aria-hidden="true">✓</span>
            <span className="sr-only">{labels.done}</span>
          </span>
        )}
        {progress === 'skipped' && (
          <span className="run-status skipped" title={labels.skipped}>
            <span aria-hidden="true">!</span>
            <span className="sr-only">{labels.skipped}</span>
          </span>
        )}
      </button>
    </li>
  );
});

/** Scrolls the list itself (never the page around the sidebar) so the current row shows. */
function KeepCurrentInView({ list, matches }: { list: React.RefObject<HTMLOListElement | null>; matches: readonly number[] }) {
  const index = useSidebar((s) => s.index);
  useEffect(() => {
    const ol = list.current;
    const li = ol?.querySelector<HTMLElement>(`li[data-index="${index}"]`);
    if (!ol || !li) return;
    const top = li.offsetTop - ol.offsetTop;
    if (top < ol.scrollTop) ol.scrollTop = top;
    else if (top + li.offsetHeight > ol.scrollTop + ol.clientHeight) ol.scrollTop = top + li.offsetHeight - ol.clientHeight;
  }, [index, matches, list]);
  return null;
}

/** Tonight's products in order, searchable by name or SKU; the current one is marked and kept in view. */
export function RunSheet() {
  const { t } = useTranslation();
  const actions = useActions();
  const bundle = useSidebar((s) => s.bundle);
  // Names in the language the cards are shown in (L), like everything else the host reads.
  const viewer = useSidebar(viewerLanguage);
  const marks = useSidebar((s) => s.marks);
  const skippedMarks = useSidebar((s) => s.skipped);
  const [query, setQuery] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const cards = bundle?.cards;
  const deck = bundle?.deck;
  const links = useMemo(() => (deck && cards ? linkNumbers(deck, cards.map((c) => c.id)) : []), [deck, cards]);
  const matches = useMemo(() => (cards ? searchCards(cards, query, links) : []), [cards, query, links]);
  // Each card's items depend on the deck only; progress is then a lookup per mark change.
  const items = useMemo(() => deckItems(bundle), [bundle]);
  const lastProgress = useRef<Map<string, CardProgress>>(new Map());
  const progress = useMemo(() => {
    const said = new Set(Object.entries(marks).filter(([, m]) => m.state !== 'failed').map(([k]) => k));
    const next = deckProgress(bundle, said, new Set(Object.keys(skippedMarks)), items);
    // Most marks leave every card's word as it was: keep the same map, so the rows below are
    // not even compared again.
    const prev = lastProgress.current;
    const same = next.size === prev.size && [...next].every(([id, p]) => prev.get(id) === p);
    return same ? prev : (lastProgress.current = next);
  }, [bundle, marks, skippedMarks, items]);
  const labels = useMemo<RowLabels>(() => ({ done: t('run.done'), skipped: t('run.skipped'), link: (n) => t('run.link', { n }), notTranslated: t('cardView.notTranslated') }), [t]);
  const languages = bundle?.deck.languages;
  const language = viewer ?? languages?.[0];
  const rows = useMemo(
    () =>
      cards && languages
        ? matches.map((i) => {
            const c = cards[i];
            const n = localize(c.name, language ?? languages[0], languages);
            return (
              <RunSheetRow
                key={c.id}
                index={i}
                link={links[i]}
                name={n?.text ?? c.sku}
                nameLang={n?.language}
                fallback={n?.fallback === true}
                sku={c.sku}
                progress={progress.get(c.id)}
                labels={labels}
                onSelect={actions.select}
              />
            );
          })
        : [],
    [cards, languages, language, matches, links, progress, labels, actions],
  );

  if (!bundle || !cards) return null;

  return (
    <nav className="run-sheet" aria-label={t('sidebar.runSheet')}>
      <div className="run-search">
        <input
          id={RUN_SEARCH_ID}
          type="search"
          value={query}
          placeholder={`${t('run.search')} (/)`}
          aria-label={t('run.search')}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches.length > 0) {
              e.preventDefault();
              actions.select(matches[0]);
              setQuery('');
              e.currentTarget.blur();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setQuery('');
              e.currentTarget.blur();
            }
          }}
        />
        {query && (
          <span className="run-count" role="status">
            {t('run.matches', { shown: matches.length, total: cards.length })}
          </span>
        )}
      </div>
      {query && matches.length === 0 ? (
        <p className="muted">{t('run.noMatch', { query })}</p>
      ) : (
        <ol className="run-list" ref={list}>
          {rows}
        </ol>
      )}
      <KeepCurrentInView list={list} matches={matches} />
    </nav>
  );
}
