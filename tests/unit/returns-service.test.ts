import { describe, expect, it, vi } from 'vitest';
import { verifyLogData } from '../../lib/evidence/verify';
import type { Analysis } from '../../lib/returns/analysis';
import type { LookupAnswer } from '../../lib/contracts/returns-loop';
import type { Problem } from '../../lib/readiness';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import { Repository } from '../../lib/db/repository';
import { MIN, orderLine, returnLine } from './returns-helpers';
import { background, contentScript, studio } from './sessions-helpers';
import { orderLinesOf, returnLinesOf } from './stored-lines';

/** The sample show, and a month of orders from Lina's TikTok show, some of them returned. */
async function setUp() {
  const bg = await background();
  await recordSampleShow(bg.repo);
  const orders = [];
  const returns = [];
  for (let i = 0; i < 20; i++) {
    orders.push(orderLine({ orderId: `H${i}`, sku: `DEMO-HOODIE-01-${i % 2 ? 'M' : 'L'}`, orderedAt: SAMPLE_START + (3 + i / 10) * MIN, row: i + 2 }));
    if (i < 12) returns.push(returnLine({ orderId: `H${i}`, sku: `DEMO-HOODIE-01-${i % 2 ? 'M' : 'L'}`, reason: 'size_fit', returnId: `RH${i}` }));
  }
  for (let i = 0; i < 40; i++) {
    orders.push(orderLine({ orderId: `C${i}`, sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 12 * MIN, row: i + 30 }));
    const reason = i < 3 ? 'not_as_described' : i < 5 ? 'colour_look' : i < 6 ? 'size_fit' : i < 10 ? 'changed_mind' : undefined;
    if (reason) returns.push(returnLine({ orderId: `C${i}`, sku: 'DEMO-COVER-60', reason, returnId: `RC${i}` }));
  }
  orders.push(orderLine({ orderId: 'LOST', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START - 60 * MIN, row: 99 }));
  await orderLinesOf(bg.db!).bulkPut(orders);
  await returnLinesOf(bg.db!).bulkPut(returns);
  return bg;
}

describe('returns loop requests', () => {
  it('answer lookups, a pack, the analysis, the unmatched list and readiness feedback, all at once', async () => {
    const bg = await setUp();
    const deckId = (await bg.repo.listDecks())[0].id;
    const [lookup, pack, analysis, unmatched, feedback] = await Promise.all([
      bg.ok<LookupAnswer>('returns.lookup', { orderIds: ['H1', ' C0 ', 'NOPE', 'LOST'] }, studio),
      bg.ok<unknown>('returns.pack', { key: 'tiktok:H1:DEMO-HOODIE-01-M' }, studio),
      bg.ok<Analysis>('returns.analysis', { filter: {} }, studio),
      bg.ok<{ total: number; lines: { orderId: string; why: string }[] }>('returns.unmatched', {}, studio),
      bg.ok<Problem[]>('returns.feedback', { deckId }, studio),
    ]);
    expect(lookup.results.map((r) => [r.orderId, r.lines.length])).toEqual([
      ['H1', 1],
      ['C0', 1],
      ['NOPE', 0],
      ['LOST', 1],
    ]);
    const h1 = lookup.results[0].lines[0];
    expect(h1.match).toMatchObject({ sku: 'DEMO-HOODIE-01', offsetMs: 3.1 * MIN, mustSay: 'said' });
    expect(h1.match!.session.host).toBe('Lina');
    expect(h1.match!.before.map((d) => d.action)).toEqual(['shown', 'said']);
    expect(h1.match!.after.map((d) => d.action)).toEqual(['correction', 'said']);
    expect(h1.returned).toBe(1);
    expect(h1.returns.map((r) => r.reason)).toEqual(['size_fit']);
    expect(lookup.results[1].lines[0].returns.map((r) => r.reason)).toEqual(['not_as_described']);
    expect(lookup.results[3].lines[0].why).toBe('no-show');
    const cited = new Set([...h1.match!.before, ...h1.match!.after].map((d) => d.cardHash));
    expect(lookup.snapshots.filter((s) => cited.has(s.hash))).toHaveLength(cited.size);

    expect((await verifyLogData(pack)).ok).toBe(true);
    expect(analysis.total).toMatchObject({ orders: 60, ordered: 60, returned: 22, small: false });
    expect(analysis.groups.product.map((g) => [g.key, g.ordered, g.returned])).toEqual([
      ['DEMO-COVER-60', 40, 10],
      ['DEMO-HOODIE-01', 20, 12],
    ]);
    expect(unmatched).toEqual({ total: 1, lines: [expect.objectContaining({ orderId: 'LOST', why: 'no-show' })] });

    const hoodie = feedback.find((p) => p.code === 'returns-size-fit');
    expect(hoodie).toMatchObject({ sku: 'DEMO-HOODIE-01', field: 'sizeChart', returns: 12 });
    // 12 of 20 against the deck's 13 of 60.
    expect(hoodie!.ratio).toBe(2.8);
    expect(feedback.filter((p) => p.sku === 'DEMO-COVER-60').map((p) => [p.code, p.field])).toEqual([
      ['returns-not-as-described', 'caveats'],
      ['returns-colour', 'notes'],
    ]);
    expect(feedback).toHaveLength(3);
  });

  it('a shorter grace window changes the answer, nothing is stored', async () => {
    const bg = await setUp();
    const late = orderLine({ orderId: 'LATE', sku: 'DEMO-SERUM-30', orderedAt: SAMPLE_START + 45 * MIN });
    await orderLinesOf(bg.db!).put(late);
    const wide = await bg.ok<LookupAnswer>('returns.lookup', { orderIds: ['LATE'] }, studio);
    expect(wide.results[0].lines[0].match?.inGrace).toBe(true);
    const narrow = await bg.ok<LookupAnswer>('returns.lookup', { orderIds: ['LATE'], graceMs: 10 * MIN }, studio);
    expect(narrow.results[0].lines[0].why).toBe('no-show');
  });

  it('the loop is made once for requests at once and kept; an import is joined to the shows already made, its lines never read back', async () => {
    const bg = await setUp();
    const logReads = vi.spyOn(Repository.prototype, 'exportLog');
    const orderReads = vi.spyOn(bg.db!.orderBuckets, 'toArray');
    const returnReads = vi.spyOn(bg.db!.returnBuckets, 'toArray');
    const analysis = (filter = {}) => bg.ok<Analysis>('returns.analysis', { filter }, studio);
    const [all] = await Promise.all([analysis(), bg.ok('returns.unmatched', {}, studio), bg.ok('returns.feedback', { deckId: (await bg.repo.listDecks())[0].id }, studio)]);
    expect(all.total.orders).toBe(60);
    expect((await analysis({ from: SAMPLE_START + 10 * MIN })).total.orders).toBe(40);
    expect([logReads.mock.calls.length, orderReads.mock.calls.length, returnReads.mock.calls.length]).toEqual([1, 1, 1]);

    // Two imports fired at once with an analysis: the loop is made again as the last one ends,
    // before anyone asks, from the store's copy of the lines and the shows it had.
    const linesAsked = vi.spyOn(bg.orders!, 'lines');
    const a = orderLine({ orderId: 'NEW', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 12 * MIN });
    const b = orderLine({ orderId: 'NEW2', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 13 * MIN });
    const [, , during] = await Promise.all([bg.orders!.importLines({ orders: [a], returns: [] }), bg.orders!.importLines({ orders: [b], returns: [] }), analysis()]);
    expect([60, 61, 62]).toContain(during.total.orders);
    expect((await analysis()).total).toMatchObject({ orders: 62, returned: 22 });
    // The same line again changes nothing: the loop is kept. A new one alone: the loop is being
    // made again when the import returns, before any request.
    linesAsked.mockClear();
    await bg.orders!.importLines({ orders: [b], returns: [] });
    expect(linesAsked).not.toHaveBeenCalled();
    await bg.orders!.importLines({ orders: [{ ...b, orderId: 'NEW4', key: 'tiktok:NEW4:DEMO-COVER-60' }], returns: [] });
    expect(linesAsked).toHaveBeenCalledTimes(1);
    expect((await analysis()).total.orders).toBe(63);
    expect([logReads.mock.calls.length, orderReads.mock.calls.length, returnReads.mock.calls.length]).toEqual([1, 1, 1]);

    // A return written by something else than the order store: its table is read again, the other is not.
    await returnLinesOf(bg.db!).put(returnLine({ orderId: 'NEW', sku: 'DEMO-COVER-60', reason: 'size_fit', returnId: 'RN' }));
    expect((await analysis()).total).toMatchObject({ orders: 63, returned: 23 });
    expect([logReads.mock.calls.length, orderReads.mock.calls.length, returnReads.mock.calls.length]).toEqual([1, 1, 2]);
    // An order line written so: the same.
    await orderLinesOf(bg.db!).put(orderLine({ orderId: 'NEW3', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 14 * MIN }));
    expect((await analysis()).total.orders).toBe(64);
    expect(orderReads).toHaveBeenCalledTimes(2);

    // The log changed (the show was on another platform): the shows are made again, and no TikTok order is its own any more.
    const [session] = await bg.db!.sessions.toArray();
    await bg.db!.sessions.put({ ...session, platform: 'douyin-buyin' });
    expect((await analysis()).total.orders).toBe(0);
    expect(logReads).toHaveBeenCalledTimes(2);
    expect(orderReads).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });

  it('refuses bad payloads, unknown or unmatched orders and the console page', async () => {
    const bg = await setUp();
    expect(await bg.code('returns.lookup', { orderIds: [] }, studio)).toBe('bad-message');
    expect(await bg.code('returns.lookup', { orderIds: Array.from({ length: 201 }, (_, i) => String(i)) }, studio)).toBe('bad-message');
    expect(await bg.code('returns.analysis', { filter: { from: 'yesterday' } }, studio)).toBe('bad-message');
    expect(await bg.code('returns.lookup', { orderIds: ['H1'] }, contentScript(1))).toBe('forbidden');
    expect(await bg.code('returns.pack', { key: 'tiktok:NOPE:X' }, studio)).toBe('order-not-found');
    expect(await bg.code('returns.pack', { key: 'tiktok:LOST:DEMO-COVER-60' }, studio)).toBe('order-unmatched');
    expect(await bg.code('returns.feedback', { deckId: 'nope' }, studio)).toBe('deck-not-found');
  });
});
