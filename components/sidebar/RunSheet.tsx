import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import { deckProgress, type CardProgress } from '../../lib/sidebar/progress';
import { searchCards } from '../../lib/sidebar/search';
import { useActions, useSidebar } from './context';

export const RUN_SEARCH_ID = 'run-search';

interface RowProps {
  index: number;
  name: string;
  nameLang: string | undefined;
  sku: string;
  current: boolean;
  progress: CardProgress | undefined;
  onSelect: (index: number) => void;
}

/**
 * One product in the run sheet. Memoised on primitives: switching cards re-renders the two rows
 * whose "current" flag changed, not all 300.
 */
const RunSheetRow = memo(function RunSheetRow({ index, name, nameLang, sku, current, progress, onSelect }: RowProps) {
  const { t } = useTranslation();
  return (
    <li data-index={index}>
      <button
        type="button"
        aria-current={current ? 'true' : undefined}
        className={`run-row${current ? ' current' : ''}${progress ? ` progress-${progress}` : ''}`}
        onClick={() => onSelect(index)}
      >
        <span className="run-index">{index + 1}</span>
        <span className="run-name" lang={nameLang}>
          {name}
        </span>
        <span className="run-sku">{sku}</span>
        {progress === 'done' && (
          <span className="run-status done" title={t('run.done')}>
            <span aria-hidden="true">✓</span>
            <span className="sr-only">{t('run.done')}</span>
          </span>
        )}
        {progress === 'skipped' && (
          <span className="run-status skipped" title={t('run.skipped')}>
            <span aria-hidden="true">!</span>
            <span className="sr-only">{t('run.skipped')}</span>
          </span>
        )}
      </button>
    </li>
  );
});

/** Tonight's products in order, searchable by name or SKU; the current one is marked and kept in view. */
export function RunSheet() {
  const { t } = useTranslation();
  const actions = useActions();
  const bundle = useSidebar((s) => s.bundle);
  const sessionLanguage = useSidebar((s) => s.session?.language);
  const index = useSidebar((s) => s.index);
  const marks = useSidebar((s) => s.marks);
  const skippedMarks = useSidebar((s) => s.skipped);
  const [query, setQuery] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const cards = bundle?.cards;
  const matches = useMemo(() => (cards ? searchCards(cards, query) : []), [cards, query]);
  // Progress changes with marks, not with the current card: computed apart from `index`.
  const progress = useMemo(() => {
    const said = new Set(Object.entries(marks).filter(([, m]) => m.state !== 'failed').map(([k]) => k));
    return deckProgress(bundle, said, new Set(Object.keys(skippedMarks)));
  }, [bundle, marks, skippedMarks]);

  useEffect(() => {
    // Scroll the list itself (never the page around the sidebar) so the current row shows.
    const ol = list.current;
    const li = ol?.querySelector<HTMLElement>(`li[data-index="${index}"]`);
    if (!ol || !li) return;
    const top = li.offsetTop - ol.offsetTop;
    if (top < ol.scrollTop) ol.scrollTop = top;
    else if (top + li.offsetHeight > ol.scrollTop + ol.clientHeight) ol.scrollTop = top + li.offsetHeight - ol.clientHeight;
  }, [index, matches]);

  if (!bundle || !cards) return null;
  const languages = bundle.deck.languages;
  const language = sessionLanguage ?? languages[0];

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
          {matches.map((i) => {
            const c = cards[i];
            const n = localize(c.name, language, languages);
            return (
              <RunSheetRow
                key={c.id}
                index={i}
                name={n?.text ?? c.sku}
                nameLang={n?.language}
                sku={c.sku}
                current={i === index}
                progress={progress.get(c.id)}
                onSelect={actions.select}
              />
            );
          })}
        </ol>
      )}
    </nav>
  );
}
