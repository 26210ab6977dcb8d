/**
 * Everyday objects with standard sizes, for "how big is it really". Every entry cites its
 * source (also listed in docs/reference-objects.md); entries from secondary sources are marked
 * low confidence so the studio can show them as editable defaults, never as guarantees.
 *
 * Each object is stored as it stands on a table, seen from the front: width (side to side) ×
 * height (bottom to top), plus depth where known. Inch sources are converted exactly (× 25.4).
 */
import { marketProfile } from '../markets';
import { MM_PER_INCH } from './units';

export type RefShape = 'card' | 'sheet' | 'can' | 'bottle' | 'coin' | 'phone' | 'box' | 'ball' | 'book';

export interface ReferenceObject {
  id: string;
  widthMm: number;
  heightMm: number;
  depthMm?: number;
  shape: RefShape;
  source: string;
  confidence: 'standard' | 'low';
}

const inch = (n: number) => n * MM_PER_INCH;

export const REFERENCE_OBJECTS: readonly ReferenceObject[] = [
  { id: 'bank-card', widthMm: 85.6, heightMm: 53.98, depthMm: 0.76, shape: 'card', source: 'ISO/IEC 7810 ID-1', confidence: 'standard' },
  { id: 'a4-sheet', widthMm: 210, heightMm: 297, shape: 'sheet', source: 'ISO 216', confidence: 'standard' },
  { id: 'us-letter', widthMm: 215.9, heightMm: 279.4, shape: 'sheet', source: 'ANSI/ASME Y14.1 (8.5 × 11 in)', confidence: 'standard' },
  {
    id: 'drink-can-us',
    // "211 × 413": 2 11/16 in across the seam, 4 13/16 in tall; the body is ≈ 66 mm wide.
    widthMm: 66,
    heightMm: inch(4 + 13 / 16),
    depthMm: 66,
    shape: 'can',
    source: 'can-maker notation 211 × 413 (US 12 oz can)',
    confidence: 'standard',
  },
  { id: 'can-330ml', widthMm: 66, heightMm: 115, depthMm: 66, shape: 'can', source: 'common 330 ml can, approximate', confidence: 'low' },
  {
    id: 'water-bottle-500ml',
    // No standard exists: 65–70 mm wide, 205–235 mm tall; the middle of each range.
    widthMm: 67.5,
    heightMm: 220,
    depthMm: 67.5,
    shape: 'bottle',
    source: 'typical 500 ml PET bottle, no standard (65–70 × 205–235 mm)',
    confidence: 'low',
  },
  { id: 'us-quarter', widthMm: 24.26, heightMm: 24.26, shape: 'coin', source: 'US Mint coin specifications', confidence: 'standard' },
  { id: 'euro-1', widthMm: 23.25, heightMm: 23.25, shape: 'coin', source: 'Council Regulation (EC) No 975/98', confidence: 'standard' },
  { id: 'euro-2', widthMm: 25.75, heightMm: 25.75, shape: 'coin', source: 'Council Regulation (EC) No 975/98', confidence: 'standard' },
  { id: 'smartphone', widthMm: 71.6, heightMm: 147.6, depthMm: 7.8, shape: 'phone', source: 'Apple iPhone 15 technical specifications', confidence: 'standard' },
  {
    id: 'tissue-box-upright',
    widthMm: inch(4.38),
    heightMm: inch(5),
    depthMm: inch(4.5),
    shape: 'box',
    source: 'Kleenex upright box, manufacturer listing (4.38 × 4.5 × 5 in)',
    confidence: 'low',
  },
  {
    id: 'tissue-box-flat',
    widthMm: inch(8.87),
    heightMm: inch(3.46),
    depthMm: inch(4.75),
    shape: 'box',
    source: 'Kleenex flat box, manufacturer listing (8.87 × 4.75 × 3.46 in)',
    confidence: 'low',
  },
  {
    id: 'tennis-ball',
    // ITF rules allow 65.4–68.6 mm; the middle of the range.
    widthMm: 67,
    heightMm: 67,
    shape: 'ball',
    source: 'ITF Rules of Tennis, appendix I (65.4–68.6 mm)',
    confidence: 'standard',
  },
  {
    id: 'paperback',
    widthMm: inch(4.25),
    heightMm: inch(6.87),
    shape: 'book',
    source: 'US mass-market paperback, approximate (4.25 × 6.87 in)',
    confidence: 'low',
  },
];

const BY_ID = new Map(REFERENCE_OBJECTS.map((o) => [o.id, o]));

/** Markets on US paper sizes (ANSI/ASME Y14.1): a letter sheet is what a viewer there knows. */
const LETTER_MARKETS: ReadonlySet<string> = new Set(['US', 'CA']);
const usesEuro = (market: string) => marketProfile(market)?.rule === 'eu';

/**
 * Objects only some viewers know, by deck market, and the one to show elsewhere: a US viewer
 * knows a letter sheet, a quarter and a 12 oz can, not A4, a euro coin or a 330 ml can.
 * Objects not listed here are known everywhere.
 */
const FAMILIAR: Readonly<Record<string, { in: (market: string) => boolean; instead?: string }>> = {
  'a4-sheet': { in: (m) => !LETTER_MARKETS.has(m), instead: 'us-letter' },
  'us-letter': { in: (m) => LETTER_MARKETS.has(m), instead: 'a4-sheet' },
  'us-quarter': { in: (m) => m === 'US' },
  'euro-1': { in: usesEuro, instead: 'us-quarter' },
  'euro-2': { in: usesEuro, instead: 'us-quarter' },
  'can-330ml': { in: (m) => m !== 'US', instead: 'drink-can-us' },
};

/** Whether viewers of a deck for this market know the object (any market: everything). */
export function familiarIn(id: string, market: string | undefined): boolean {
  const rule = FAMILIAR[id];
  return !market || !rule || rule.in(market.toUpperCase());
}

/** The object to show a market's viewers for a reference object's id (`catalogueId`, the stored field's name): itself, or the local one in its place. */
export function localObjectId(id: string, market: string | undefined): string {
  const instead = FAMILIAR[id]?.instead;
  return !familiarIn(id, market) && instead && familiarIn(instead, market) ? instead : id;
}

export function referenceObject(id: string): ReferenceObject | undefined {
  return BY_ID.get(id);
}

/** A scale reference ready to draw: a built-in reference object or one the producer measured. */
export interface ResolvedRef {
  /** Stable key for lists: the reference object's id, or "custom:<name>". */
  key: string;
  /** The reference object's id, named as stored cards name it; absent for a custom reference (whose name is then in `name`). */
  catalogueId?: string;
  name?: string;
  widthMm: number;
  heightMm: number;
  shape: RefShape;
  photo?: string;
  confidence: 'standard' | 'low' | 'custom';
}

export type ScaleRefInput =
  | { catalogueId: string }
  | { custom: { name: string; widthMm: number; heightMm: number; depthMm?: number; photo?: string } };

/**
 * Resolves a card's scale reference; undefined when it names no known object or has no size.
 * With a market, a reference object its viewers do not know is swapped for the local one.
 */
export function resolveRef(ref: ScaleRefInput, market?: string): ResolvedRef | undefined {
  if ('catalogueId' in ref) {
    const o = referenceObject(localObjectId(ref.catalogueId, market));
    return o && { key: o.id, catalogueId: o.id, widthMm: o.widthMm, heightMm: o.heightMm, shape: o.shape, confidence: o.confidence };
  }
  const c = ref.custom;
  if (!c || !(c.widthMm > 0) || !(c.heightMm > 0)) return undefined;
  return { key: `custom:${c.name}`, name: c.name, widthMm: c.widthMm, heightMm: c.heightMm, shape: 'box', photo: c.photo, confidence: 'custom' };
}

/** The built-in reference objects, resolved, only the objects a market's viewers know when a market is given. */
export function familiarReferences(market?: string): ResolvedRef[] {
  return REFERENCE_OBJECTS.filter((o) => familiarIn(o.id, market)).map((o) => resolveRef({ catalogueId: o.id })!);
}
