import { describe, expect, it, vi } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { testService } from '../helpers/service';
import { OrderStore } from '../../lib/db/orders';
import type { Analysis } from '../../lib/returns/analysis';
import { loopStillHolds } from '../../lib/returns/log-writes';
import { buildLoop } from '../../lib/returns/loop';
import { importPayload } from '../../lib/returns/line-columns';
import { ReturnsLoopStore } from '../../lib/returns/store';
import type { OrderLine } from '../../lib/returns/types';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import type { Reply } from '../../lib/messaging/types';
import { freshRepo } from './helpers';
import { MIN, orderLine, returnLine } from './returns-helpers';
import { contentScript, overlay, studio } from './sessions-helpers';

const DAY = 86_400_000;
const SHOW = SAMPLE_START + DAY;

/**
 * The background as the entrypoint wires it for the returns loop (orders, the loop's store), over
 * fake-indexeddb, with the sample show recorded and its orders imported through `orders.import`.
 * `builds()` counts joins over every line (each asks the order store for all of them; a lookup reads its orders only).
 */
async function setUp() {
  const { db, repo } = freshRepo();
  await recordSampleShow(repo);
  const clock = { now: SHOW };
  // One order store for imports and the loop, as the background has.
  const orders = new OrderStore(db);
  const loop = new ReturnsLoopStore(db, orders);
  // Every join over all the lines asks the order store for them once.
  const reads = vi.spyOn(orders, 'lines');
  const local = memoryKeyValue();
  const handle = testService({ repo, orders, returnsLoop: loop, local, now: () => clock.now });
  const ok = async <T,>(type: string, payload: unknown, sender = studio): Promise<T> => {
    const reply = (await handle({ type, payload }, sender)) as Reply<T>;
    if (!reply.ok) throw new Error(`${type}: ${reply.code}: ${reply.detail}`);
    return reply.data;
  };
  const deck = (await repo.listDecks())[0];
  const cards = (await repo.getDeckBundle(deck.id)).cards;
  const hoodie = cards[0];
  const sampleOrders = Array.from({ length: 30 }, (_, i) => orderLine({ orderId: `H${i}`, sku: `${hoodie.sku}-M`, orderedAt: SAMPLE_START + (3 + i / 10) * MIN }));
  await ok('orders.import', importPayload({ orders: sampleOrders, returns: [returnLine({ orderId: 'H1', sku: `${hoodie.sku}-M`, reason: 'size_fit', returnId: 'R1' })] }));
  await ok('console.hello', {}, contentScript(7));
  const analysis = () => ok<Analysis>('returns.analysis', { filter: {} });
  /** What a loop made from scratch answers (a second store over the same database). */
  const fresh = async () => {
    const other = new ReturnsLoopStore(db);
    try {
      return await testService({ repo, returnsLoop: other, local, now: () => clock.now })({ type: 'returns.analysis', payload: { filter: {} } }, studio);
    } finally {
      other.stopWatching();
    }
  };
  let n = 0;
  const click = (sessionId: string, item = { kind: 'caveat', id: hoodie.caveats[0].id }) => {
    clock.now += 20_000;
    n += 1;
    return ok('event.record', { id: `live-${n}`, sessionId, cardId: hoodie.id, item, language: 'en', action: 'said' }, overlay(7));
  };
  const builds = () => reads.mock.calls.length;
  return { db, ok, clock, hoodie, analysis, fresh, click, builds, stop: () => loop.stopWatching() };
}

const orderOf = (hoodie: { sku: string }, id: string, orderedAt: number): OrderLine => orderLine({ orderId: id, sku: `${hoodie.sku}-L`, orderedAt });

describe('the returns analysis while a show is live', () => {
  it('recording during a show whose span holds no order does not join again; its orders, once imported, do', async () => {
    const t = await setUp();
    const before = await t.analysis();
    expect(before.total.orders).toBe(30);
    expect(t.builds()).toBe(1);

    // Go live the next day; ten clicks, each followed by an analysis (some asked at once with the click).
    await t.ok('session.start', { id: 'live-show', deckId: (await t.db.decks.toArray())[0].id, host: 'Ana' }, overlay(7));
    for (let i = 0; i < 10; i++) {
      const [, during] = await Promise.all([t.click('live-show'), t.analysis()]);
      expect(during).toEqual(before);
      expect(await t.analysis()).toEqual(before);
    }
    expect(t.builds()).toBe(1);
    // What it answered is what a loop made from scratch answers.
    expect(await t.fresh()).toEqual({ ok: true, data: before });

    // The show ends: it has no order yet, so nothing to join again either.
    await t.ok('session.end', { sessionId: 'live-show' }, overlay(7));
    expect(await t.analysis()).toEqual(before);
    expect(t.builds()).toBe(1);

    // Its orders are imported after it: joined again, and matched to it with what was said before.
    await t.ok('orders.import', importPayload({ orders: [orderOf(t.hoodie, 'L1', SHOW + 5 * MIN)], returns: [] }));
    const after = await t.analysis();
    expect(t.builds()).toBe(2);
    expect(after.total.orders).toBe(31);
    expect(after.groups.show.map((g) => [g.key, g.orders])).toEqual(expect.arrayContaining([['live-show', 1]]));
    expect(after.groups.mustSay.map((g) => [g.key, g.orders])).toEqual(expect.arrayContaining([['said', expect.any(Number)]]));
    t.stop();
  });

  it('a show whose span already holds imported orders is joined again at each click and at its end', async () => {
    const t = await setUp();
    await t.ok('session.start', { id: 'live-show', deckId: (await t.db.decks.toArray())[0].id, host: 'Ana' }, overlay(7));
    await t.click('live-show');
    // A shop export pulled mid-show: an order placed after the first click.
    await t.ok('orders.import', importPayload({ orders: [orderOf(t.hoodie, 'MID', t.clock.now + 1000)], returns: [] }));
    const first = await t.analysis();
    const built = t.builds();
    expect(first.groups.show.find((g) => g.key === 'live-show')?.orders).toBe(1);

    // The next click extends the show past the order: the order is now inside it, not in its grace window.
    await t.click('live-show');
    const second = await t.analysis();
    expect(t.builds()).toBe(built + 1);
    expect(await t.fresh()).toEqual({ ok: true, data: second });

    await t.ok('session.end', { sessionId: 'live-show' }, overlay(7));
    expect(await t.fresh()).toEqual({ ok: true, data: await t.analysis() });
    expect(t.builds()).toBe(built + 2);
    t.stop();
  });
});

describe('loopStillHolds: which log writes leave the kept loop', () => {
  const at = (m: number) => SAMPLE_START + m * MIN;
  async function kept() {
    const { db, repo } = freshRepo();
    await recordSampleShow(repo);
    const hoodie = (await db.cards.toArray()).find((c) => c.sku === 'DEMO-HOODIE-01')!;
    const loop = buildLoop({ ...(await repo.exportLog()), decks: await db.decks.toArray(), cards: await db.cards.toArray(), orders: [orderOf(hoodie, 'O1', at(5)), orderOf(hoodie, 'O2', at(3 * 24 * 60))], returns: [] });
    return { loop, sessions: await db.sessions.toArray() };
  }

  it('holds for the sessions it read, a new one with no order in its span, and an export mark', async () => {
    const { loop, sessions } = await kept();
    expect(loopStillHolds(loop, sessions)).toBe(true);
    const exported = sessions.map((s) => ({ ...s, exportedAt: at(60) }));
    expect(loopStillHolds(loop, exported)).toBe(true);
    // A show the next day with events the loop never read: O2, two days after its start, is in its
    // span while it is open (no end yet), not once it ended an hour in.
    const live = { ...sessions[0], id: 'live', startedAt: at(24 * 60), endedAt: undefined, endReason: undefined, lastSeq: 40 };
    expect(loopStillHolds(loop, [...sessions, live])).toBe(false);
    expect(loopStillHolds(loop, [...sessions, { ...live, endedAt: at(25 * 60), endReason: 'host' as const }])).toBe(true);
  });

  it('fails for a changed session with an order in its span, one read short of its events, and one gone', async () => {
    const { loop, sessions } = await kept();
    const lina = sessions.find((s) => s.id === 'sample-session-lina')!;
    const others = sessions.filter((s) => s !== lina);
    expect(loopStillHolds(loop, [...others, { ...lina, lastSeq: lina.lastSeq + 1 }])).toBe(false);
    expect(loopStillHolds(loop, others)).toBe(false);
    // The other show (no order in its span) may change or go without dropping it.
    const mei = others[0];
    expect(loopStillHolds(loop, [lina, { ...mei, lastSeq: mei.lastSeq + 1 }])).toBe(true);
    expect(loopStillHolds(loop, [lina])).toBe(true);
    // A loop that read fewer events than its session record says: changed.
    const short = { ...loop, shows: loop.shows.map((s) => (s.session.id === lina.id ? { ...s, events: s.events.slice(1) } : s)) };
    expect(loopStillHolds(short, sessions)).toBe(false);
  });
});
