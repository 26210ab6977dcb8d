import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useActions, useSidebar } from './context';

/**
 * After a crash or a closed tab: the console's sessions still open, each with Resume and End.
 * Shown instead of Go live, so the host decides before starting anything new.
 */
export function Resume() {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const resumable = useSidebar((s) => s.resumable);
  const session = useSidebar((s) => s.session);
  const starting = useSidebar((s) => s.starting);
  if (session || resumable.length === 0) return null;
  const time = (ms: number) => formatDateTime(ms, i18n.language);
  return (
    <section className="resume" aria-labelledby="resume-title">
      <h2 id="resume-title">{t('session.resumeTitle')}</h2>
      <p>{t('session.resumeIntro')}</p>
      <ul>
        {resumable.map((s) => (
          <li key={s.id} data-session-id={s.id}>
            <p>
              {t('session.resumeWhat', { host: s.host, deck: s.deckName, started: time(s.startedAt), count: s.lastSeq })}
            </p>
            <button type="button" className="primary" disabled={starting} aria-busy={starting} onClick={() => void actions.resume(s.id)}>
              {t('session.resume')}
            </button>{' '}
            <button type="button" className="danger" onClick={() => void actions.endResumable(s.id)}>
              {t('session.endIt')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
