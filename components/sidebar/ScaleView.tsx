import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { familiarReferences, resolveRef, type ResolvedRef } from '../../lib/scale/references';
import { comparePhrases, productFront, scaleSentence, suggestReference } from '../../lib/scale/compare';
import { formatMeasure, formatMeasureList } from '../../lib/format';
import { formatLength, formatWeight, type LengthUnit, type Quantity } from '../../lib/scale/units';
import { useViewerT } from '../common/viewer-text';
import { NotTranslated } from './NotTranslated';
import type { Card } from '../../lib/schema/card';
import { ScaleDrawing } from './ScaleDrawing';

interface Props {
  card: Card;
  unit: LengthUnit;
  refIndex: number;
  onRef?: (i: number) => void;
  /** The viewer language: the comparison sentence is read out to viewers. */
  language?: string;
  /** The deck's market: its viewers compare with objects they know (US Letter, not A4). */
  market?: string;
}

export function useRefName() {
  const { t } = useTranslation();
  return (r: ResolvedRef) => (r.catalogueId ? t(`scaleRef.${r.catalogueId}.name`) : (r.name ?? ''));
}

/** "60 × 10 × 60 cm" — one unit for the whole line, as a host would say it. */
export function useDimensionsLine(card: Card, unit: LengthUnit): string {
  const { t, i18n } = useTranslation();
  const d = card.dimensions ?? {};
  // Units placed by Intl for the interface language (lib/format), never "value + ' ' + unit".
  const q = (x: Quantity) => formatMeasure(x.amount, x.unit, i18n.language, x.decimals);
  const lengths = [d.lengthMm, d.widthMm, d.heightMm].filter((v): v is number => typeof v === 'number' && v > 0);
  const parts: string[] = [];
  if (lengths.length > 0) {
    const qs = lengths.map((mm) => formatLength(mm, unit, i18n.language));
    // One unit for the line when all share it: "60 × 10 × 60 cm", as a host would say it.
    const shared = qs.every((x) => x.unit === qs[0].unit);
    const decimals = Math.max(...qs.map((x) => x.decimals));
    parts.push(shared ? formatMeasureList(qs.map((x) => x.amount), qs[0].unit, i18n.language, decimals) : qs.map(q).join(' × '));
  }
  if (d.weightG) parts.push(t('scale.weightLine', { weight: q(formatWeight(d.weightG, unit, i18n.language)) }));
  return parts.join(' · ');
}

/**
 * Real-world scale: the dimensions, the product drawn beside an everyday object, and one plain
 * sentence. With no reference chosen, the closest in size is suggested (and says so).
 */
export function ScaleView({ card, unit, refIndex, onRef, language, market }: Props) {
  const { t, i18n } = useTranslation();
  const viewer = useViewerT(language ?? i18n.language);
  const refName = useRefName();
  const line = useDimensionsLine(card, unit);
  const outline = useMemo(() => productFront(card.dimensions), [card.dimensions]);
  const known = useMemo(() => familiarReferences(market), [market]);
  const chosen = useMemo(() => (card.scaleRefs ?? []).map((r) => resolveRef(r, market)).filter((r): r is ResolvedRef => r !== undefined), [card.scaleRefs, market]);
  const suggested = chosen.length === 0 ? suggestReference(outline, known) : undefined;
  const refs = chosen.length > 0 ? chosen : suggested ? [suggested] : [];
  const ref = refs[Math.min(refIndex, refs.length - 1)];
  const viewerT = viewer.t;
  const sentence = useMemo(() => scaleSentence(comparePhrases(outline, ref, known), viewerT), [outline, ref, known, viewerT]);
  const drawable = outline?.widthMm !== undefined && outline.heightMm !== undefined;
  return (
    <div className="scale">
      <p className="dims">{line || <span className="missing-inline">{t('scale.noDims')}</span>}</p>
      {sentence && (
        <p className="scale-sentence" lang={viewer.language}>
          {sentence}
          {!viewer.translated && language && (
            <>
              {' '}
              <NotTranslated shown={viewer.language} wanted={language} />
            </>
          )}
        </p>
      )}
      {refs.length > 1 && (
        <div className="ref-chips" role="group" aria-label={t('scale.compare')}>
          {refs.map((r, i) => (
            <button type="button" key={r.key} aria-pressed={r === ref} onClick={() => onRef?.(i)}>
              {refName(r)}
            </button>
          ))}
        </div>
      )}
      {ref && drawable ? (
        <>
          {suggested && <p className="muted">{t('scale.suggested')}</p>}
          <ScaleDrawing
            product={{ widthMm: outline.widthMm!, heightMm: outline.heightMm! }}
            refObj={ref}
            refName={`${refName(ref)}${ref.confidence === 'low' ? ` (${t('scale.approx')})` : ''}`}
            label={t('scale.drawing', { product: t('scale.product'), ref: refName(ref) })}
          />
          {ref.photo && <RefPhoto src={ref.photo} alt={refName(ref)} />}
        </>
      ) : (
        outline && <p className="muted">{t('scale.needTwo')}</p>
      )}
    </div>
  );
}

function RefPhoto({ src, alt }: { src: string; alt: string }) {
  return (
    <img
      className="ref-photo"
      src={src}
      alt={alt}
      onError={(e) => {
        // A broken photo of a custom reference just goes away: the drawing already shows it.
        e.currentTarget.hidden = true;
      }}
    />
  );
}
