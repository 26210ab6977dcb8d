import { DeckFileImage } from '../deckfile/format';
import type { StoredImageType } from '../images';
import { Card } from './card';
import { Deck } from './deck';
import { ReturnPolicy } from './policy';
import { z } from '../zod';

/**
 * The library (the studio's products, decks, policies, images, drafts and trash, kept by the
 * background in lib/db/library.ts) as its records cross the wire to the studio.
 */

/** Editor state that does not pass the card schema yet, so nothing typed is lost. */
export interface Draft {
  cardId: string;
  value: unknown;
  savedAt: number;
  /** The stored card the draft was edited from, so reopening it merges what changed since (lib/cards/edit-sync.ts). */
  base?: unknown;
}

/** Something deleted in the studio, as the trash lists it. */
export interface TrashSummary {
  key: string;
  kind: 'card' | 'deck';
  id: string;
  label: string;
  deletedAt: number;
}

/** A stored product image without its bytes (what image.put answers). */
export interface ImageInfo {
  id: string;
  type: StoredImageType;
  width: number;
  height: number;
  bytes: number;
  createdAt: number;
}

/** A deck with everything its file carries (deck.export). */
export interface DeckExport {
  deck: Deck;
  cards: Card[];
  policies: ReturnPolicy[];
  images: DeckFileImage[];
}

/**
 * A checked import (lib/import/plan.ts) as the studio commits it, all or nothing. Records are
 * validated with the same schemas the deck file uses, so nothing the studio sends can put a card
 * or deck into the database that the sidebar could not show.
 */
export const ImportCommit = z
  .object({
    cards: z.array(z.object({ card: Card, expect: z.enum(['add', 'update']) }).strict()).max(5000),
    policies: z.array(ReturnPolicy).max(500),
    images: z.array(DeckFileImage).max(2000),
    deck: Deck.optional(),
  })
  .strict();
export type ImportCommit = z.infer<typeof ImportCommit>;
