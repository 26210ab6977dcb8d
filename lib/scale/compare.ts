/**
 * Product size against everyday objects: which reference to show, how to draw both to scale,
 * and the one plain sentence the host can say ("about as tall as two 500 ml bottles, as wide as
 * a phone is long").
 */
import { familiarReferences, type ResolvedRef } from './references';

export interface Dims {
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
}

/** The product seen from the front: length side to side, height bottom to top. */
export interface Outline {
  widthMm?: number;
  heightMm?: number;
}

const ok = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/**
 * The front view of a product. Length runs side to side and height bottom to top; a flat item
 * with no height (a rug: length × width) is drawn lying flat, its width taken as the second side.
 */
export function productFront(d: Dims | undefined): Outline | undefined {
  if (!d) return undefined;
  const width = ok(d.lengthMm) ? d.lengthMm : ok(d.widthMm) ? d.widthMm : undefined;
  const height = ok(d.heightMm) ? d.heightMm : ok(d.lengthMm) && ok(d.widthMm) ? d.widthMm : undefined;
  if (width === undefined && height === undefined) return undefined;
  return { widthMm: width, heightMm: height };
}

/** How far apart two sizes are, on a log scale so "twice as big" and "half as big" weigh the same. */
function distance(p: Outline, r: ResolvedRef): number {
  let sum = 0;
  let n = 0;
  if (ok(p.widthMm)) {
    sum += Math.log(p.widthMm / r.widthMm) ** 2;
    n += 1;
  }
  if (ok(p.heightMm)) {
    sum += Math.log(p.heightMm / r.heightMm) ** 2;
    n += 1;
  }
  return n === 0 ? Infinity : sum / n;
}

/**
 * The reference closest in size to the product, for when the producer chose none. Ties go to
 * the earlier reference object (standard objects come first), so the choice is stable.
 */
export function suggestReference(outline: Outline | undefined, candidates: readonly ResolvedRef[] = familiarReferences()): ResolvedRef | undefined {
  if (!outline) return undefined;
  let best: ResolvedRef | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(outline, c);
    if (d < bestD - 1e-12) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** A size ratio in words a host can say without doing sums. */
export type Ratio =
  | { kind: 'same' }
  | { kind: 'slightlyLess' }
  | { kind: 'times'; count: number }
  | { kind: 'fraction'; denominator: number }
  | { kind: 'muchMore' }
  | { kind: 'muchLess' };

/** product / reference → words. Within 15 % counts as "about as"; multiples round to halves. */
export function describeRatio(r: number): Ratio {
  if (!(r > 0) || !Number.isFinite(r)) return { kind: 'same' };
  if (r >= 0.85 && r < 1.25) return { kind: 'same' };
  if (r >= 1.25) {
    const count = r < 3 ? Math.round(r * 2) / 2 : Math.round(r);
    return count > 10 ? { kind: 'muchMore' } : { kind: 'times', count };
  }
  if (r >= 0.7) return { kind: 'slightlyLess' };
  const denominator = Math.max(2, Math.round(1 / r));
  return denominator > 10 ? { kind: 'muchLess' } : { kind: 'fraction', denominator };
}

export interface ScalePhrase {
  dimension: 'tall' | 'wide';
  ratio: Ratio;
  ref: ResolvedRef;
  /** Set when the product's width matches the reference's height: "as wide as a phone is long". */
  side?: 'long' | 'tall';
}

/** Within 10 %: close enough to say "as wide as". */
const matches = (a: number, b: number) => Math.abs(a / b - 1) <= 0.1;

/**
 * What to say about the product's size: its height against the chosen reference, and its width
 * against whichever everyday object matches it (the chosen one first), else the chosen one.
 */
export function comparePhrases(outline: Outline | undefined, chosen: ResolvedRef | undefined, others: readonly ResolvedRef[] = familiarReferences()): ScalePhrase[] {
  if (!outline || !chosen) return [];
  const phrases: ScalePhrase[] = [];
  if (ok(outline.heightMm)) phrases.push({ dimension: 'tall', ratio: describeRatio(outline.heightMm / chosen.heightMm), ref: chosen });
  if (ok(outline.widthMm)) {
    const w = outline.widthMm;
    let phrase: ScalePhrase | undefined;
    for (const r of [chosen, ...others.filter((o) => o.key !== chosen.key)]) {
      if (matches(w, r.widthMm)) phrase = { dimension: 'wide', ratio: { kind: 'same' }, ref: r };
      // A coin or a ball is as tall as it is wide: only "as wide as" makes sense.
      else if (r.shape !== 'coin' && r.shape !== 'ball' && matches(w, r.heightMm)) {
        phrase = { dimension: 'wide', ratio: { kind: 'same' }, ref: r, side: r.heightMm >= r.widthMm ? 'long' : 'tall' };
      }
      if (phrase) break;
    }
    phrases.push(phrase ?? { dimension: 'wide', ratio: describeRatio(w / chosen.widthMm), ref: chosen });
  }
  return phrases;
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** The reference's name in the three forms a sentence needs, from i18n or the producer's name. */
function refWords(ref: ResolvedRef, t: T) {
  if (!ref.catalogueId) {
    const n = ref.name ?? '';
    return { one: t('scale.customOne', { name: n }), many: t('scale.customMany', { name: n }) };
  }
  return { one: t(`scaleRef.${ref.catalogueId}.one`), many: t(`scaleRef.${ref.catalogueId}.many`) };
}

function phraseText(p: ScalePhrase, t: T): string {
  const { one, many } = refWords(p.ref, t);
  const dim = t(`scale.dim.${p.dimension}`);
  const less = t(`scale.less.${p.dimension}`);
  const r = p.ratio;
  if (p.side && r.kind === 'same') return t(p.side === 'long' ? 'scale.phrase.sameAsLong' : 'scale.phrase.sameAsTall', { dim, ref: one });
  switch (r.kind) {
    case 'same':
      return t('scale.phrase.same', { dim, ref: one });
    case 'slightlyLess':
      return t('scale.phrase.slightlyLess', { less, ref: one });
    case 'times':
      // "two 500 ml bottles" needs a plural the reference list has; a producer's name gets "2 times".
      return Number.isInteger(r.count) && p.ref.catalogueId
        ? t('scale.phrase.times', { dim, refs: many, number: t(`scale.number.${r.count}`) })
        : t('scale.phrase.timesDecimal', { dim, ref: one, times: r.count });
    case 'fraction':
      return t('scale.phrase.fraction', { dim, ref: one, fraction: t(`scale.fraction.${r.denominator}`) });
    case 'muchMore':
      return t('scale.phrase.muchMore', { dim, ref: one });
    case 'muchLess':
      return t('scale.phrase.muchLess', { less, ref: one });
  }
}

/** One plain sentence, capitalised and closed, or '' when there is nothing to compare. */
export function scaleSentence(phrases: readonly ScalePhrase[], t: T): string {
  if (phrases.length === 0) return '';
  const text = phrases.map((p) => phraseText(p, t)).join(t('scale.join'));
  return t('scale.sentence', { text: text.charAt(0).toLocaleUpperCase() + text.slice(1) });
}

export interface DrawnBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawingLayout {
  /** Pixels per millimetre, the same for both shapes: that is what "to scale" means. */
  scale: number;
  product: DrawnBox;
  ref: DrawnBox;
  baselineY: number;
  /** True when the reference is drawn smaller than a few pixels and needs a pointer. */
  refTiny: boolean;
}

/**
 * Places the product and the reference side by side on one baseline inside a box, both at the
 * same scale, the larger one filling the height or its share of the width.
 */
export function layoutDrawing(
  product: { widthMm: number; heightMm: number },
  ref: { widthMm: number; heightMm: number },
  box: { width: number; height: number; gap: number; pad: number },
): DrawingLayout {
  const availW = box.width - 2 * box.pad - box.gap;
  const availH = box.height - 2 * box.pad;
  const scale = Math.min(availW / (product.widthMm + ref.widthMm), availH / Math.max(product.heightMm, ref.heightMm));
  const baselineY = box.pad + availH;
  const pw = product.widthMm * scale;
  const ph = product.heightMm * scale;
  const rw = ref.widthMm * scale;
  const rh = ref.heightMm * scale;
  const x0 = box.pad + (availW - pw - rw) / 2;
  return {
    scale,
    product: { x: x0, y: baselineY - ph, width: pw, height: ph },
    ref: { x: x0 + pw + box.gap, y: baselineY - rh, width: rw, height: rh },
    baselineY,
    refTiny: rw < 4 || rh < 4,
  };
}
