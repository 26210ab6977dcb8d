import { checkChain, genesisOf, type ChainBreakCode } from '../evidence/chain';
import { contentHash } from '../evidence/hash';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import type { JournalRecord } from './journal-format';

/** What the journal holds about one session, after replay. */
export interface JournalSession {
  /** The session's header, with its end if journaled; lastSeq and head follow the verified events. */
  session: Session;
  /** The events that verify, in sequence order: the whole chain, or the part before its break. */
  events: DisclosureEvent[];
  /** Where the chain broke, if it did; the events from there on are in `dropped`. */
  broken?: { seq: number; code: ChainBreakCode };
  dropped: number;
}

export type ReplayProblemCode = 'event-conflict' | 'seq-conflict' | 'no-session' | 'snapshot-hash' | 'snapshot-missing';

export interface ReplayProblem {
  code: ReplayProblemCode;
  sessionId?: string;
  eventId?: string;
  seq?: number;
}

export interface Replayed {
  sessions: Map<string, JournalSession>;
  snapshots: Map<string, Snapshot>;
  problems: ReplayProblem[];
}

/**
 * Rebuilds the log from journal records. Idempotent: a record seen twice (a retry journals its
 * event again, a restarted worker its session's header again) counts once, so replaying a
 * journal twice over gives the same result. The same event id or sequence number with two
 * different contents is a conflict, reported, and the later one is not used.
 */
export function replay(records: JournalRecord[]): Replayed {
  const headers = new Map<string, Session>();
  const ends = new Map<string, Extract<JournalRecord, { k: 'end' }>>();
  const bySeq = new Map<string, Map<number, DisclosureEvent>>();
  const byId = new Map<string, DisclosureEvent>();
  const snapshots = new Map<string, Snapshot>();
  const problems: ReplayProblem[] = [];

  for (const r of records) {
    if (r.k === 'session') {
      if (!headers.has(r.session.id)) headers.set(r.session.id, r.session);
    } else if (r.k === 'end') {
      if (!ends.has(r.sessionId)) ends.set(r.sessionId, r);
    } else if (r.k === 'snapshot') {
      if (contentHash(r.snapshot.content) !== r.snapshot.hash) problems.push({ code: 'snapshot-hash' });
      else snapshots.set(r.snapshot.hash, r.snapshot);
    } else {
      const e = r.event;
      const seen = byId.get(e.id);
      if (seen) {
        if (seen.hash !== e.hash || contentHash(seen) !== contentHash(e)) problems.push({ code: 'event-conflict', sessionId: e.sessionId, eventId: e.id, seq: e.seq });
        continue;
      }
      const seqs = bySeq.get(e.sessionId) ?? new Map<number, DisclosureEvent>();
      bySeq.set(e.sessionId, seqs);
      if (seqs.has(e.seq)) {
        problems.push({ code: 'seq-conflict', sessionId: e.sessionId, eventId: e.id, seq: e.seq });
        continue;
      }
      seqs.set(e.seq, e);
      byId.set(e.id, e);
    }
  }

  const sessions = new Map<string, JournalSession>();
  for (const id of bySeq.keys()) if (!headers.has(id)) problems.push({ code: 'no-session', sessionId: id });
  for (const [id, header] of headers) {
    const all = [...(bySeq.get(id)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
    const broke = checkChain(header, all);
    const events = broke ? all.slice(0, broke.position) : all;
    for (const e of events) if (!snapshots.has(e.cardHash)) problems.push({ code: 'snapshot-missing', sessionId: id, eventId: e.id, seq: e.seq });
    const end = ends.get(id);
    const { endedAt: _e, endReason: _r, endNote: _n, ...open } = header;
    const session: Session = {
      ...open,
      lastSeq: events.length,
      head: events.at(-1)?.hash ?? genesisOf(header),
      ...(end ? { endedAt: end.endedAt, ...(end.endReason && { endReason: end.endReason }), ...(end.endNote !== undefined && { endNote: end.endNote }) } : {}),
    };
    sessions.set(id, { session, events, dropped: all.length - events.length, ...(broke ? { broken: { seq: broke.seq, code: broke.code } } : {}) });
  }
  return { sessions, snapshots, problems };
}
