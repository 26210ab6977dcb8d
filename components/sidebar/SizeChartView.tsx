import { useTranslation } from 'react-i18next';
import { fitFeedbackView } from '../../lib/cards/size';
import { formatMeasure, formatPercent, unitLabel as intlUnitLabel } from '../../lib/format';
import { formatChartValue, formatHeight, type LengthUnit } from '../../lib/scale/units';
import type { SizeChart } from '../../lib/schema/card';
import { Text, type Lang } from './Localized';

interface Props extends Lang {
  chart: SizeChart;
  unit: LengthUnit;
  row: number | undefined;
  onRow?: (row: number) => void;
}

/**
 * The size chart in the host's unit (converted exactly from the producer's), the unit in every
 * column header, the row being talked about highlighted, then fit advice, brand equivalents,
 * fit feedback (only from a minimum sample) and model references.
 */
export function SizeChartView({ chart, unit, row, onRow, language, fallbacks }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const measurements = chart.measurements ?? [];
  const rows = chart.rows ?? [];
  // The unit in every column header, as Intl writes it in this language (cm, 厘米, in, 英寸).
  const unitLabel = intlUnitLabel(unit, locale);
  const feedback = fitFeedbackView(chart.fitFeedback);
  return (
    <div className="size-chart">
      {rows.length === 0 ? (
        <p className="missing">{t('sizeChart.noRows')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('size.size')}</th>
                {measurements.map((m) => (
                  <th scope="col" key={m.id}>
                    <Text value={m.label} language={language} fallbacks={fallbacks} missing /> {t('sizeChart.headerUnit', { unit: unitLabel })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.size}-${i}`} className={i === row ? 'highlight' : undefined} aria-current={i === row ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" className="size-row" aria-pressed={i === row} aria-label={t('sizeChart.highlight', { size: r.size })} onClick={() => onRow?.(i)}>
                      {r.size}
                    </button>
                  </th>
                  {measurements.map((m) => {
                    const v = r.values?.[m.id];
                    return typeof v === 'number' && Number.isFinite(v) ? (
                      <td key={m.id}>{formatChartValue(v, chart.unit, unit, locale)}</td>
                    ) : (
                      <td key={m.id} className="missing-value">
                        <span aria-hidden="true">–</span>
                        <span className="sr-only">{t('missing.value')}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chart.fitAdvice && (
        <p className="fit-advice">
          <Text value={chart.fitAdvice} language={language} fallbacks={fallbacks} />
        </p>
      )}
      {chart.brandEquivalents && chart.brandEquivalents.length > 0 && (
        <div className="brands">
          <span className="sub-label">{t('sizeChart.brands')}</span>
          <ul>
            {chart.brandEquivalents.map((b, i) => (
              <li key={i}>{t('sizeChart.brandLine', { brand: b.brand, theirs: b.theirs, ours: b.ours })}</li>
            ))}
          </ul>
        </div>
      )}
      {feedback?.visible && (
        <div className="fit-feedback">
          <span className="sub-label">{t('sizeChart.feedback')}</span>
          <div className="feedback-bar" aria-hidden="true">
            <span className="fb-small" style={{ flexGrow: feedback.runsSmall }} />
            <span className="fb-true" style={{ flexGrow: feedback.trueToSize }} />
            <span className="fb-large" style={{ flexGrow: feedback.runsLarge }} />
          </div>
          <p>
            {t('size.fitFeedback', {
              trueToSize: formatPercent(feedback.trueToSize, locale),
              runsSmall: formatPercent(feedback.runsSmall, locale),
              runsLarge: formatPercent(feedback.runsLarge, locale),
              sampleSize: feedback.sampleSize,
            })}
          </p>
        </div>
      )}
      {feedback && !feedback.visible && (
        <p className="muted">{t('sizeChart.feedbackHidden', { sampleSize: feedback.sampleSize, minSample: feedback.minSample })}</p>
      )}
      {chart.modelRefs?.map((m, i) => {
        const h = formatHeight(m.heightCm, unit, locale);
        return (
          <p key={i} className="model-ref">
            {h.cm !== undefined
              ? t('sizeChart.model', { height: formatMeasure(m.heightCm, 'cm', locale, 0), size: m.wears })
              : t('sizeChart.model', { height: `${formatMeasure(h.ft ?? 0, 'ft', locale, 0)} ${formatMeasure(h.in ?? 0, 'in', locale, 0)}`, size: m.wears })}
            {m.fit && (
              <>
                {' — '}
                <Text value={m.fit} language={language} fallbacks={fallbacks} />
              </>
            )}
          </p>
        );
      })}
    </div>
  );
}
