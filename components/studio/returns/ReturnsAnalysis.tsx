import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpfrontError } from '../../../lib/errors';
import type { Client } from '../../../lib/messaging/client';
import type { UnmatchedRow } from '../../../lib/contracts/returns-loop';
import type { Analysis, AnalysisFilter } from '../../../lib/returns/analysis';
import { analysisToCsv } from '../../../lib/returns/analysis-csv';
import { formatDateTime } from '../../../lib/format';
import { downloadText } from '../download';
import { RateText } from './format';
import { GroupTable } from './GroupTable';

// Charting code (Observable Plot) loads in the Returns section only (never in the sidebar, nor
// in the studio's first screen): fetched as the section opens, drawn when the analysis does.
export const loadCharts = () => import('./Charts');
const Charts = lazy(loadCharts);

const codeOf = (err: unknown) => (err instanceof UpfrontError ? err.code : 'internal');

interface Fields {
  from: string;
  to: string;
  deckId: string;
}

export function toAnalysisFilter(f: Fields): AnalysisFilter {
  const filter: AnalysisFilter = {};
  if (f.from) filter.from = new Date(`${f.from}T00:00:00`).getTime();
  if (f.to) filter.to = new Date(`${f.to}T23:59:59.999`).getTime();
  if (f.deckId) filter.deckIds = [f.deckId];
  return filter;
}

/** The team lead's weekly view: return rate and reasons by product, host, show, category, market and must-say status. */
export function ReturnsAnalysis({
  call,
  graceMs,
  decks,
  revision,
  behind = false,
  onRefresh,
}: {
  call: Client;
  graceMs: number | undefined;
  decks: { id: string; name: string }[];
  revision: number;
  /** Disclosures were recorded since it was read: said, with a refresh (not read again at each one). */
  behind?: boolean;
  onRefresh?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<Fields>({ from: '', to: '', deckId: '' });
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [unmatched, setUnmatched] = useState<{ total: number; lines: UnmatchedRow[] } | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    call('returns.analysis', { filter: toAnalysisFilter(fields), graceMs })
      .then((a) => {
        if (!live) return;
        setAnalysis(a);
        setError(undefined);
      })
      .catch((err) => live && setError(codeOf(err)));
    return () => {
      live = false;
    };
  }, [call, fields, graceMs, revision]);

  // The unmatched lines do not depend on the filter: asked again only when the data or the window change.
  useEffect(() => {
    let live = true;
    call('returns.unmatched', { graceMs, limit: 500 })
      .then((u) => live && setUnmatched(u))
      .catch((err) => live && setError(codeOf(err)));
    return () => {
      live = false;
    };
  }, [call, graceMs, revision]);

  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));
  return (
    <section className="returns-analysis no-print" aria-label={t('returnsLoop.analysisTitle')}>
      <div className="filters row">
        <label>
          {t('returnsLoop.from')} <input type="date" value={fields.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          {t('returnsLoop.to')} <input type="date" value={fields.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          {t('studio.deck')}{' '}
          <select value={fields.deckId} onChange={(e) => set({ deckId: e.target.value })}>
            <option value="">{t('returnsLoop.allDecks')}</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        {onRefresh && (
          <button type="button" onClick={onRefresh}>
            {t('returnsLoop.refresh')}
          </button>
        )}
        {analysis && (
          <button type="button" onClick={() => downloadText(`upfront-returns-${new Date().toISOString().slice(0, 10)}.csv`, analysisToCsv(analysis), 'text/csv;charset=utf-8')}>
            {t('returnsLoop.downloadCsv')}
          </button>
        )}
      </div>
      <p role="status" className="returns-live">
        {behind && analysis ? t('returnsLoop.liveBehind') : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {!analysis ? (
        !error && <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p className="returns-summary" data-testid="returns-summary">
            {t('returnsLoop.summary', { orders: analysis.total.orders, lines: analysis.total.lines })} <RateText tally={analysis.total} />
            {analysis.cancelled > 0 && <> · {t('returnsLoop.cancelledCount', { count: analysis.cancelled })}</>}
          </p>
          <GroupTable dimension="mustSay" groups={analysis.groups.mustSay} id="table-mustSay" />
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <Charts analysis={analysis} />
          </Suspense>
          <GroupTable dimension="product" groups={analysis.groups.product} id="table-product" />
          <GroupTable dimension="host" groups={analysis.groups.host} />
          <GroupTable dimension="show" groups={analysis.groups.show} />
          <GroupTable dimension="category" groups={analysis.groups.category} />
          <GroupTable dimension="market" groups={analysis.groups.market} />
          <GroupTable dimension="week" groups={analysis.weekly.map((w) => ({ ...w, key: w.week }))} id="table-week" />
          {unmatched && unmatched.total > 0 && (
            <section aria-labelledby="unmatched-title">
              <h4 id="unmatched-title">{t('returnsLoop.unmatchedTitle', { count: unmatched.total })}</h4>
              <table className="returns-table unmatched-table">
                <thead>
                  <tr>
                    <th scope="col">{t('returnsLoop.file')}</th>
                    <th scope="col">{t('returnsLoop.rowHeader')}</th>
                    <th scope="col">{t('returnsLoop.orderId')}</th>
                    <th scope="col">SKU</th>
                    <th scope="col">{t('returnsLoop.orderedAt')}</th>
                    <th scope="col">{t('returnsLoop.whyHeader')}</th>
                  </tr>
                </thead>
                <tbody>
                  {unmatched.lines.map((u) => (
                    <tr key={u.key} data-why={u.why}>
                      <td>{u.fileName}</td>
                      <td>{u.row ?? ''}</td>
                      <td>{u.orderId}</td>
                      <td>{u.sku}</td>
                      <td>{formatDateTime(u.orderedAt, i18n.language)}</td>
                      <td>{t(`returnsLoop.why.${u.why}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </section>
  );
}
