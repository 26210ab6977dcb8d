import { DeckFileImage } from '../deckfile/format';
import { Card } from '../schema/card';
import { Id } from '../schema/common';
import { Deck } from '../schema/deck';
import { ReturnPolicy } from '../schema/policy';
import { z } from '../zod';
import type { CatalogueResponses } from './catalogue-types';

/**
 * Payload schemas of the studio's catalogue requests, merged into ./protocol.ts. Records are
 * validated with the same schemas the deck file uses, so nothing the studio sends can put a
 * card or deck into the database that the sidebar could not show.
 */
export const catalogueRequestSchemas = {
  'card.get': z.object({ cardId: Id }).strict(),
  // addToDecks: a new product made from a deck (or ticked into decks before it was valid) joins them as it is saved.
  'card.save': z.object({ card: Card, addToDecks: z.array(Id).max(200).optional() }).strict(),
  'card.delete': z.object({ cardId: Id }).strict(),
  // A draft is whatever the editor holds, valid or not; bounded so a runaway form cannot fill the disk.
  'draft.save': z
    .object({ cardId: Id, value: z.unknown() })
    .strict()
    .refine((p) => JSON.stringify(p.value ?? null).length <= 2_000_000, 'draft too large'),
  'draft.discard': z.object({ cardId: Id }).strict(),
  'draft.list': z.object({}).strict(),
  'deck.all': z.object({}).strict(),
  'deck.save': z.object({ deck: Deck }).strict(),
  'deck.duplicate': z.object({ deckId: Id, id: Id, name: z.string().trim().min(1).max(200) }).strict(),
  'deck.delete': z.object({ deckId: Id }).strict(),
  'deck.export': z.object({ deckId: Id }).strict(),
  'policy.list': z.object({}).strict(),
  'policy.save': z.object({ policy: ReturnPolicy }).strict(),
  'image.put': z.object({ image: DeckFileImage }).strict(),
  'image.get': z.object({ id: Id }).strict(),
  'trash.list': z.object({}).strict(),
  'trash.restore': z.object({ key: z.string().min(1).max(200) }).strict(),
  'trash.purge': z.object({ key: z.string().min(1).max(200) }).strict(),
  'import.commit': z
    .object({
      cards: z.array(z.object({ card: Card, expect: z.enum(['add', 'update']) }).strict()).max(5000),
      policies: z.array(ReturnPolicy).max(500),
      images: z.array(DeckFileImage).max(2000),
      deck: Deck.optional(),
    })
    .strict(),
} satisfies Record<keyof CatalogueResponses, z.ZodType>;
