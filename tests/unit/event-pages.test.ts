import { beforeEach, describe, expect, it } from 'vitest';
import type { UpfrontDb } from '../../lib/db/database';
import { EVENTS_PER_PAGE, SEAL_STEP, eventAt, findEvent, loggedCardIds, sealSession, sessionEvents, sessionsWithCard } from '../../lib/db/event-pages';
import type { RecordInput, Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { verifyChain } from '../../lib/evidence/chain';
import type { DisclosureEvent } from '../../lib/schema/session';
import { NOW, freshRepo, storedEvents } from './helpers';

let db: UpfrontDb;
let repo: Repository;

beforeEach(async () => {
  ({ db, repo } = freshRepo());
  await repo.putDeckBundle(demoBundle(NOW));
});

const HOODIE = 'demo-card-hoodie';
const SERUM = 'demo-card-serum';

function input(id: string, over: Partial<RecordInput> = {}): RecordInput {
  return { id, sessionId: 'show', cardId: HOODIE, item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said', now: NOW + 1000, ...over };
}

async function show(events: RecordInput[]) {
  await repo.startSession({ id: 'show', deckId: 'demo-deck', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
  const recorded = [];
  for (const e of events) recorded.push(await repo.recordEvent(e));
  return recorded;
}

/** Events as a session of `count` would hold them (not chained: sealing never reads the chain). */
function synthetic(sessionId: string, from: number, count: number): DisclosureEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${sessionId}-e${from + i}`,
    sessionId,
    seq: from + i,
    at: NOW + from + i,
    offsetMs: from + i,
    cardId: (from + i) % 7 === 0 ? SERUM : HOODIE,
    cardHash: '0'.repeat(64),
    item: { kind: 'caveat', id: 'demo-caveat-wash' },
    language: 'en',
    action: 'said',
    prev: '0'.repeat(64),
    hash: '1'.repeat(64),
  }));
}

const seal = (sessionId: string, max?: number) => db.transaction('rw', db.events, db.eventPages, () => sealSession(db, sessionId, max));
const seqs = (events: DisclosureEvent[]) => events.map((e) => e.seq);
const range = (from: number, through: number) => Array.from({ length: through - from + 1 }, (_, i) => from + i);

describe('an ended session: its events move into pages, the log reads the same', () => {
  it('seals ended sessions only, and every reader sees the same log before and after', async () => {
    const recorded = await show([input('a'), input('b', { cardId: SERUM, item: { kind: 'caveat', id: 'demo-caveat-skin' } }), input('c')]);
    expect(await repo.listEvents('show')).toStrictEqual(recorded);
    expect(await repo.sealEnded()).toBe(0); // live: nothing to seal
    const ended = await repo.endSession('show', NOW + 5000);
    expect(await repo.listEvents('show')).toStrictEqual(recorded);
    expect(await repo.sealEnded()).toBe(3);

    expect(await db.events.count()).toBe(0);
    const pages = await db.eventPages.toArray();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ sessionId: 'show', page: 0, eventIds: ['a', 'b', 'c'] });
    expect([...pages[0].cardIds].sort()).toEqual([HOODIE, SERUM]);

    expect(await repo.listEvents('show')).toStrictEqual(recorded);
    expect(verifyChain(ended, await repo.listEvents('show'), ended.head)).toBeNull();
    expect(await repo.eventsPage('show', 1, 2)).toStrictEqual([recorded[1]]);
    expect(await repo.eventsPage('show', 0, 2)).toStrictEqual(recorded.slice(0, 2));
    expect(await repo.lastActivity(ended)).toBe(recorded[2].at);
    expect((await repo.querySessions({ cardId: SERUM })).map((s) => s.id)).toEqual(['show']);
    expect((await repo.filterOptions()).products.map((p) => p.id)).toEqual([HOODIE, SERUM]);
  });

  it('never shows a log missing the events being moved while it is read', async () => {
    const recorded = await show([input('a'), input('b'), input('c')]);
    await repo.endSession('show', NOW + 5000);
    const reads = Array.from({ length: 30 }, () => repo.listEvents('show'));
    const [moved, ...lists] = await Promise.all([repo.sealEnded(), ...reads]);
    expect(moved).toBe(3);
    for (const list of lists) expect(list).toStrictEqual(recorded);
  });

  it('answers a retry that arrives after the session ended with the event it committed', async () => {
    const [first] = await show([input('a')]);
    await repo.endSession('show', NOW + 5000);
    await repo.sealEnded();
    expect(await repo.recordEvent(input('a'))).toStrictEqual(first);
    await expect(repo.recordEvent(input('z'))).rejects.toMatchObject({ code: 'session-ended' });
    expect(await storedEvents(db)).toStrictEqual([first]);
  });

  it('waits while another show is live, then seals every ended one, once', async () => {
    await show([input('a')]);
    await repo.startSession({ id: 'other', deckId: 'demo-deck', host: 'Sam', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
    await repo.recordEvent(input('o1', { sessionId: 'other' }));
    await repo.endSession('show', NOW + 5000);
    expect(await repo.sealEnded()).toBe(0); // "other" is live: its clicks must not wait
    expect((await db.events.toArray()).map((e) => e.id).sort()).toEqual(['a', 'o1']);
    expect((await repo.listEvents('show')).map((e) => e.id)).toEqual(['a']);
    await repo.endSession('other', NOW + 6000);
    expect(await repo.sealEnded()).toBe(2);
    expect(await db.events.count()).toBe(0);
    await repo.endSession('show', NOW + 7000); // a retry of the end
    expect(await repo.sealEnded()).toBe(0);
    expect((await db.eventPages.toArray()).map((p) => p.sessionId).sort()).toEqual(['other', 'show']);
  });
});

const P = EVENTS_PER_PAGE;

describe('pages', () => {
  it(`holds ${P} events a page, and reads any window across pages in order`, async () => {
    const n = 2 * P + P / 2;
    await db.events.bulkAdd([...synthetic('s', 1, n), ...synthetic('t', 1, 10)]);
    expect(await seal('s')).toBe(n);
    const pages = await db.eventPages.where('sessionId').equals('s').toArray();
    expect(pages.map((p) => [p.page, p.events.length, p.events[0].seq])).toEqual([
      [0, P, 1],
      [1, P, P + 1],
      [2, P / 2, 2 * P + 1],
    ]);
    expect((await db.events.toArray()).every((e) => e.sessionId === 't')).toBe(true);
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, n));
    expect(seqs(await sessionEvents(db, 's', P - 1, 2 * P + 1))).toEqual(range(P, 2 * P + 1));
    expect(seqs(await sessionEvents(db, 's', 2 * P, 2 * P))).toEqual([]);
    expect(seqs(await sessionEvents(db, 't'))).toEqual(range(1, 10));
    expect((await eventAt(db, 's', P + 1))?.id).toBe(`s-e${P + 1}`);
    expect(await eventAt(db, 's', n + 1)).toBeUndefined();
    expect((await findEvent(db, `s-e${n}`))?.seq).toBe(n);
    expect((await findEvent(db, 't-e3'))?.seq).toBe(3);
    expect(await findEvent(db, 'nope')).toBeUndefined();
    expect(await sessionsWithCard(db, SERUM)).toEqual(new Set(['s', 't']));
    expect(await loggedCardIds(db)).toEqual([HOODIE, SERUM]);
  });

  it('reads loose events after sealed ones in order, and merges them into the last page when sealed again', async () => {
    const sealed = P + P / 2;
    await db.events.bulkAdd(synthetic('s', 1, sealed));
    await seal('s');
    // An import extended the sealed session: its new tail is loose until sealed.
    await db.events.bulkAdd(synthetic('s', sealed + 1, P));
    const all = sealed + P;
    expect(seqs(await sessionEvents(db, 's', sealed - 10, sealed + 10))).toEqual(range(sealed - 9, sealed + 10));
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, all));
    expect(await seal('s')).toBe(P);
    const pages = await db.eventPages.where('sessionId').equals('s').toArray();
    expect(pages.map((p) => [p.page, p.events.length])).toEqual([
      [0, P],
      [1, P],
      [2, all - 2 * P],
    ]);
    expect(seqs(pages[1].events)).toEqual(range(P + 1, 2 * P));
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, all));
    expect(await db.events.count()).toBe(0);
  });
});

describe('sealing in steps', () => {
  it(`moves ${SEAL_STEP} events a transaction, lowest first, and the log reads whole between steps`, async () => {
    const n = 2 * SEAL_STEP + 100;
    await db.events.bulkAdd(synthetic('s', 1, n));
    expect(await seal('s', SEAL_STEP)).toBe(SEAL_STEP);
    expect(seqs(await db.events.toArray()).sort((a, b) => a - b)).toEqual(range(SEAL_STEP + 1, n));
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, n));
    expect(await seal('s', SEAL_STEP)).toBe(SEAL_STEP);
    expect(await seal('s', SEAL_STEP)).toBe(100);
    expect(await seal('s', SEAL_STEP)).toBe(0);
    const pages = await db.eventPages.toArray();
    expect(pages.flatMap((p) => seqs(p.events))).toEqual(range(1, n));
    expect(pages.flatMap((p) => p.eventIds)).toEqual(range(1, n).map((k) => `s-e${k}`));
  });
});
