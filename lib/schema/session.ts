import { z } from '../zod';
import { Id, LanguageTag, MarketCode } from './common';

export const Session = z.object({
  id: Id,
  deckId: Id,
  /** Copied at start so the log reads right after the deck is renamed or deleted. */
  deckName: z.string(),
  host: z.string().min(1).max(100),
  platform: z.string(),
  consoleOrigin: z.string(),
  market: MarketCode,
  language: LanguageTag,
  startedAt: z.number().int(),
  endedAt: z.number().int().optional(),
  /** Sequence number of the last event (0 before the first). */
  lastSeq: z.number().int().nonnegative(),
  /** Chain hash of the last event (the genesis hash before the first). */
  head: z.string(),
});
export type Session = z.infer<typeof Session>;

export const ItemKind = z.enum(['size', 'scale', 'caveat', 'note', 'policy']);
export type ItemKind = z.infer<typeof ItemKind>;

/** One disclosure item on a card: the size chart, a caveat, the return policy… */
export const Item = z.object({ kind: ItemKind, id: Id });
export type Item = z.infer<typeof Item>;

/** shown: put on screen; said: host said it; correction: fixes an earlier event; skipped: host moved on without saying a must-say item. */
export const Action = z.enum(['shown', 'said', 'correction', 'skipped']);
export type Action = z.infer<typeof Action>;

export const DisclosureEvent = z.object({
  id: Id,
  sessionId: Id,
  seq: z.number().int().positive(),
  at: z.number().int(),
  offsetMs: z.number().int().nonnegative(),
  cardId: Id,
  cardHash: z.string().regex(/^[0-9a-f]{64}$/),
  item: Item,
  language: LanguageTag,
  action: Action,
  corrects: Id.optional(),
  /** Chain hash of the previous event (or the session's genesis hash). */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DisclosureEvent = z.infer<typeof DisclosureEvent>;

/** What a card said at one moment, keyed by its content hash. */
export const Snapshot = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  content: z.unknown(),
});
export type Snapshot = z.infer<typeof Snapshot>;
