import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Client } from '../../../lib/messaging/client';
import type { JournalCheck, SafetyStatus } from '../../../lib/contracts/safety';
import { RecoveryNotice } from '../../common/RecoveryNotice';

/** The `downloads` permission, asked only when the automatic copy is turned on. */
export interface DownloadsPermission {
  granted: () => Promise<boolean>;
  /** Must run inside the click that turns the option on (the browser asks the person). */
  request: () => Promise<boolean>;
}

const codeOf = (err: unknown) => (err as { code?: string }).code ?? 'internal';

/**
 * Issue 22's settings: the automatic copy of each ended show in Downloads (on by default for new
 * installs, asked once), the journal's health and a full check of it against the database, and
 * the last recovery's report. Its own component, to be placed in the studio's Settings.
 */
export function SafetySettings({ call, downloads }: { call: Client; downloads?: DownloadsPermission }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SafetyStatus | null>(null);
  const [granted, setGranted] = useState<boolean | undefined>();
  const [check, setCheck] = useState<JournalCheck | null>(null);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setStatus(await call('safety.status', {}));
      setGranted(await downloads?.granted());
    } catch (err) {
      setError(codeOf(err));
    }
  }, [call, downloads]);
  useEffect(() => void load(), [load]);

  async function setAutoSave(enabled: boolean) {
    try {
      // Asked first, in the click: without the permission the option cannot work.
      const allowed = enabled ? ((await downloads?.request()) ?? false) : false;
      setGranted(enabled ? allowed : granted);
      const autoSave = await call('safety.autoSave', { enabled: enabled && allowed });
      setStatus((s) => (s ? { ...s, autoSave } : s));
    } catch (err) {
      setError(codeOf(err));
    }
  }

  async function runCheck() {
    try {
      setCheck(await call('safety.check', {}));
    } catch (err) {
      setError(codeOf(err));
    }
  }

  if (!status) return error ? <p role="alert" className="error">{t(`errors.${error}`, { defaultValue: t('errors.internal') })}</p> : null;
  const { autoSave, journal } = status;
  return (
    <section className="safety-settings" aria-labelledby="safety-title">
      <h3 id="safety-title">{t('safety.title')}</h3>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {status.recovery && <RecoveryNotice report={status.recovery} onDismiss={() => void call('safety.dismiss', {}).then(load)} />}
      {status.autoSaveFailed && <p className="error">{t('errors.auto-save-failed')}</p>}

      {!autoSave.asked ? (
        <div className="safety-ask" role="group" aria-label={t('safety.autoSave')}>
          <p>{t('safety.autoSaveAsk')}</p>
          <button type="button" onClick={() => void setAutoSave(true)}>
            {t('safety.autoSaveYes')}
          </button>{' '}
          <button type="button" onClick={() => void setAutoSave(false)}>
            {t('safety.autoSaveNo')}
          </button>
        </div>
      ) : (
        <p>
          <label>
            <input type="checkbox" checked={autoSave.enabled} onChange={(e) => void setAutoSave(e.target.checked)} /> {t('safety.autoSave')}
          </label>
        </p>
      )}
      {autoSave.asked && autoSave.enabled && granted === false && (
        <p className="error">
          {t('safety.autoSaveNeedsPermission')}{' '}
          <button type="button" onClick={() => void setAutoSave(true)}>
            {t('safety.allow')}
          </button>
        </p>
      )}

      {journal.failing ? (
        <p role="alert" className="error">
          {t('safety.journalFailing', { reason: t(`errors.${journal.failing}`, { defaultValue: t('errors.internal') }) })}
        </p>
      ) : (
        <p>{journal.lastWriteAt !== undefined ? t('safety.journalOk', { time: formatDateTime(journal.lastWriteAt, i18n.language) }) : t('safety.journalIdle')}</p>
      )}
      <button type="button" onClick={() => void runCheck()}>
        {t('safety.check')}
      </button>
      {check && <CheckResult check={check} />}
    </section>
  );
}

function CheckResult({ check }: { check: JournalCheck }) {
  const { t, i18n } = useTranslation();
  const counts = { sessions: check.sessions, events: check.events };
  const left = check.torn + check.damaged + check.broken + check.missingFromDatabase;
  return (
    <div role="status" className="safety-check">
      {check.disagreements.length === 0 ? (
        <p>{t('safety.checkOk', counts)}</p>
      ) : (
        <>
          <p className="error">{t('safety.checkDisagrees', counts)}</p>
          <ul>
            {check.disagreements.map((d) => (
              <li key={`${d.sessionId}-${d.seq}`}>
                {t('safety.disagreement', { host: d.host, started: formatDateTime(d.startedAt, i18n.language), seq: d.seq, kind: t(`safety.kind.${d.kind}`) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {left > 0 && <p>{t('safety.checkProblems', { torn: check.torn, damaged: check.damaged, broken: check.broken, missing: check.missingFromDatabase })}</p>}
    </div>
  );
}
