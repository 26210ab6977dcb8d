import type { Card, Category, NoteKind as NoteKindSchema } from '../schema/card';
import type { z } from '../zod';

type NoteKind = z.infer<typeof NoteKindSchema>;
import type { LocalizedText } from '../schema/common';

/**
 * What one imported product says about a card. Only what the file gives is set; merging a patch
 * into an existing card (matched by SKU) keeps everything the file does not mention, so an import
 * never erases what a producer wrote in the studio.
 */
export interface CardPatch {
  sku: string;
  name?: LocalizedText;
  category?: Category;
  image?: string;
  policyId?: string;
  sizeChart?: {
    unit?: 'cm' | 'in';
    sizes: string[];
    /** Measurement id → one value per size (null = unknown). Absent for Shopify: sizes only. */
    values?: { id: string; label: LocalizedText; values: (number | null)[] }[];
    fitAdvice?: LocalizedText;
  };
  dimensions?: Partial<Record<'lengthMm' | 'widthMm' | 'heightMm' | 'weightG', number>>;
  caveats?: { text: LocalizedText; mustSay: boolean }[];
  /** Don't-say claims (issue 20); a file that gives them replaces the card's, positionally. */
  dontSay?: { claim: LocalizedText; say?: LocalizedText }[];
  notes?: Partial<Record<NoteKind, LocalizedText>>;
}

export interface ParsedProduct {
  rows: number[];
  patch: CardPatch;
  archived?: boolean;
}

/** A placeholder measurement so a chart with sizes but no numbers still has a column to fill. */
const PLACEHOLDER = (category: Category | undefined) =>
  category === 'footwear' ? { id: 'foot', label: { en: 'Foot length', 'zh-CN': '脚长' } } : { id: 'chest', label: { en: 'Chest', 'zh-CN': '胸围' } };

function mergeText(a: LocalizedText | undefined, b: LocalizedText | undefined): LocalizedText | undefined {
  if (!b) return a;
  return { ...(a ?? {}), ...b };
}

/** The card an import would leave behind: the existing card (if any) with the patch applied. */
export function applyPatch(existing: Card | undefined, patch: CardPatch, id: string, now: number): Card {
  const base: Card = existing ?? {
    id,
    sku: patch.sku,
    name: {},
    category: patch.category ?? 'other',
    scaleRefs: [],
    caveats: [],
    notes: [],
    updatedAt: now,
  };
  const card: Card = { ...base, sku: patch.sku, updatedAt: now };
  if (patch.name) card.name = mergeText(base.name, patch.name)!;
  if (patch.category) card.category = patch.category;
  if (patch.image !== undefined) card.image = patch.image;
  if (patch.policyId !== undefined) card.policyId = patch.policyId;
  if (patch.dimensions && Object.keys(patch.dimensions).length > 0) card.dimensions = { ...(base.dimensions ?? {}), ...patch.dimensions };

  const sc = patch.sizeChart;
  if (sc) {
    const old = base.sizeChart;
    if (sc.values && sc.values.length > 0) {
      // A full chart in the file replaces the chart; fit feedback and model references stay.
      card.sizeChart = {
        ...(old ?? {}),
        unit: sc.unit ?? old?.unit ?? 'cm',
        measurements: sc.values.map((m) => ({ id: m.id, label: m.label })),
        rows: sc.sizes.map((size, i) => ({ size, values: Object.fromEntries(sc.values!.map((m) => [m.id, m.values[i] ?? null])) })),
        ...(sc.fitAdvice ? { fitAdvice: mergeText(old?.fitAdvice, sc.fitAdvice) } : {}),
      };
    } else if (sc.sizes.length > 0) {
      // Sizes only (a shop export): keep the chart's numbers, add rows for new sizes.
      const measurements = old?.measurements ?? [PLACEHOLDER(card.category)];
      const rows = [...(old?.rows ?? [])];
      for (const size of sc.sizes) {
        if (!rows.some((r) => r.size === size)) rows.push({ size, values: Object.fromEntries(measurements.map((m) => [m.id, null])) });
      }
      card.sizeChart = { ...(old ?? {}), unit: sc.unit ?? old?.unit ?? 'cm', measurements, rows };
      if (sc.fitAdvice) card.sizeChart.fitAdvice = mergeText(old?.fitAdvice, sc.fitAdvice);
    } else if (sc.fitAdvice && old) {
      card.sizeChart = { ...old, fitAdvice: mergeText(old.fitAdvice, sc.fitAdvice) };
    }
  }

  if (patch.caveats) {
    // Caveat ids are positional so that re-importing the same file changes nothing.
    card.caveats = patch.caveats.map((c, i) => ({ id: base.caveats[i]?.id ?? `caveat-${i + 1}`, text: c.text, mustSay: c.mustSay }));
  }
  if (patch.dontSay) {
    // Positional ids, as for caveats: re-importing the same file changes nothing.
    card.dontSay = patch.dontSay.map((d, i) => ({ id: base.dontSay?.[i]?.id ?? `dont-say-${i + 1}`, ...d }));
  }
  if (patch.notes) {
    const notes = [...base.notes];
    for (const [kind, text] of Object.entries(patch.notes) as [NoteKind, LocalizedText][]) {
      const i = notes.findIndex((n) => n.kind === kind);
      if (i >= 0) notes[i] = { ...notes[i], text: mergeText(notes[i].text, text)! };
      else notes.push({ id: `note-${kind}`, kind, text });
    }
    card.notes = notes;
  }
  return card;
}

/** Content equality, ignoring the bookkeeping field updatedAt. */
export function sameContent(a: Card, b: Card): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Card) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
