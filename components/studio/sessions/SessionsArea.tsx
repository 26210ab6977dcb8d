import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import { formatDateTime } from '../../../lib/format';
import type { LogFilter } from '../../../lib/export/filter';
import type { Client } from '../../../lib/messaging/client';
import type { Responses } from '../../../lib/contracts';
import type { LocalizedText } from '../../../lib/schema/common';
import type { Session } from '../../../lib/schema/session';
import { platformName } from '../../../lib/sessions/choices';
import type { OnChanged } from '../changes';
import { downloadBlob } from '../download';
import { codeOf, useSessionList } from './data';
import { buildExport } from './export-run';
import { SessionDetail } from './SessionDetail';
import { StorageNotice, type StorageApi } from './StorageNotice';
import { TeamImport } from './TeamImport';
import { VerifyPanel } from './VerifyPanel';
import { useRoute } from '../producer/route';
import { useSortable } from '../shell/sortable';
import './sessions.css';

interface Props {
  call: Client;
  /** Pushes from the background: the list re-reads what they say changed (./data.ts). */
  onChanged: OnChanged;
  storage?: StorageApi;
}

interface FilterFields {
  from: string;
  to: string;
  host: string;
  deckId: string;
  platform: string;
  cardId: string;
}

const EMPTY: FilterFields = { from: '', to: '', host: '', deckId: '', platform: '', cardId: '' };

/** Date fields are local days: from the start of the first to the end of the last. */
export function toLogFilter(f: FilterFields): LogFilter {
  const filter: LogFilter = {};
  if (f.from) filter.from = new Date(`${f.from}T00:00:00`).getTime();
  if (f.to) filter.to = new Date(`${f.to}T23:59:59.999`).getTime();
  if (f.host) filter.host = f.host;
  if (f.deckId) filter.deckId = f.deckId;
  if (f.platform) filter.platform = f.platform;
  if (f.cardId) filter.cardId = f.cardId;
  return filter;
}

/** Said, skipped and not said must-say items of one session; a show with any unsaid stands out. */
function CoverageCell({ counts }: { counts: Responses['session.coverage'][string] }) {
  const { t } = useTranslation();
  const total = counts.said + counts.skipped + counts['not-said'];
  if (total === 0) return <span className="muted">{t('logs.noMustSayShort')}</span>;
  return (
    <span className={counts.skipped + counts['not-said'] > 0 ? 'coverage-risky' : 'coverage-full'} data-said={counts.said} data-skipped={counts.skipped} data-not-said={counts['not-said']}>
      {t('logs.coverageCell', { said: counts.said, skipped: counts.skipped, notSaid: counts['not-said'], total })}
    </span>
  );
}
/** The team lead's side of the studio: find sessions, read them, export, verify and merge logs. */
export function SessionsArea({ call, onChanged, storage }: Props) {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<FilterFields>(EMPTY);
  const filter = useMemo(() => toLogFilter(fields), [fields]);
  const { sessions, options, error, setError } = useSessionList(call, onChanged, filter);
  // The open timeline is in the address (#/sessions/<id>): a link to it works, and Back closes it.
  const [route, go] = useRoute();
  const open = route.view === 'sessions' ? route.id : undefined;
  const setOpen = (id: string | undefined) => go(id ? { view: 'sessions', id } : { view: 'sessions' });
  // The same function every time: the open timeline is not drawn again when only the list changed.
  const closeDetail = useCallback(() => go({ view: 'sessions' }), [go]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [saved, setSaved] = useState<string>();
  const [coverage, setCoverage] = useState<Responses['session.coverage'] | null>(null);

  // Must-say coverage of the listed sessions (issue 21): a lead spots risky shows in the list.
  // Asked again when the list or a show's end changes, not on every disclosure of a live show
  // (a click costs an open studio no request; the live row catches up when the show ends).
  const listed = (sessions ?? []).map((s) => `${s.id}:${s.endedAt ?? 'live'}`).join(',');
  useEffect(() => {
    if (!listed) return;
    let current = true;
    call('session.coverage', { sessionIds: listed.split(',').map((k) => k.slice(0, k.lastIndexOf(':'))) })
      .then((c) => current && setCoverage(c))
      .catch(() => current && setCoverage(null));
    return () => {
      current = false;
    };
  }, [call, listed]);
  const dateTime = (ms: number) => formatDateTime(ms, i18n.language, { seconds: true });
  const set = (key: keyof FilterFields) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setFields({ ...fields, [key]: e.target.value });
  const productName = (p: { sku: string; name: unknown }) => {
    const name = localize(p.name as LocalizedText | undefined, i18n.language, ['en'])?.text;
    return name ? `${name} (${p.sku})` : p.sku;
  };

  async function runExport(format: 'csv' | 'json', list: Session[], withFilter?: LogFilter) {
    if (progress) return;
    setSaved(undefined);
    setProgress({ done: 0, total: list.reduce((n, s) => n + s.lastSeq, 0) });
    try {
      const { name, blob } = await buildExport(call, { format, sessions: list, filter: withFilter, onProgress: (done, total) => setProgress({ done, total }) });
      downloadBlob(name, blob);
      setSaved(t('logs.exported', { name }));
      // For the reminder of sessions not yet exported; the file is already saved either way.
      await call('log.exported', { sessionIds: list.map((s) => s.id) }).catch(() => undefined);
    } catch (err) {
      setError(codeOf(err));
    } finally {
      setProgress(null);
    }
  }

  const table = useSortable(
    sessions ?? [],
    {
      started: (s) => s.startedAt,
      ended: (s) => s.endedAt,
      host: (s) => s.host,
      deck: (s) => s.deckName,
      platform: (s) => platformName(s.platform) ?? s.platform,
      market: (s) => `${s.market} · ${s.language}`,
      events: (s) => s.lastSeq,
      origin: (s) => s.origin?.importedFrom ?? '',
    },
  );
  const unexported = (sessions ?? []).filter((s) => s.endedAt !== undefined && s.exportedAt === undefined && !s.origin?.importedFrom);
  const eventTotal = (sessions ?? []).reduce((n, s) => n + s.lastSeq, 0);

  return (
    <>
      <section aria-labelledby="sessions-title" className="sessions-area">
        <h2 id="sessions-title">{t('studio.sessions')}</h2>
        <StorageNotice
          storage={storage}
          unexported={unexported.length}
          onExportUnexported={unexported.length > 0 ? () => void runExport('json', unexported) : undefined}
        />
        {error && (
          <p role="alert" className="error">
            {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
          </p>
        )}
        <form className="filters" aria-label={t('logs.filters')} onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('logs.from')}
            <input type="date" value={fields.from} onChange={set('from')} />
          </label>
          <label>
            {t('logs.to')}
            <input type="date" value={fields.to} onChange={set('to')} />
          </label>
          <label>
            {t('studio.host')}
            <select value={fields.host} onChange={set('host')}>
              <option value="">{t('logs.any')}</option>
              {options?.hosts.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('studio.deck')}
            <select value={fields.deckId} onChange={set('deckId')}>
              <option value="">{t('logs.any')}</option>
              {options?.decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('studio.platform')}
            <select value={fields.platform} onChange={set('platform')}>
              <option value="">{t('logs.any')}</option>
              {options?.platforms.map((p) => (
                <option key={p} value={p}>
                  {platformName(p) ?? p}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('logs.product')}
            <select value={fields.cardId} onChange={set('cardId')}>
              <option value="">{t('logs.any')}</option>
              {options?.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {productName(p)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setFields(EMPTY)} disabled={Object.keys(filter).length === 0}>
            {t('logs.clearFilters')}
          </button>
        </form>

        {sessions && sessions.length > 0 && (
          <div className="export-bar" role="group" aria-label={t('logs.exportGroup')}>
            <span>{t('logs.exportSummary', { count: sessions.length, events: eventTotal })}</span>
            <button type="button" disabled={progress !== null} onClick={() => void runExport('csv', sessions, filter)}>
              {t('logs.exportCsv')}
            </button>
            <button type="button" disabled={progress !== null} onClick={() => void runExport('json', sessions, filter)}>
              {t('logs.exportJson')}
            </button>
            {filter.cardId && <span className="hint">{t('logs.productFilterHint')}</span>}
            {progress && (
              <span role="status" className="progress">
                <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('logs.exporting')} />{' '}
                {t('logs.exportProgress', { done: progress.done, total: progress.total })}
              </span>
            )}
            {saved && !progress && (
              <span role="status" className="saved">
                {saved}
              </span>
            )}
          </div>
        )}
        {sessions === null ? (
          <p role="status">{t('common.loading')}</p>
        ) : sessions.length === 0 ? (
          <p>{Object.keys(filter).length > 0 ? t('logs.noMatch') : t('studio.noSessions')}</p>
        ) : (
          <table className="sessions">
            <thead>
              <tr>
                {table.header('started', t('studio.started'))}
                {table.header('ended', t('studio.ended'))}
                {table.header('host', t('studio.host'))}
                {table.header('deck', t('studio.deck'))}
                {table.header('platform', t('studio.platform'))}
                {table.header('market', t('logs.marketLanguage'))}
                {table.header('events', t('studio.events'))}
                <th scope="col">{t('logs.coverage')}</th>
                {table.header('origin', t('logs.origin'))}
                <th scope="col">
                  <span className="visually-hidden">{t('logs.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((s) => (
                <tr key={s.id} data-session-id={s.id} className={open === s.id ? 'open' : undefined}>
                  <td>{dateTime(s.startedAt)}</td>
                  <td>
                    {s.endedAt ? dateTime(s.endedAt) : t('studio.stillLive')}
                    {s.endReason === 'auto' && <span className="badge auto-ended">{t('logs.autoEnded')}</span>}
                  </td>
                  <td>{s.host}</td>
                  <td>{s.deckName}</td>
                  <td>{platformName(s.platform) ?? s.platform}</td>
                  <td>
                    {s.market} · {s.language}
                  </td>
                  <td>{s.lastSeq}</td>
                  <td className="coverage-cell">{coverage?.[s.id] && <CoverageCell counts={coverage[s.id]} />}</td>
                  <td className="origin">{s.origin?.importedFrom ? t('logs.importedFrom', { file: s.origin.importedFrom }) : t('logs.thisBrowser')}</td>
                  <td className="actions">
                    <button type="button" aria-expanded={open === s.id} onClick={() => setOpen(open === s.id ? undefined : s.id)}>
                      {t('logs.view')}
                    </button>
                    <button type="button" disabled={progress !== null} onClick={() => void runExport('csv', [s])}>
                      {t('studio.downloadCsv')}
                    </button>
                    <button type="button" disabled={progress !== null} onClick={() => void runExport('json', [s])}>
                      {t('studio.downloadJson')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

      </section>

      {open && <SessionDetail key={open} call={call} onChanged={onChanged} sessionId={open} onClose={closeDetail} />}
      <VerifyPanel />
      <TeamImport call={call} />
    </>
  );
}
