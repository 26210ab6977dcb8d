import { useTranslation } from 'react-i18next';
import type { SessionCheck } from '../../../lib/evidence/verify';
import { formatDateTime } from '../../../lib/format';

/**
 * What a verified session's proofs say (issue 19): which chain version it has, its time-stamps
 * (count, first and last time, authority) or "no timestamp", and which installation signed it.
 */
export function ProofSummary({ check }: { check: SessionCheck }) {
  const { t, i18n } = useTranslation();
  const stamps = check.proofs?.stamps;
  const sig = check.proofs?.signatures;
  return (
    <div className="proof-summary">
      <small>{check.chainVersion === 2 ? t('verify.proofs.chainV2') : t('verify.proofs.chainV1')}</small>
      {' · '}
      <small data-stamps={stamps?.count ?? 0}>
        {stamps && stamps.count > 0
          ? t('verify.proofs.stamps', {
              count: stamps.count,
              first: formatDateTime(stamps.first!, i18n.language),
              last: formatDateTime(stamps.last!, i18n.language),
              authority: stamps.authorities.join(', '),
            })
          : t('verify.proofs.noStamp')}
      </small>
      {' · '}
      <small>{sig && sig.count > 0 ? t('verify.proofs.signed', { installation: sig.installation }) : t('verify.proofs.unsigned')}</small>
    </div>
  );
}
