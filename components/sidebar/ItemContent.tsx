import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/cards/items';
import { policySource, policySummary } from '../../lib/cards/policy-summary';
import { sizeRange } from '../../lib/cards/size';
import { localize } from '../../lib/cards/text';
import type { LengthUnit } from '../../lib/scale/units';
import type { Card } from '../../lib/schema/card';
import type { Deck } from '../../lib/schema/deck';
import type { ReturnPolicy } from '../../lib/schema/policy';
import { Text, type Lang } from './Localized';
import { PolicyView } from './PolicyView';
import { ScaleView, useDimensionsLine } from './ScaleView';
import { SizeChartView } from './SizeChartView';

export interface ItemContext extends Lang {
  card: Card;
  policy: ReturnPolicy | undefined;
  deck: Pick<Deck, 'defaultPolicyId'>;
  unit: LengthUnit;
  sizeRow: number | undefined;
  refIndex: number;
  onSizeRow?: (row: number) => void;
  onRef?: (i: number) => void;
}

/** What the host sees for one disclosure item when it is the selected one: everything. */
export function ItemContent({ item, ctx }: { item: CardItem; ctx: ItemContext }) {
  const { t } = useTranslation();
  const { card, policy, language, fallbacks } = ctx;
  switch (item.kind) {
    case 'caveat': {
      const caveat = card.caveats.find((c) => c.id === item.id);
      return <Text value={caveat?.text} language={language} fallbacks={fallbacks} missing />;
    }
    case 'note': {
      const note = card.notes.find((n) => n.id === item.id);
      if (!note) return null;
      return (
        <span className={`note note-${note.kind}`}>
          <span className="note-kind">
            {note.kind === 'demo' ? '▶ ' : ''}
            {t(`noteKind.${note.kind}`)}:{' '}
          </span>
          <Text value={note.text} language={language} fallbacks={fallbacks} missing />
        </span>
      );
    }
    case 'size':
      return card.sizeChart ? (
        <SizeChartView chart={card.sizeChart} unit={ctx.unit} row={ctx.sizeRow} onRow={ctx.onSizeRow} language={language} fallbacks={fallbacks} />
      ) : null;
    case 'scale':
      return <ScaleView card={card} unit={ctx.unit} refIndex={ctx.refIndex} onRef={ctx.onRef} />;
    case 'policy':
      return policy ? <PolicyView policy={policy} source={policySource(card, ctx.deck, policy)} language={language} /> : null;
  }
}

/** One line for an item that is not selected, so the whole card fits without scrolling. */
export function ItemPreview({ item, ctx }: { item: CardItem; ctx: ItemContext }) {
  const { t } = useTranslation();
  const dims = useDimensionsLine(ctx.card, ctx.unit);
  const { card, policy, language, fallbacks } = ctx;
  let text = '';
  switch (item.kind) {
    case 'caveat':
      text = localize(card.caveats.find((c) => c.id === item.id)?.text, language, fallbacks)?.text ?? '';
      break;
    case 'note': {
      const note = card.notes.find((n) => n.id === item.id);
      text = note ? `${t(`noteKind.${note.kind}`)}: ${localize(note.text, language, fallbacks)?.text ?? ''}` : '';
      break;
    }
    case 'size': {
      const chart = card.sizeChart;
      if (chart) {
        const advice = localize(chart.fitAdvice, language, fallbacks)?.text;
        text = [`${sizeRange(chart)} · ${t(`units.${ctx.unit}`)}`, advice].filter(Boolean).join(' · ');
      }
      break;
    }
    case 'scale':
      text = dims;
      break;
    case 'policy':
      text = policy ? policySummary(policy, language, t) : '';
      break;
  }
  return <span className="item-preview">{text}</span>;
}
