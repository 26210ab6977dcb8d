import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yieldToEventLoop } from '../../../lib/export/stream';
import { formatDateTime } from '../../../lib/format';
import { verifyLogText, type VerifyReport } from '../../../lib/evidence/verify';
import { ChainHead } from './ChainHead';
import { ProofSummary } from './ProofSummary';

/** Checks a log file (from this or any machine) with the same code as `npm run verify-log`. */
export function VerifyPanel() {
  const { t, i18n } = useTranslation();
  const input = useId();
  const [result, setResult] = useState<{ name: string; report: VerifyReport } | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(file: File) {
    setBusy(true);
    setResult(null);
    try {
      const report = await verifyLogText(await file.text(), { yieldEvery: 2000, pause: yieldToEventLoop });
      setResult({ name: file.name, report });
    } finally {
      setBusy(false);
    }
  }

  const dateTime = (ms: number) => formatDateTime(ms, i18n.language);
  const report = result?.report;
  const first = report?.problems[0];
  const firstSession = first?.sessionId ? report?.sessions.find((s) => s.sessionId === first.sessionId) : undefined;
  return (
    <section aria-labelledby="verify-title" className="verify">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p>{t('verify.intro')}</p>
      <label htmlFor={input}>{t('verify.choose')}</label>{' '}
      <input
        id={input}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void check(file);
          e.target.value = '';
        }}
      />
      {busy && <p role="status">{t('verify.checking')}</p>}
      {result && report && (
        <div role="status" className={report.ok ? 'verify-ok' : 'verify-failed'} data-verified={report.ok}>
          {report.ok ? (
            <p>
              <strong>{t('verify.ok', { name: result.name })}</strong> {t('verify.okDetail', { sessions: report.sessions.length, events: report.events, snapshots: report.snapshots })}
            </p>
          ) : (
            <>
              <p>
                <strong>{t('verify.failed', { name: result.name })}</strong> {t('verify.failedCount', { count: report.problems.length })}
              </p>
              {first && (
                <p className="first-break">
                  {t('verify.firstBreak')} {t(`verify.code.${first.code}`)}
                  {firstSession && <> · {t('verify.inSession', { host: firstSession.host, started: dateTime(firstSession.startedAt) })}</>}
                  {first.seq !== undefined && <> · {t('verify.atEvent', { seq: first.seq })}</>}
                  {first.path && (
                    <>
                      {' '}
                      · <code>{first.path}</code>
                    </>
                  )}
                  <br />
                  <small lang="en">{first.message}</small>
                </p>
              )}
            </>
          )}
          {report.sessions.length > 0 && (
            <ul className="verify-sessions">
              {report.sessions.map((s) => (
                <li key={s.sessionId} className={s.problem ? 'bad' : 'good'}>
                  {s.problem ? '✗' : '✓'} {s.host} · {dateTime(s.startedAt)} · {t('verify.events', { count: s.events })}
                  {s.problem && <> — {t(`verify.code.${s.problem.code}`)}</>}
                  <br />
                  {t('logs.head')}: <ChainHead head={s.head} />
                  {!s.problem && <ProofSummary check={s} />}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
