import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/cards/items';
import { policySummary } from '../../lib/cards/policy-summary';
import { localize } from '../../lib/cards/text';
import type { Card } from '../../lib/schema/card';
import type { LocalizedText } from '../../lib/schema/common';
import type { ReturnPolicy } from '../../lib/schema/policy';

interface Props {
  item: CardItem;
  card: Card;
  policy: ReturnPolicy | undefined;
  language: string;
  fallbacks: readonly string[];
}

function Text({ value, language, fallbacks }: { value: LocalizedText | undefined; language: string; fallbacks: readonly string[] }) {
  const r = localize(value, language, fallbacks);
  if (!r) return null;
  return (
    <span lang={r.language} data-fallback={r.fallback || undefined}>
      {r.text}
    </span>
  );
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));

/** What the host sees for one disclosure item. */
export function ItemContent({ item, card, policy, language, fallbacks }: Props) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'caveat': {
      const caveat = card.caveats.find((c) => c.id === item.id);
      return <Text value={caveat?.text} language={language} fallbacks={fallbacks} />;
    }
    case 'note': {
      const note = card.notes.find((n) => n.id === item.id);
      if (!note) return null;
      return (
        <>
          <span className="note-kind">{t(`noteKind.${note.kind}`)}: </span>
          <Text value={note.text} language={language} fallbacks={fallbacks} />
        </>
      );
    }
    case 'size': {
      const chart = card.sizeChart;
      if (!chart) return null;
      return (
        <div className="size-chart">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('size.size')}</th>
                {chart.measurements.map((m) => (
                  <th scope="col" key={m.id}>
                    <Text value={m.label} language={language} fallbacks={fallbacks} /> ({chart.unit})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((r) => (
                <tr key={r.size}>
                  <th scope="row">{r.size}</th>
                  {chart.measurements.map((m) => (
                    <td key={m.id}>{fmt(r.values[m.id])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {chart.fitAdvice && (
            <p className="fit-advice">
              <Text value={chart.fitAdvice} language={language} fallbacks={fallbacks} />
            </p>
          )}
          {chart.modelRefs?.map((m, i) => (
            <p key={i}>
              {t('size.model', { height: m.heightCm, size: m.wears })}
              {m.fit && (
                <>
                  {' — '}
                  <Text value={m.fit} language={language} fallbacks={fallbacks} />
                </>
              )}
            </p>
          ))}
        </div>
      );
    }
    case 'scale': {
      const d = card.dimensions ?? {};
      const parts: string[] = [];
      if (d.lengthMm) parts.push(`${t('dimensions.length')} ${d.lengthMm / 10} cm`);
      if (d.widthMm) parts.push(`${t('dimensions.width')} ${d.widthMm / 10} cm`);
      if (d.heightMm) parts.push(`${t('dimensions.height')} ${d.heightMm / 10} cm`);
      if (d.weightG) parts.push(`${t('dimensions.weight')} ${d.weightG} g`);
      return <span>{parts.join(' · ')}</span>;
    }
    case 'policy':
      return policy ? <span>{policySummary(policy, language, t)}</span> : null;
  }
}
