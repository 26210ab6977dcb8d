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
  /**
   * Why the session ended: "host" pressed End session (or ended it when offered to resume it);
   * "auto" means Upfront closed a session left open too long (see AUTO_END_AFTER_MS), and
   * endNote says so in words that stay with the record.
   */
  endReason: z.enum(['host', 'auto']).optional(),
  endNote: z.string().max(500).optional(),
  /**
   * Where the session was recorded. Absent on sessions recorded in this browser; set on sessions
   * imported from another machine's log (and filled in on export), so merged logs keep it.
   */
  origin: z
    .object({
      /** Random id of the Upfront installation (browser profile) that recorded the session. */
      installation: z.string().min(1).max(100),
      /** Set on sessions imported from a log file: the file's name and when it was imported. */
      importedFrom: z.string().max(300).optional(),
      importedAt: z.number().int().optional(),
    })
    .optional(),
  /**
   * How the session's chain starts (lib/evidence/chain.ts): 2 = from the hash of its header
   * (host, deck, market, platform, console, start…), so editing any of them breaks verification;
   * absent = 1, from its id alone (sessions recorded before log version 3).
   */
  chainVersion: z.literal(2).optional(),
  /** When this session was last included in an export from this browser (for the reminder). */
  exportedAt: z.number().int().optional(),
});
export type Session = z.infer<typeof Session>;
export type SessionOrigin = NonNullable<Session['origin']>;

/**
 * A session with no disclosure for this long is taken to be abandoned (the browser crashed or
 * the host walked away) and is ended automatically with a note. Twelve hours: far longer than a
 * quiet stretch of even a marathon show, short enough that a forgotten session does not keep
 * absorbing clicks from the next day's show.
 */
export const AUTO_END_AFTER_MS = 12 * 60 * 60 * 1000;

/**
 * dontSay (issue 20): a claim the host must not make (Card.dontSay). Its only event is a
 * `correction` with no `corrects`: the host made the claim on air and corrected it; the slip
 * itself was never an event. Never must-say, so never in coverage.
 */
export const ItemKind = z.enum(['size', 'scale', 'caveat', 'note', 'policy', 'dontSay']);
export type ItemKind = z.infer<typeof ItemKind>;

/** One disclosure item on a card: the size chart, a caveat, the return policy… */
export const Item = z.object({ kind: ItemKind, id: Id });
export type Item = z.infer<typeof Item>;

/**
 * shown: put on screen (with `stage`: on the viewers' stage view); hidden: taken off the stage
 * (or replaced, the stage window closed, the console closed); said: host said it; correction:
 * fixes an earlier event; skipped: host moved on without saying a must-say item.
 */
export const Action = z.enum(['shown', 'hidden', 'said', 'correction', 'skipped']);
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
  /** On the viewers' stage view (issue 18): its layout, for `shown` and `hidden` events. */
  stage: z.object({ layout: z.enum(['full', 'lower-third', 'side']) }).strict().optional(),
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

/** A log as the export writes it and the verifier reads it: sessions, their events in order, the snapshots they cite. */
export interface LogData {
  sessions: Session[];
  events: DisclosureEvent[];
  snapshots: Snapshot[];
}

/** What merging one session from another machine's log file did (lib/db/merge.ts). */
export type ImportStatus = 'added' | 'extended' | 'unchanged' | 'rejected';

export interface ImportResult {
  sessionId: string;
  status: ImportStatus;
  eventsAdded: number;
  /** Events already here (same id, same hash): de-duplicated. */
  eventsDuplicate: number;
  /** Why a session was refused: a VerifyCode or "conflict". */
  reason?: string;
}
