import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { RecoveryReport } from '../../lib/safety/recover';

/**
 * What a recovery from the journal restored and what it could not (issue 22), in the sidebar
 * and the studio, until the person dismisses it.
 */
export function RecoveryNotice({ report, onDismiss }: { report: RecoveryReport; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const when = (ms: number | undefined) => (ms === undefined ? '' : formatDateTime(ms, i18n.language));
  const unknown = report.lost.filter((l) => l.host === undefined);
  return (
    <section role="alert" className="recovery-notice" aria-label={t('safety.title')}>
      <p>{t('safety.recovered', { sessions: report.sessions, events: report.events, decks: report.decks, cards: report.cards, policies: report.policies })}</p>
      {report.libraryCopiedAt !== undefined && <p>{t('safety.recoveredWhen', { time: when(report.libraryCopiedAt) })}</p>}
      {report.lost
        .filter((l) => l.host !== undefined)
        .map((l) => (
          <p key={`${l.sessionId}-${l.reason}`} className="error">
            {t('safety.lostPart', { count: l.events, host: l.host, started: when(l.startedAt) })}
          </p>
        ))}
      {unknown.length > 0 && <p className="error">{t('safety.lostUnknown', { count: unknown.length })}</p>}
      {report.withoutImage > 0 && <p>{t('safety.withoutImage', { count: report.withoutImage })}</p>}
      {report.disagreements.length > 0 && <p className="error">{t('safety.disagrees', { count: report.disagreements.length })}</p>}
      {report.torn > 0 && <p>{t('safety.torn')}</p>}
      <button type="button" onClick={onDismiss}>
        {t('safety.dismiss')}
      </button>
    </section>
  );
}
