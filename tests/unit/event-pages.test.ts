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
    expect(verifyChain('show', await repo.listEvents('show'), ended.head)).toBeNull();
    expect(await repo.eventsPage('show', 1, 1)).toStrictEqual([recorded[1]]);
    expect(await repo.eventsPage('show', 0, 10, 2)).toStrictEqual(recorded.slice(0, 2));
    expect(await repo.lastActivity(ended)).toBe(recorded[2].at);
    expect((await repo.querySessions({ cardId: SERUM })).map((s) => s.id)).toEqual(['show']);
    expect((await repo.filterOptions()).products.map((p) => p.id)).toEqual([HOODIE, SERUM]);
  });

  it('answers a retry that arrives after the session ended with the event it committed', async () => {
    const [first] = await show([input('a')]);
    await repo.endSession('show', NOW + 5000);
    await repo.sealEnded();
    expect(await repo.recordEvent(input('a'))).toStrictEqual(first);
    await expect(repo.recordEvent(input('z'))).rejects.toMatchObject({ code: 'session-ended' });
    expect(await storedEvents(db)).toStrictEqual([first]);
  });

  it('leaves a live session alone when another ends, and seals nothing twice', async () => {
    await show([input('a')]);
    await repo.startSession({ id: 'other', deckId: 'demo-deck', host: 'Sam', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
    await repo.recordEvent(input('o1', { sessionId: 'other' }));
    await repo.endSession('show', NOW + 5000);
    expect(await repo.sealEnded()).toBe(1);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(['o1']);
    expect(await repo.sealEnded()).toBe(0);
    await repo.endSession('show', NOW + 6000); // a retry of the end
    expect(await repo.sealEnded()).toBe(0);
    expect(await db.eventPages.count()).toBe(1);
  });
});

describe('pages', () => {
  it(`holds ${EVENTS_PER_PAGE} events a page, and reads any window across pages in order`, async () => {
    await db.events.bulkAdd([...synthetic('s', 1, 2500), ...synthetic('t', 1, 10)]);
    expect(await seal('s')).toBe(2500);
    const pages = await db.eventPages.where('sessionId').equals('s').toArray();
    expect(pages.map((p) => [p.page, p.events.length, p.events[0].seq])).toEqual([
      [0, 1000, 1],
      [1, 1000, 1001],
      [2, 500, 2001],
    ]);
    expect((await db.events.toArray()).every((e) => e.sessionId === 't')).toBe(true);
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, 2500));
    expect(seqs(await sessionEvents(db, 's', 999, 2001))).toEqual(range(1000, 2001));
    expect(seqs(await sessionEvents(db, 's', 2000, 2000))).toEqual([]);
    expect(seqs(await sessionEvents(db, 't'))).toEqual(range(1, 10));
    expect((await eventAt(db, 's', 1001))?.id).toBe('s-e1001');
    expect(await eventAt(db, 's', 2501)).toBeUndefined();
    expect((await findEvent(db, 's-e2500'))?.seq).toBe(2500);
    expect((await findEvent(db, 't-e3'))?.seq).toBe(3);
    expect(await findEvent(db, 'nope')).toBeUndefined();
    expect(await sessionsWithCard(db, SERUM)).toEqual(new Set(['s', 't']));
    expect(await loggedCardIds(db)).toEqual([HOODIE, SERUM]);
  });

  it('reads loose events after sealed ones in order, and merges them into the last page when sealed again', async () => {
    await db.events.bulkAdd(synthetic('s', 1, 1500));
    await seal('s');
    // An import extended the sealed session: its new tail is loose until sealed.
    await db.events.bulkAdd(synthetic('s', 1501, 600));
    expect(seqs(await sessionEvents(db, 's', 1400, 1700))).toEqual(range(1401, 1700));
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, 2100));
    expect(await seal('s')).toBe(600);
    const pages = await db.eventPages.where('sessionId').equals('s').toArray();
    expect(pages.map((p) => [p.page, p.events.length])).toEqual([
      [0, 1000],
      [1, 1000],
      [2, 100],
    ]);
    expect(seqs(pages[1].events)).toEqual(range(1001, 2000));
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, 2100));
    expect(await db.events.count()).toBe(0);
  });
});

describe('sealing in steps', () => {
  it(`moves ${SEAL_STEP} events a transaction, lowest first, and the log reads whole between steps`, async () => {
    await db.events.bulkAdd(synthetic('s', 1, 600));
    expect(await seal('s', SEAL_STEP)).toBe(SEAL_STEP);
    expect(seqs(await db.events.toArray()).sort((a, b) => a - b)).toEqual(range(SEAL_STEP + 1, 600));
    expect(seqs(await sessionEvents(db, 's'))).toEqual(range(1, 600));
    expect(await seal('s', SEAL_STEP)).toBe(SEAL_STEP);
    expect(await seal('s', SEAL_STEP)).toBe(100);
    const [page] = await db.eventPages.toArray();
    expect(seqs(page.events)).toEqual(range(1, 600));
    expect(page.eventIds).toHaveLength(600);
  });
});
