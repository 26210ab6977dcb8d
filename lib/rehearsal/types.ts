/**
 * Rehearsals (issue 20): a practice run of a deck with the same sidebar, keys and stage view as a
 * live show, kept in a log of its own. Type-only, so every context may import it.
 *
 * A rehearsal is not a session and never becomes one: it lives in its own tables
 * (`rehearsals`, `rehearsalEvents`, database version 7), which no export, coverage, returns
 * match, verification, proof or session list reads. Its events carry no hash chain, no card
 * snapshot and no journal copy: they are not evidence.
 */
import type { Item } from '../schema/session';

export interface Rehearsal {
  id: string;
  deckId: string;
  /** Copied at start, like a session's, so the review reads right after the deck is renamed. */
  deckName: string;
  host: string;
  platform: string;
  consoleOrigin: string;
  market: string;
  language: string;
  startedAt: number;
  endedAt?: number;
  /** "host": ended from the sidebar; "auto": its tab went away (closed, browser restarted) or 12 idle hours. */
  endReason?: 'host' | 'auto';
  /** The host chose "Keep for review" after ending it (a rehearsal not discarded is kept either way). */
  kept?: boolean;
  /** Number of events (the last event's seq). */
  lastSeq: number;
}

/**
 * What the host did in a rehearsal: the same actions as a live show, plus `viewed` (the card the
 * sidebar settled on), which a live show keeps beside its log, never in it. A rehearsal's log
 * may hold it because it is for review only: it says how long each product took.
 */
export type RehearsalAction = 'shown' | 'hidden' | 'said' | 'correction' | 'skipped' | 'viewed';

export interface RehearsalEvent {
  id: string;
  rehearsalId: string;
  seq: number;
  at: number;
  cardId: string;
  action: RehearsalAction;
  /** Absent only on `viewed`. */
  item?: Item;
  language?: string;
  corrects?: string;
  stage?: { layout: 'full' | 'lower-third' | 'side' };
}

/** One product of a kept rehearsal, for the producer's review. */
export interface RehearsalProduct {
  cardId: string;
  sku: string;
  /** The product's name in the rehearsal's language (else the deck's first), or null if deleted since. */
  name: string | null;
  /** When the host first reached it. */
  firstAt: number;
  /** Time spent on it, summed over every visit (until the next product or the end). */
  durationMs: number;
  said: number;
  /** Must-say items the host moved on from unsaid, as item labels (a caveat's text, else its kind). */
  skipped: { kind: Item['kind']; text: string | null }[];
}

export interface RehearsalSummary extends Rehearsal {
  productsReached: number;
  skippedCount: number;
}

export interface RehearsalReview {
  rehearsal: Rehearsal;
  products: RehearsalProduct[];
}

/** What the sidebar needs to carry on an open rehearsal after a reload (bootstrap). */
export interface RehearsalOnTab {
  rehearsal: Rehearsal;
  events: RehearsalEvent[];
}
