import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import { returnRate, type Tally } from '../../../lib/returns/analysis';
import type { ReasonUnits } from '../../../lib/returns/join';
import { ReasonKey } from '../../../lib/returns/types';

/**
 * Returned of ordered units, always as counts; the rate beside them only from MIN_ORDERS orders
 * on, and a warning below (issue 17: never a bare percentage on small numbers).
 */
export function RateText({ tally }: { tally: Pick<Tally, 'ordered' | 'returned' | 'small' | 'orders'> }) {
  const { t, i18n } = useTranslation();
  const rate = returnRate(tally);
  const counts = t('returnsLoop.units', { returned: tally.returned, ordered: tally.ordered });
  if (rate === undefined) return <span>{counts}</span>;
  if (tally.small) {
    return (
      <span>
        {counts} <span className="small-sample">{t('returnsLoop.smallSample', { count: tally.orders })}</span>
      </span>
    );
  }
  return (
    <span>
      {counts} ({formatPercent(rate * 100, i18n.language, 1)})
    </span>
  );
}

/** "size / fit 3 · colour 1", in the reasons' fixed order. */
export function ReasonsText({ reasons }: { reasons: ReasonUnits }) {
  const { t } = useTranslation();
  const parts = ReasonKey.options.filter((r) => (reasons[r] ?? 0) > 0).map((r) => `${t(`returnsLoop.reason.${r}`)} ${reasons[r]}`);
  return <span>{parts.length > 0 ? parts.join(' · ') : '—'}</span>;
}

/** Minutes typed in a field as milliseconds (empty or invalid: the default). */
export function graceFromMinutes(text: string): number | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1440 ? Math.round(n * 60_000) : undefined;
}
