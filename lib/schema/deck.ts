import { z } from '../zod';
import type { Card } from './card';
import type { ReturnPolicy } from './policy';
import { Id, LanguageTag, MarketCode } from './common';

/** A deck is a show's run sheet: the cards in the order the host presents them. */
export const Deck = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  cardIds: z.array(Id),
  market: MarketCode,
  languages: z.array(LanguageTag).min(1),
  defaultPolicyId: Id.optional(),
  /**
   * The livestream platform's link number of each product ("3号链接", "link 3"), by card id,
   * where the producer set one; a product without one is numbered by its run-sheet position.
   */
  linkNumbers: z.record(Id, z.number().int().min(1).max(9999)).optional(),
  /** An item on the viewers' stage this long (ms) counts as disclosed even if not marked said (issue 18; default 5 s). */
  stageMinMs: z.number().int().min(0).max(600_000).optional(),
  demo: z.boolean().optional(),
  updatedAt: z.number().int(),
});
export type Deck = z.infer<typeof Deck>;

/** A deck as the sidebar's deck list shows it. */
export interface DeckSummary {
  id: string;
  name: string;
  market: string;
  languages: string[];
  cardCount: number;
  demo: boolean;
}

/** A deck with the cards and policies it uses, as the sidebar and the stage read it. */
export interface DeckBundle {
  deck: Deck;
  /** In run-sheet order; ids whose card no longer exists are left out. */
  cards: Card[];
  policies: ReturnPolicy[];
}
