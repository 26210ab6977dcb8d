import type { DisclosureEvent } from '../schema/session';
import type { EventPage, UpfrontDb } from './database';

/**
 * Where a session's events live. While a session is live each event is its own record in
 * `events` (one small strict write per disclosure). When the session ends, its events are moved,
 * unchanged, into `eventPages`: a record per EVENTS_PER_PAGE events. IndexedDB pays per record
 * read, so a sealed log reads about ten times faster (bench: CSV export of 100,000 events; a
 * record per event read 3.5 s, pages of a few hundred well under 1 s on the same machine). Every reader goes
 * through this module and sees one log in sequence order, wherever each event is.
 */
export const EVENTS_PER_PAGE = 250;

// The record's shape is declared with the tables (./database.ts), which this module reads.
export type { EventPage };

export const pageOf = (seq: number): number => Math.floor((seq - 1) / EVENTS_PER_PAGE);

const bySeq = (a: DisclosureEvent, b: DisclosureEvent) => a.seq - b.seq;

function pageRecord(sessionId: string, page: number, events: DisclosureEvent[]): EventPage {
  return { sessionId, page, events, cardIds: [...new Set(events.map((e) => e.cardId))], eventIds: events.map((e) => e.id) };
}

/**
 * Events moved per transaction: a page. A transaction over `events` holds up a disclosure being
 * recorded (the next show may already be live), so sealing goes a short step at a time; and a
 * step that fills its own page never rewrites one (a move of 250 events took 70-110 ms in
 * Chromium here, most of it deleting the single records; refilling a page of 1,000 in four steps
 * took twice as long).
 */
export const SEAL_STEP = EVENTS_PER_PAGE;

/**
 * Moves up to `max` of a session's loose events, lowest sequence numbers first, into its pages
 * (merged into a page already there, as after an import extended a sealed session). Call inside
 * a read-write transaction over `events` and `eventPages`: each step is all or nothing.
 */
export async function sealSession(db: UpfrontDb, sessionId: string, max = Infinity): Promise<number> {
  const loose = await db.events.where('[sessionId+seq]').between([sessionId, 0], [sessionId, Infinity]).limit(max).toArray();
  if (loose.length === 0) return 0;
  const groups = new Map<number, DisclosureEvent[]>();
  for (const e of loose) {
    const k = pageOf(e.seq);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(e);
  }
  const keys = [...groups.keys()];
  const existing = await db.eventPages.bulkGet(keys.map((k) => [sessionId, k]));
  const pages = keys.map((k, i) => pageRecord(sessionId, k, [...(existing[i]?.events ?? []), ...groups.get(k)!].sort(bySeq)));
  await db.eventPages.bulkPut(pages);
  await db.events.bulkDelete(loose.map((e) => e.id));
  return loose.length;
}

/**
 * Reads both places in one transaction: a move committed between two separate reads would hide
 * the events it moved from both.
 */
function reading<T>(db: UpfrontDb, read: () => Promise<T>): Promise<T> {
  return db.transaction('r', db.events, db.eventPages, read);
}

/** A session's events with afterSeq < seq ≤ throughSeq, in sequence order, wherever they are. */
export function sessionEvents(db: UpfrontDb, sessionId: string, afterSeq = 0, throughSeq = Infinity): Promise<DisclosureEvent[]> {
  return reading(db, () => readSessionEvents(db, sessionId, afterSeq, throughSeq));
}

async function readSessionEvents(db: UpfrontDb, sessionId: string, afterSeq: number, throughSeq: number): Promise<DisclosureEvent[]> {
  const lastPage = throughSeq === Infinity ? Infinity : pageOf(throughSeq);
  const pages = await db.eventPages.where('[sessionId+page]').between([sessionId, pageOf(afterSeq + 1)], [sessionId, lastPage], true, true).toArray();
  const sealed = pages.flatMap((p) => p.events).filter((e) => e.seq > afterSeq && e.seq <= throughSeq);
  // Sequence numbers are unique: pages holding as many events as the window has numbers hold
  // them all, and the single records need no look (their store is full of just-deleted keys
  // after sealing, which IndexedDB skips one by one until it compacts).
  if (sealed.length === throughSeq - afterSeq) return sealed;
  const loose = await db.events.where('[sessionId+seq]').between([sessionId, afterSeq], [sessionId, throughSeq], false, true).toArray();
  if (sealed.length === 0) return loose;
  return loose.length === 0 ? sealed : [...sealed, ...loose].sort(bySeq);
}

/** One event by its id, loose or sealed. */
export function findEvent(db: UpfrontDb, id: string): Promise<DisclosureEvent | undefined> {
  return reading(db, async () => {
    const loose = await db.events.get(id);
    if (loose) return loose;
    const page = await db.eventPages.where('eventIds').equals(id).first();
    return page?.events.find((e) => e.id === id);
  });
}

/** The event at one sequence number of a session, loose or sealed. */
export function eventAt(db: UpfrontDb, sessionId: string, seq: number): Promise<DisclosureEvent | undefined> {
  return reading(db, async () => {
    const loose = await db.events.where('[sessionId+seq]').equals([sessionId, seq]).first();
    if (loose) return loose;
    const page = await db.eventPages.get([sessionId, pageOf(seq)]);
    return page?.events.find((e) => e.seq === seq);
  });
}

/** The sessions whose log mentions a product. */
export function sessionsWithCard(db: UpfrontDb, cardId: string): Promise<Set<string>> {
  return reading(db, async () => {
    const [loose, pages] = await Promise.all([db.events.where('cardId').equals(cardId).toArray(), db.eventPages.where('cardIds').equals(cardId).toArray()]);
    return new Set([...loose.map((e) => e.sessionId), ...pages.map((p) => p.sessionId)]);
  });
}

/** Every product any log mentions, in key order. */
export function loggedCardIds(db: UpfrontDb): Promise<string[]> {
  return reading(db, async () => {
    const [loose, sealed] = await Promise.all([db.events.orderBy('cardId').uniqueKeys(), db.eventPages.orderBy('cardIds').uniqueKeys()]);
    return [...new Set([...(loose as string[]), ...(sealed as string[])])].sort();
  });
}
