import type { UpfrontDb } from '../db/database';
import { restoreLibrary } from './library-copy';
import type { Journal } from './journal';
import { replay } from './replay';
import { restoreSessions, type Disagreement, type LostPart } from './restore';

/** What a recovery did, kept until the person has read it (shown in the sidebar and the studio). */
export interface RecoveryReport {
  at: number;
  /** reset: the browser had made a new, empty database; empty: the database had no sessions left. */
  cause: 'reset' | 'empty';
  sessions: number;
  events: number;
  decks: number;
  cards: number;
  policies: number;
  /** When the library copy used was taken. */
  libraryCopiedAt?: number;
  /** Products restored without their picture (pictures are not copied). */
  withoutImage: number;
  /** What could not be restored, per session. */
  lost: LostPart[];
  disagreements: Disagreement[];
  /** Events restored whose card snapshot the journal lacked. */
  snapshotsMissing: number;
  /** Records cut short or damaged in the journal's files (dropped). */
  torn: number;
  damaged: number;
}

/**
 * Run each time the database opens, before anything else touches it (a Dexie 'ready' hook, see
 * ./background.ts): at start, and again if the browser threw the database away while the
 * worker ran and it was opened afresh. If the browser lost the database (it made a new one,
 * or it holds no session while the journal does),
 * rebuilds it from the journal: the library from its copy, each session whose chain verifies,
 * and says what it did. Returns null when there was nothing to do.
 */
export async function recoverOnStart(db: UpfrontDb, journal: Journal, wasCreated: () => boolean, now: number): Promise<RecoveryReport | null> {
  const created = wasCreated();
  if (!created && ((await db.sessions.count()) > 0 || (await journal.isEmpty()))) return null;
  const read = await journal.readAll();
  const replayed = replay(read.records);
  if (!created && replayed.sessions.size === 0) return null;
  const library = await restoreLibrary(db, journal.files);
  const sessions = await restoreSessions(db, replayed);
  const nothing = sessions.sessions === 0 && library.decks + library.cards + library.policies === 0 && sessions.lost.length === 0;
  if (nothing && read.torn.length + read.damaged.length === 0) return null;
  return {
    at: now,
    cause: created ? 'reset' : 'empty',
    sessions: sessions.sessions,
    events: sessions.events,
    decks: library.decks,
    cards: library.cards,
    policies: library.policies,
    ...(library.copiedAt !== undefined && { libraryCopiedAt: library.copiedAt }),
    withoutImage: library.withoutImage,
    lost: sessions.lost,
    disagreements: sessions.disagreements,
    snapshotsMissing: replayed.problems.filter((p) => p.code === 'snapshot-missing').length,
    torn: read.torn.length,
    damaged: read.damaged.length,
  };
}
