import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProofStatus } from '../../../lib/background/prover';
import type { Client } from '../../../lib/messaging/client';
import { formatDateTime } from '../../../lib/format';
import type { Session } from '../../../lib/schema/session';

/** Well-known public RFC 3161 authorities (free, no account). A company's own goes in "Other". */
export const PUBLIC_TSAS = [
  { name: 'FreeTSA', url: 'https://freetsa.org/tsr' },
  { name: 'DigiCert', url: 'http://timestamp.digicert.com' },
  { name: 'Sectigo', url: 'http://timestamp.sectigo.com' },
] as const;

/** Asks the browser for access to the authority's origin only (an optional host permission). */
export type AskOrigin = (origin: string) => Promise<boolean>;

const browserAsk: AskOrigin = async (origin) => {
  const api = (globalThis as { chrome?: { permissions?: { request(p: { origins: string[] }): Promise<boolean> } } }).chrome?.permissions;
  return api ? api.request({ origins: [`${origin}/*`] }) : true;
};

/**
 * Settings › Time-stamps (issue 19): off by default; a public authority or the company's own,
 * asked for as access to that one origin. Lists the ended shows still waiting for a token, with
 * the last failure, and tries them again on request.
 */
export function Timestamps({ call, ask = browserAsk }: { call: Client; ask?: AskOrigin }) {
  const { t } = useTranslation();
  const choiceName = useId();
  const customId = useId();
  const [status, setStatus] = useState<ProofStatus | null>(null);
  const [choice, setChoice] = useState<string>('off');
  const [custom, setCustom] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const s = await call('proofs.status', {});
    setStatus(s);
    if (!s.tsaUrl) setChoice('off');
    else if (PUBLIC_TSAS.some((p) => p.url === s.tsaUrl)) setChoice(s.tsaUrl);
    else {
      setChoice('custom');
      setCustom(s.tsaUrl);
    }
  }, [call]);

  useEffect(() => {
    void refresh().catch(() => setMessage({ kind: 'error', text: t('errors.internal') }));
  }, [refresh, t]);

  async function save() {
    setMessage(undefined);
    const url = choice === 'off' ? undefined : choice === 'custom' ? custom.trim() : choice;
    let origin: string | undefined;
    if (url) {
      try {
        const u = new URL(url);
        if (!/^https?:$/.test(u.protocol)) throw new Error('protocol');
        origin = u.origin;
      } catch {
        setMessage({ kind: 'error', text: t('timestamps.badUrl') });
        return;
      }
    }
    setBusy(true);
    try {
      if (origin && !(await ask(origin))) {
        setMessage({ kind: 'error', text: t('timestamps.denied', { origin }) });
        return;
      }
      await call('proofs.configure', url ? { tsaUrl: url } : {});
      await refresh();
      setMessage({ kind: 'ok', text: url ? t('timestamps.saved', { origin }) : t('timestamps.turnedOff') });
    } catch (err) {
      setMessage({ kind: 'error', text: t(`errors.${(err as { code?: string }).code ?? 'internal'}`, { defaultValue: t('errors.internal') }) });
    } finally {
      setBusy(false);
    }
  }

  async function retry() {
    setBusy(true);
    try {
      setStatus(await call('proofs.retry', {}));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${choiceName}-title`} className="timestamps">
      <h3 id={`${choiceName}-title`}>{t('timestamps.title')}</h3>
      <p>{t('timestamps.intro')}</p>
      <fieldset disabled={busy}>
        <legend>{t('timestamps.authority')}</legend>
        {[{ value: 'off', label: t('timestamps.off') }, ...PUBLIC_TSAS.map((p) => ({ value: p.url, label: t('timestamps.preset', { name: p.name, url: p.url }) })), { value: 'custom', label: t('timestamps.custom') }].map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" name={choiceName} value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} /> {o.label}
          </label>
        ))}
        {choice === 'custom' && (
          <p>
            <label htmlFor={customId}>{t('timestamps.customUrl')}</label>{' '}
            <input id={customId} type="url" inputMode="url" placeholder="https://tsa.example.com/tsr" value={custom} onChange={(e) => setCustom(e.target.value)} />
          </p>
        )}
        <button type="button" onClick={() => void save()}>
          {t('timestamps.save')}
        </button>
      </fieldset>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : undefined}>
          {message.text}
        </p>
      )}
      {status?.tsaUrl && (
        <div className="timestamp-status" role="status">
          {status.unstamped.length === 0 ? (
            <p>{t('timestamps.allStamped')}</p>
          ) : (
            <>
              <p>{t('timestamps.waiting', { count: status.unstamped.length })}</p>
              <WaitingShows call={call} ids={status.unstamped} />
              {status.lastError && (
                <p className="note" lang="en">
                  {status.lastError}
                </p>
              )}
              <button type="button" onClick={() => void retry()} disabled={busy}>
                {t('timestamps.retry')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** Which ended shows still wait for their time-stamp: host and start, as the session list names them. */
function WaitingShows({ call, ids }: { call: Client; ids: readonly string[] }) {
  const { i18n } = useTranslation();
  const [sessions, setSessions] = useState<Session[]>([]);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    void call('session.list', {}).then(
      (all) => live && setSessions(all.filter((s) => key.split(',').includes(s.id))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [call, key]);
  if (sessions.length === 0) return null;
  return (
    <ul className="waiting-shows">
      {sessions.map((s) => (
        <li key={s.id} data-session-id={s.id}>
          {s.host} · {formatDateTime(s.startedAt, i18n.language)} · {s.deckName}
        </li>
      ))}
    </ul>
  );
}
