import type { UpfrontDb } from '../db/database';
import { sessionEvents } from '../db/event-pages';
import type { DisclosureEvent } from '../schema/session';
import type { JournalSession, Replayed, ReplayProblemCode } from './replay';

/** Part of the journal that could not be given back, per session. */
export interface LostPart {
  sessionId: string;
  host?: string;
  startedAt?: number;
  /** Events not restored. */
  events: number;
  reason: ReplayProblemCode | 'chain-broken';
}

/** Where the journal and the database say different things about a session. */
export interface Disagreement {
  sessionId: string;
  host: string;
  startedAt: number;
  /** different-event: the same place holds another event; journal-behind: the database has events the journal lacks. */
  kind: 'different-event' | 'journal-behind';
  seq: number;
}

export interface SessionsRestored {
  sessions: number;
  events: number;
  lost: LostPart[];
  disagreements: Disagreement[];
}

/** What the journal's problems cost, per session. */
export function lostParts(replayed: Replayed): LostPart[] {
  const lost: LostPart[] = [];
  for (const j of replayed.sessions.values()) {
    if (j.dropped > 0) lost.push({ sessionId: j.session.id, host: j.session.host, startedAt: j.session.startedAt, events: j.dropped, reason: 'chain-broken' });
  }
  for (const p of replayed.problems) {
    if (p.code === 'no-session' || p.code === 'event-conflict' || p.code === 'seq-conflict') {
      const j = p.sessionId !== undefined ? replayed.sessions.get(p.sessionId) : undefined;
      lost.push({ sessionId: p.sessionId ?? '', host: j?.session.host, startedAt: j?.session.startedAt, events: p.code === 'no-session' ? 0 : 1, reason: p.code });
    }
  }
  return lost;
}

/**
 * Puts the journal's sessions into the database: a session the database lacks is added whole
 * (its verified events, the snapshots they cite); a session it holds gets the events it lacks
 * at the end when they continue its chain. Nothing held is ever changed: where the two
 * disagree, the database is kept and the disagreement reported. Running it twice adds nothing
 * the second time.
 */
export async function restoreSessions(db: UpfrontDb, replayed: Replayed): Promise<SessionsRestored> {
  const out: SessionsRestored = { sessions: 0, events: 0, lost: lostParts(replayed), disagreements: [] };
  for (const j of replayed.sessions.values()) {
    await db.transaction('rw', [db.sessions, db.events, db.eventPages, db.snapshots], async () => {
      const here = await db.sessions.get(j.session.id);
      const held = here ? await sessionEvents(db, here.id) : [];
      const disagreement = compare(j, held);
      if (disagreement) out.disagreements.push({ sessionId: j.session.id, host: j.session.host, startedAt: j.session.startedAt, ...disagreement });
      const tail = disagreement?.kind === 'different-event' ? [] : j.events.slice(held.length);
      if (here && tail.length === 0) return;
      await db.events.bulkAdd(tail);
      await putSnapshots(db, replayed, tail);
      const last = tail.at(-1);
      if (here) {
        await db.sessions.put({ ...here, lastSeq: last!.seq, head: last!.hash, ...(here.endedAt === undefined && j.session.endedAt !== undefined ? endOf(j) : {}) });
      } else {
        await db.sessions.add(j.session);
        out.sessions += 1;
      }
      out.events += tail.length;
    });
  }
  return out;
}

/** The first place the database's events and the journal's differ, if they do. */
function compare(j: JournalSession, held: DisclosureEvent[]): Pick<Disagreement, 'kind' | 'seq'> | undefined {
  const shared = Math.min(held.length, j.events.length);
  for (let i = 0; i < shared; i++) if (held[i].hash !== j.events[i].hash) return { kind: 'different-event', seq: held[i].seq };
  // The journal stops short only if an append failed after the database committed and the host
  // never retried: the database is ahead, which loses nothing but is worth saying.
  if (held.length > j.events.length) return { kind: 'journal-behind', seq: j.events.length + 1 };
  return undefined;
}

const endOf = (j: JournalSession) => ({
  endedAt: j.session.endedAt,
  ...(j.session.endReason !== undefined && { endReason: j.session.endReason }),
  ...(j.session.endNote !== undefined && { endNote: j.session.endNote }),
});

async function putSnapshots(db: UpfrontDb, replayed: Replayed, events: DisclosureEvent[]): Promise<void> {
  const hashes = [...new Set(events.map((e) => e.cardHash))];
  const here = await db.snapshots.bulkGet(hashes);
  const missing = hashes.filter((_h, i) => here[i] === undefined).map((h) => replayed.snapshots.get(h));
  await db.snapshots.bulkAdd(missing.filter((s) => s !== undefined));
}

/** Compares without writing: the studio's "check the copy" and the unit tests. */
export async function compareWithDatabase(db: UpfrontDb, replayed: Replayed): Promise<{ disagreements: Disagreement[]; missingFromDatabase: number }> {
  const disagreements: Disagreement[] = [];
  let missingFromDatabase = 0;
  for (const j of replayed.sessions.values()) {
    const here = await db.sessions.get(j.session.id);
    if (!here) {
      missingFromDatabase += 1;
      continue;
    }
    const d = compare(j, await sessionEvents(db, here.id));
    if (d) disagreements.push({ sessionId: j.session.id, host: j.session.host, startedAt: j.session.startedAt, ...d });
  }
  return { disagreements, missingFromDatabase };
}
