import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpfrontError } from '../../../lib/errors';
import { LogFile } from '../../../lib/export/log-file';
import { yieldToEventLoop } from '../../../lib/export/stream';
import { verifyLogText } from '../../../lib/evidence/verify';
import type { ImportResult } from '../../../lib/schema/session';
import type { Client } from '../../../lib/messaging/client';

interface FileResult {
  name: string;
  /** The file as a whole could not be read (not a log, malformed). */
  error?: string;
  sessions: (ImportResult & { host: string })[];
}

/**
 * Team view: merges log files exported on other machines into this browser's log. Each file is
 * validated with zod and verified first; each session goes to the background on its own, which
 * re-checks its chain, de-duplicates events by id and keeps the session's origin.
 */
export function TeamImport({ call }: { call: Client }) {
  const { t } = useTranslation();
  const input = useId();
  const [results, setResults] = useState<FileResult[]>([]);
  const [busy, setBusy] = useState(false);

  async function importFile(file: File): Promise<FileResult> {
    const text = await file.text();
    const report = await verifyLogText(text, { yieldEvery: 2000, pause: yieldToEventLoop });
    if (report.sessions.length === 0 && !report.ok) return { name: file.name, error: report.problems[0].code, sessions: [] };
    const parsed = LogFile.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
    if (!parsed.success) return { name: file.name, error: 'bad-shape', sessions: [] };
    const log = parsed.data;
    const out: FileResult = { name: file.name, sessions: [] };
    const snapshots = new Map(log.snapshots.map((s) => [s.hash, s]));
    for (const session of log.sessions) {
      const events = log.events.filter((e) => e.sessionId === session.id);
      const cited = [...new Set(events.map((e) => e.cardHash))].map((h) => snapshots.get(h)).filter((s) => s !== undefined);
      try {
        const r = await call('log.import', {
          fileName: file.name,
          fileInstallation: log.source?.installation,
          session,
          events,
          snapshots: cited,
        });
        out.sessions.push({ ...r, host: session.host });
      } catch (err) {
        out.sessions.push({ sessionId: session.id, host: session.host, status: 'rejected', eventsAdded: 0, eventsDuplicate: 0, reason: err instanceof UpfrontError ? err.code : 'internal' });
      }
      await yieldToEventLoop();
    }
    return out;
  }

  async function importAll(files: File[]) {
    setBusy(true);
    const done: FileResult[] = [];
    for (const f of files) {
      try {
        done.push(await importFile(f));
      } catch {
        done.push({ name: f.name, error: 'not-json', sessions: [] });
      }
    }
    setResults(done);
    setBusy(false);
  }

  return (
    <section aria-labelledby="team-title" className="team">
      <h2 id="team-title">{t('team.title')}</h2>
      <p>{t('team.intro')}</p>
      <label htmlFor={input}>{t('team.choose')}</label>{' '}
      <input
        id={input}
        type="file"
        multiple
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) void importAll(files);
          e.target.value = '';
        }}
      />
      {busy && <p role="status">{t('team.importing')}</p>}
      {results.length > 0 && (
        <table className="import-results" aria-label={t('team.results')}>
          <thead>
            <tr>
              <th scope="col">{t('team.file')}</th>
              <th scope="col">{t('studio.host')}</th>
              <th scope="col">{t('team.result')}</th>
              <th scope="col">{t('team.added')}</th>
              <th scope="col">{t('team.duplicates')}</th>
            </tr>
          </thead>
          <tbody>
            {results.flatMap((f) =>
              f.error
                ? [
                    <tr key={f.name} className="rejected">
                      <td>{f.name}</td>
                      <td />
                      <td>{t(`verify.code.${f.error}`)}</td>
                      <td />
                      <td />
                    </tr>,
                  ]
                : f.sessions.map((s) => (
                    <tr key={`${f.name}:${s.sessionId}`} className={s.status} data-status={s.status}>
                      <td>{f.name}</td>
                      <td>{s.host}</td>
                      <td>
                        {t(`team.status.${s.status}`)}
                        {s.reason && <> — {t(`verify.code.${s.reason}`, { defaultValue: t(`errors.${s.reason}`, { defaultValue: s.reason }) })}</>}
                      </td>
                      <td>{s.eventsAdded}</td>
                      <td>{s.eventsDuplicate}</td>
                    </tr>
                  )),
            )}
          </tbody>
        </table>
      )}
      <p className="hint">{t('team.exportHint')}</p>
    </section>
  );
}
