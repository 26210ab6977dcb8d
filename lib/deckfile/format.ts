import { MAX_STORED_IMAGE_BYTES, STORED_IMAGE_TYPES } from '../images';
import { Card } from '../schema/card';
import { Id } from '../schema/common';
import { Deck } from '../schema/deck';
import { ReturnPolicy } from '../schema/policy';
import { z } from '../zod';

/**
 * Upfront's own deck file: one show's run sheet with everything it needs on another machine
 * (its products, their return policies and stored images). Versioned so that a future
 * Upfront can read today's files; documented in docs/deck-file.md with a generated JSON Schema.
 */
export const DECK_FILE_FORMAT = 'upfront-deck';
export const DECK_FILE_VERSION = 1;

export const DeckFileImage = z.object({
  id: Id,
  type: z.enum(STORED_IMAGE_TYPES),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The image bytes, base64. */
  data: z
    .string()
    .max(Math.ceil((MAX_STORED_IMAGE_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});
export type DeckFileImage = z.infer<typeof DeckFileImage>;

/**
 * A file must stand on its own: every id it mentions is in it, and SKUs are unique. Shared by
 * the deck file and the deck package's deck.json (./package.ts).
 */
export function checkSelfContained(file: { deck: Deck; cards: Card[]; policies: ReturnPolicy[] }, ctx: z.RefinementCtx): void {
  const cardIds = new Set(file.cards.map((c) => c.id));
  file.deck.cardIds.forEach((id, i) => {
    if (!cardIds.has(id)) ctx.addIssue({ code: 'custom', path: ['deck', 'cardIds', i], message: 'card not in file' });
  });
  const policyIds = new Set(file.policies.map((p) => p.id));
  if (file.deck.defaultPolicyId && !policyIds.has(file.deck.defaultPolicyId)) {
    ctx.addIssue({ code: 'custom', path: ['deck', 'defaultPolicyId'], message: 'policy not in file' });
  }
  file.cards.forEach((c, i) => {
    if (c.policyId && !policyIds.has(c.policyId)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'policyId'], message: 'policy not in file' });
  });
  const skus = new Map<string, number>();
  file.cards.forEach((c, i) => {
    if (skus.has(c.sku)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'sku'], message: 'duplicate sku' });
    skus.set(c.sku, i);
  });
}

export const DeckFile = z
  .object({
    format: z.literal(DECK_FILE_FORMAT),
    version: z.literal(DECK_FILE_VERSION),
    deck: Deck,
    /** In run-sheet order. */
    cards: z.array(Card).max(2000),
    policies: z.array(ReturnPolicy).max(200),
    images: z.array(DeckFileImage).max(2000).default([]),
  })
  .superRefine(checkSelfContained);
export type DeckFile = z.infer<typeof DeckFile>;

/** JSON with keys sorted at every level, two-space indented: the same data gives the same bytes. */
export function stableStringify(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out[k] = sort(x);
      }
      return out;
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** The file's text for a deck and what it uses; parsing first drops anything the format lacks. */
export function serializeDeckFile(input: Omit<DeckFile, 'format' | 'version'>): string {
  const file = DeckFile.parse({ format: DECK_FILE_FORMAT, version: DECK_FILE_VERSION, ...input });
  return stableStringify({ ...file, images: [...file.images].sort((a, b) => a.id.localeCompare(b.id)) });
}
