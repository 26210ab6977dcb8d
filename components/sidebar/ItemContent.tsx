import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/cards/items';
import { policySource, policySummaryParts } from '../../lib/cards/policy-summary';
import { sizeRange } from '../../lib/cards/size';
import { unitLabel } from '../../lib/format';
import { localize } from '../../lib/cards/text';
import type { LengthUnit } from '../../lib/scale/units';
import type { Card } from '../../lib/schema/card';
import type { Deck } from '../../lib/schema/deck';
import type { ReturnPolicy } from '../../lib/schema/policy';
import { useViewerT } from '../common/viewer-text';
import { Text, type Lang } from './Localized';
import { NotTranslated } from './NotTranslated';
import { PolicyView } from './PolicyView';
import { ScaleView, useDimensionsLine } from './ScaleView';
import { SizeChartView } from './SizeChartView';

export interface ItemContext extends Lang {
  card: Card;
  policy: ReturnPolicy | undefined;
  deck: Pick<Deck, 'defaultPolicyId'> & Partial<Pick<Deck, 'market'>>;
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
      return <ScaleView card={card} unit={ctx.unit} refIndex={ctx.refIndex} onRef={ctx.onRef} language={language} market={ctx.deck.market} />;
    case 'policy':
      return policy ? <PolicyView policy={policy} source={policySource(card, ctx.deck, policy)} language={language} fallbacks={fallbacks} /> : null;
  }
}

/** One line for an item that is not selected, so the whole card fits without scrolling. */
export function ItemPreview({ item, ctx }: { item: CardItem; ctx: ItemContext }) {
  const { t, i18n } = useTranslation();
  const dims = useDimensionsLine(ctx.card, ctx.unit);
  const { card, policy, language, fallbacks } = ctx;
  const viewer = useViewerT(language);
  let text = '';
  // The language the line is in, when not the viewer's: marked, never silent.
  let shown: string | undefined;
  switch (item.kind) {
    case 'caveat': {
      const r = localize(card.caveats.find((c) => c.id === item.id)?.text, language, fallbacks);
      text = r?.text ?? '';
      if (r?.fallback) shown = r.language;
      break;
    }
    case 'note': {
      const note = card.notes.find((n) => n.id === item.id);
      const r = note ? localize(note.text, language, fallbacks) : undefined;
      text = note ? t('cardView.noteLine', { kind: t(`noteKind.${note.kind}`), text: r?.text ?? '' }) : '';
      if (r?.fallback) shown = r.language;
      break;
    }
    case 'size': {
      const chart = card.sizeChart;
      if (chart) {
        const advice = localize(chart.fitAdvice, language, fallbacks);
        text = [`${sizeRange(chart)} · ${unitLabel(ctx.unit, i18n.language)}`, advice?.text].filter(Boolean).join(' · ');
        if (advice?.fallback) shown = advice.language;
      }
      break;
    }
    case 'scale':
      text = dims;
      break;
    case 'policy': {
      const own = localize(policy?.summary, language);
      const parts = policy ? policySummaryParts(policy, language, viewer.t, fallbacks) : [];
      text = parts.map((p) => p.text).join(' ');
      if (policy && !(own && !own.fallback) && !viewer.translated) shown = viewer.language;
      else shown = parts.find((p) => p.fallback)?.fallback;
      break;
    }
  }
  return (
    <span className="item-preview">
      {text}
      {shown && (
        <>
          {' '}
          <NotTranslated shown={shown} wanted={language} />
        </>
      )}
    </span>
  );
}
