import { z } from '../zod';
import { Id, LocalizedText } from './common';

export const Category = z.enum(['apparel', 'footwear', 'home', 'beauty', 'electronics', 'toys', 'food', 'other']);
export type Category = z.infer<typeof Category>;

export const LengthUnit = z.enum(['cm', 'in']);
export type LengthUnit = z.infer<typeof LengthUnit>;

export const SizeChart = z.object({
  unit: LengthUnit,
  measurements: z.array(z.object({ id: Id, label: LocalizedText })).min(1),
  rows: z
    .array(
      z.object({
        size: z.string().min(1).max(40),
        values: z.record(z.string(), z.number().nonnegative().nullable()),
      }),
    )
    .min(1),
  fitAdvice: LocalizedText.optional(),
  brandEquivalents: z
    .array(z.object({ brand: z.string().min(1), theirs: z.string().min(1), ours: z.string().min(1) }))
    .optional(),
  fitFeedback: z
    .object({
      trueToSize: z.number().min(0).max(100),
      runsSmall: z.number().min(0).max(100),
      runsLarge: z.number().min(0).max(100),
      sampleSize: z.number().int().nonnegative(),
      /** Below this many orders the figures are hidden from the host (default 20, lib/cards/size.ts). */
      minSample: z.number().int().positive().optional(),
    })
    .optional(),
  modelRefs: z
    .array(z.object({ heightCm: z.number().positive(), wears: z.string().min(1), fit: LocalizedText.optional() }))
    .optional(),
});
export type SizeChart = z.infer<typeof SizeChart>;

/** Canonical units: millimetres and grams. Display converts. */
export const Dimensions = z.object({
  lengthMm: z.number().positive().optional(),
  widthMm: z.number().positive().optional(),
  heightMm: z.number().positive().optional(),
  weightG: z.number().positive().optional(),
});
export type Dimensions = z.infer<typeof Dimensions>;

export const ScaleRef = z.union([
  // A built-in reference object's id (lib/scale/references.ts). The field keeps its first name:
  // stored cards, deck files and their JSON Schema carry it.
  z.object({ catalogueId: Id }),
  z.object({
    custom: z.object({
      name: z.string().min(1).max(100),
      widthMm: z.number().positive(),
      heightMm: z.number().positive(),
      depthMm: z.number().positive().optional(),
      /** A photo of the object (URL or data: URL); optional. */
      photo: z.string().max(2_000_000).optional(),
    }),
  }),
]);

export type ScaleRef = z.infer<typeof ScaleRef>;

export const Caveat = z.object({ id: Id, text: LocalizedText, mustSay: z.boolean() });
export type Caveat = z.infer<typeof Caveat>;

export const NoteKind = z.enum(['material', 'care', 'colour', 'demo']);
export type NoteKind = z.infer<typeof NoteKind>;
export const Note = z.object({ id: Id, kind: NoteKind, text: LocalizedText });
export type Note = z.infer<typeof Note>;

/**
 * Don't say (issue 20): a claim the host must avoid for this product ("waterproof") and the
 * wording to use instead ("splash-resistant"), each per language like the card's other texts.
 * Shown to the host in its own box; never on the viewers' stage.
 */
export const DontSay = z.object({ id: Id, claim: LocalizedText, say: LocalizedText.optional() });
export type DontSay = z.infer<typeof DontSay>;

/**
 * A risky term the readiness check flagged (lib/markets/risky-terms.ts) that the producer kept on
 * purpose, with the reason: it no longer counts as a problem, and stays listed as accepted.
 * `field` names the text as lib/dont-say/term-flags.ts keys it (stable across reordering).
 */
export const AcceptedTerm = z.object({
  term: z.string().min(1).max(100),
  field: z.string().min(1).max(200),
  language: z.string().min(1).max(35),
  reason: z.string().trim().min(1).max(500),
  at: z.number().int(),
});
export type AcceptedTerm = z.infer<typeof AcceptedTerm>;

export const Card = z.object({
  id: Id,
  sku: z.string().min(1).max(100),
  name: LocalizedText,
  category: Category,
  image: z.string().max(2_000_000).optional(),
  sizeChart: SizeChart.optional(),
  dimensions: Dimensions.optional(),
  scaleRefs: z.array(ScaleRef).default([]),
  caveats: z.array(Caveat).default([]),
  notes: z.array(Note).default([]),
  dontSay: z.array(DontSay).optional(),
  acceptedTerms: z.array(AcceptedTerm).optional(),
  /** Overrides the deck's default return policy. */
  policyId: Id.optional(),
  demo: z.boolean().optional(),
  updatedAt: z.number().int(),
});
export type Card = z.infer<typeof Card>;
