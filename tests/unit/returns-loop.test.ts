import { describe, expect, it } from 'vitest';
import { analyse, weekOf } from '../../lib/returns/analysis';
import { analysisToCsv, ANALYSIS_CSV_COLUMNS } from '../../lib/returns/analysis-csv';
import { buildLoop } from '../../lib/returns/loop';
import { buildReport, ReturnsReport } from '../../lib/returns/report';
import { joinReturns } from '../../lib/returns/join';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import { freshRepo } from './helpers';
import { MIN, orderLine, returnLine } from './returns-helpers';

const B_START = SAMPLE_START + 2 * 3_600_000;

/** The sample show (lib/sessions/sample.ts) as an exported log holds it, and orders bought in it. */
async function sampleLoopInput() {
  const { repo, db } = freshRepo();
  await recordSampleShow(repo);
  const log = await repo.exportLog();
  const orders = [
    // Lina's TikTok show: hoodie after its size chart and wash caveat, serum after its caveat was skipped, cover before its caveat.
    orderLine({ orderId: '5770001', sku: 'DEMO-HOODIE-01-M', orderedAt: SAMPLE_START + 3.5 * MIN, quantity: 2, row: 3 }),
    orderLine({ orderId: '5770002', sku: 'DEMO-SERUM-30', orderedAt: SAMPLE_START + 20 * MIN, row: 4 }),
    orderLine({ orderId: '5770003', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 5 * MIN, row: 5 }),
    orderLine({ orderId: '5770004', sku: 'DEMO-HOODIE-01-L', orderedAt: SAMPLE_START + 30 * MIN, row: 6, status: 'Cancelled' }),
    // 小美's Douyin show (ended automatically 13 hours later: it was over at its last event).
    orderLine({ orderId: 'DY-1', source: 'douyin', sku: 'DEMO-SERUM-30', orderedAt: B_START + 6 * MIN, fileName: 'douyin.csv', row: 2 }),
    orderLine({ orderId: 'DY-2', source: 'douyin', sku: 'DEMO-SERUM-30', orderedAt: B_START + 3 * 3_600_000, fileName: 'douyin.csv', row: 3 }),
    orderLine({ orderId: 'DY-3', source: 'douyin', sku: 'NOT-OURS', orderedAt: B_START + 2 * MIN, fileName: 'douyin.csv', row: 4 }),
  ];
  const returns = [
    returnLine({ orderId: '5770001', sku: 'DEMO-HOODIE-01-M', reason: 'size_fit', returnId: 'R1' }),
    returnLine({ orderId: '5770002', sku: 'DEMO-SERUM-30', reason: 'changed_mind', returnId: 'R2', quantity: 3 }),
    returnLine({ orderId: '9999', sku: 'DEMO-SERUM-30', reason: 'other', returnId: 'R3' }),
  ];
  const [cards, decks] = await Promise.all([db.cards.toArray(), db.decks.toArray()]);
  return { ...log, orders, returns, cards, decks };
}

describe('the returns loop over a recorded show', () => {
  it('attaches lines to shows and lists what was disclosed before each order', async () => {
    const input = await sampleLoopInput();
    const loop = buildLoop(input);
    const byOrder = new Map(loop.lines.map((l) => [l.line.orderId, l]));
    expect([...byOrder.keys()].sort()).toEqual(['5770001', '5770002', '5770003', 'DY-1']);
    const hoodie = byOrder.get('5770001')!;
    expect(hoodie.show.session.host).toBe('Lina');
    expect(hoodie.product.sku).toBe('DEMO-HOODIE-01');
    expect(hoodie.offsetMs).toBe(3.5 * MIN);
    expect(hoodie.before.map((d) => [d.item.kind, d.action, d.offsetMs])).toEqual([
      ['size', 'shown', 2 * MIN],
      ['caveat', 'said', 3 * MIN],
    ]);
    expect(hoodie.mustSay).toBe('said');
    expect(byOrder.get('5770002')!.mustSay).toBe('skipped');
    expect(byOrder.get('5770003')!.mustSay).toBe('not-reached');
    expect(byOrder.get('5770003')!.before).toEqual([]);
    expect(byOrder.get('DY-1')!.show.session.host).toBe('小美');
    expect(loop.unmatched.map((u) => [u.line.orderId, u.why])).toEqual([
      ['DY-2', 'no-show'],
      ['DY-3', 'no-such-sku'],
    ]);
    expect(loop.cancelled.map((c) => c.orderId)).toEqual(['5770004']);
    expect(loop.orphanReturns.map((r) => r.orderId)).toEqual(['9999']);
    // Returned units never exceed what was ordered.
    expect(byOrder.get('5770002')!.returned).toBe(1);
  });

  it('the analysis counts each order once per group however its lines are spread over the input', async () => {
    const input = await sampleLoopInput();
    // A second line of 5770001 and two more orders, the lines of each order apart from each other.
    const more = [
      orderLine({ orderId: '5770010', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 6 * MIN }),
      orderLine({ orderId: '5770001', sku: 'DEMO-SERUM-30', orderedAt: SAMPLE_START + 3.5 * MIN }),
      orderLine({ orderId: '5770011', sku: 'DEMO-HOODIE-01-S', orderedAt: SAMPLE_START + 7 * MIN }),
      orderLine({ orderId: '5770010', sku: 'DEMO-HOODIE-01-XL', orderedAt: SAMPLE_START + 6 * MIN }),
    ];
    const orders = [input.orders[0], ...more, ...input.orders.slice(1)];
    const loop = buildLoop({ ...input, orders });
    const a = analyse(loop);
    const distinct = (lines: typeof loop.lines) => new Set(lines.map((l) => `${l.line.source}:${l.line.orderId}`)).size;
    expect(a.total.orders).toBe(distinct(loop.lines));
    expect(a.total.lines).toBe(loop.lines.length);
    for (const g of a.groups.product) expect([g.key, g.orders]).toEqual([g.key, distinct(loop.lines.filter((l) => l.product.sku === g.key))]);
    for (const g of a.groups.show) expect([g.key, g.orders]).toEqual([g.key, distinct(loop.lines.filter((l) => l.show.session.id === g.key))]);
    // The same lines in reverse give the same analysis.
    expect(analyse(buildLoop({ ...input, orders: orders.slice().reverse() }))).toEqual(a);
  });

  it('builds a report that passes its schema, with counts by product and session', async () => {
    const report = buildReport(await sampleLoopInput());
    expect(ReturnsReport.parse(report)).toEqual(report);
    expect(report.products).toEqual([
      { sku: 'DEMO-COVER-60', ordered: 1, returned: 0, reasons: {} },
      { sku: 'DEMO-HOODIE-01', ordered: 2, returned: 1, reasons: { size_fit: 1 } },
      { sku: 'DEMO-SERUM-30', ordered: 2, returned: 1, reasons: { changed_mind: 1 } },
    ]);
    expect(report.sessions).toEqual([
      { sessionId: 'sample-session-lina', host: 'Lina', ordered: 4, returned: 2 },
      { sessionId: 'sample-session-xiaomei', host: '小美', ordered: 1, returned: 0 },
    ]);
    expect(report.unmatched).toEqual([
      { file: 'douyin.csv', row: 3, orderId: 'DY-2', sku: 'DEMO-SERUM-30', why: 'no-show' },
      { file: 'douyin.csv', row: 4, orderId: 'DY-3', sku: 'NOT-OURS', why: 'no-such-sku' },
    ]);
    const first = report.matches[0];
    expect(first).toMatchObject({ orderId: '5770001', sku: 'DEMO-HOODIE-01-M', cardSku: 'DEMO-HOODIE-01', sessionId: 'sample-session-lina', offsetMs: 3.5 * MIN });
    expect(first.disclosedBefore.map((d) => d.action)).toEqual(['shown', 'said']);
    expect(report.totals).toEqual({ orderLines: 7, matched: 4, unmatched: 2, cancelled: 1, orderedUnits: 5, returnedUnits: 2, orphanReturns: 1 });
  });

  it('works from the log file alone (no decks): products come from the events', async () => {
    const { decks: _d, cards: _c, ...fromFile } = await sampleLoopInput();
    const report = buildReport(fromFile);
    expect(report.totals.matched).toBe(4);
  });

  it('analyses by every dimension, warns on small numbers, and filters by date and deck', async () => {
    const input = await sampleLoopInput();
    const loop = buildLoop(input);
    const a = analyse(loop);
    expect(a.total).toMatchObject({ orders: 4, ordered: 5, returned: 2, small: true });
    expect(a.groups.host.map((g) => [g.key, g.ordered, g.returned])).toEqual([
      ['Lina', 4, 2],
      ['小美', 1, 0],
    ]);
    expect(a.groups.mustSay.map((g) => [g.key, g.ordered, g.returned])).toEqual([
      ['said', 3, 1],
      ['skipped', 1, 1],
      ['not-reached', 1, 0],
    ]);
    expect(a.groups.market.map((g) => g.key).sort()).toEqual(['CN', 'EU']);
    expect(a.groups.category.map((g) => g.key).sort()).toEqual(['apparel', 'beauty', 'home']);
    expect(a.groups.show.find((g) => g.key === 'sample-session-lina')).toMatchObject({ host: 'Lina', startedAt: SAMPLE_START });
    expect(a.unmatchedByWhy).toEqual({ 'no-show': 1, 'no-such-sku': 1 });
    expect(a.weekly).toEqual([expect.objectContaining({ week: weekOf(SAMPLE_START), ordered: 5 })]);
    const later = analyse(loop, { from: B_START });
    expect(later.total.ordered).toBe(1);
    const otherDeck = analyse(loop, { deckIds: ['nope'] });
    expect(otherDeck.total.ordered).toBe(0);
    expect(otherDeck.unmatched).toBe(0);
  });

  it('weeks start on Monday, UTC', () => {
    expect(weekOf(Date.UTC(2026, 10, 20, 12))).toBe('2026-11-16'); // a Friday
    expect(weekOf(Date.UTC(2026, 10, 16, 0))).toBe('2026-11-16');
    expect(weekOf(Date.UTC(2026, 10, 15, 23, 59))).toBe('2026-11-09'); // Sunday
  });

  it('exports the analysis as Excel-safe CSV with no rate on small samples', async () => {
    const input = await sampleLoopInput();
    input.orders.push(orderLine({ orderId: '=HYPERLINK("x")', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 12 * MIN }));
    // A host name a spreadsheet would run as a formula.
    const sessions = input.sessions.map((s) => (s.host === 'Lina' ? { ...s, host: '=HYPERLINK("http://x","Lina")' } : s));
    const csv = analysisToCsv(analyse(buildLoop({ ...input, sessions })));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(ANALYSIS_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('total,,5,5,6,2,,yes,1,0,0,0,0,1,0,0,0');
    expect(lines).toContain(`host,"'=HYPERLINK(""http://x"",""Lina"")",4,4,5,2,,yes,1,0,0,0,0,1,0,0,0`);
  });

  it('a return joins its line by line key, else SKU, else the order\'s only line; extra units count under other', () => {
    const one = orderLine({ orderId: 'A', sku: 'TEE-100-S', orderedAt: 0, quantity: 3, returnedQuantity: 2 });
    const two = orderLine({ orderId: 'B', sku: 'TEE-100-S', orderedAt: 0, lineKey: 'row-2' });
    const three = orderLine({ orderId: 'B', sku: 'HD-200', orderedAt: 0, lineKey: 'row-3' });
    const join = joinReturns([one, two, three], [
      returnLine({ orderId: 'A', sku: 'whatever', lineKey: 'x', reason: 'size_fit' }),
      returnLine({ orderId: 'B', sku: 'hd-200', lineKey: 'y', reason: 'colour_look' }),
    ]);
    expect(join.of(one)).toMatchObject({ returned: 2, reasons: { size_fit: 1, other: 1 } });
    expect(join.of(three)).toMatchObject({ returned: 1, reasons: { colour_look: 1 } });
    expect(join.of(two).returned).toBe(0);
    expect(join.orphans).toEqual([]);
  });
});

describe('trailOf', () => {
  it('property: splits a product\'s events at the order time exactly as a filter would, in sequence order', async () => {
    const fc = (await import('fast-check')).default;
    const { trailOf } = await import('../../lib/returns/disclosed');
    const { session } = await import('./returns-helpers');
    fc.assert(
      fc.property(fc.array(fc.record({ gap: fc.integer({ min: 0, max: 5 }), card: fc.constantFrom('a', 'b') }), { maxLength: 30 }), fc.integer({ min: -2, max: 100 }), fc.boolean(), (specs, at, shuffleTimes) => {
        let t = 0;
        const events = specs.map((s, i) => {
          t += s.gap;
          // Now and then a clock that stepped back (a merged log from a machine whose clock was off).
          const when = shuffleTimes && i % 7 === 3 ? t - 4 : t;
          return { id: `e${i}`, sessionId: 's', seq: i + 1, at: when, offsetMs: Math.max(0, when), cardId: s.card, cardHash: '0'.repeat(64), item: { kind: 'size' as const, id: 'size' }, language: 'en', action: 'shown' as const, prev: '0'.repeat(64), hash: '0'.repeat(64) };
        });
        const show = { session: session({ id: 's', startedAt: 0 }), start: 0, end: t, products: [], events };
        for (const card of ['a', 'b']) {
          const { before, after } = trailOf(show, card, at);
          const mine = events.filter((e) => e.cardId === card);
          expect(before.map((d) => d.seq)).toEqual(mine.filter((e) => e.at <= at).map((e) => e.seq));
          expect(after.map((d) => d.seq)).toEqual(mine.filter((e) => e.at > at).map((e) => e.seq));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('readiness feedback from returns', () => {
  it('needs 10 returns, a size/fit rate 1.5× the deck\'s, and points a product without sizes at its dimensions', async () => {
    const { returnsProblems } = await import('../../lib/returns/feedback');
    const { Card } = await import('../../lib/schema/card');
    const card = (id: string, category: 'apparel' | 'home') => Card.parse({ id, sku: id.toUpperCase(), name: { en: id }, category, updatedAt: 0 });
    const cards = [card('tee', 'apparel'), card('lamp', 'home'), card('mug', 'home')];
    const deck = { id: 'd', name: 'D', cardIds: ['tee', 'lamp', 'mug'], market: 'EU', languages: ['en'], updatedAt: 0 };
    // Lines as the loop makes them: only the fields the feedback reads.
    const lines = (cardId: string, ordered: number, reasons: Record<string, number>) =>
      [{ product: { cardId }, line: { quantity: ordered }, returned: Object.values(reasons).reduce((a, b) => a + b, 0), reasons }] as never[];
    const problems = returnsProblems(deck, cards, [
      ...lines('tee', 100, { size_fit: 9 }), // 9 returns: too few to say anything
      ...lines('lamp', 20, { size_fit: 10 }), // 50 % against the deck's 19 / 220
      ...lines('mug', 100, { colour_look: 1, changed_mind: 9 }), // colour 10 %: under the share
    ]);
    expect(problems.map((p) => [p.code, p.cardId, p.field])).toEqual([['returns-size-fit', 'lamp', 'dimensions']]);
    expect(problems[0].ratio).toBe(5.8);
    // A product not on the deck is not judged.
    expect(returnsProblems({ ...deck, cardIds: ['tee'] }, cards, lines('lamp', 20, { size_fit: 10 }))).toEqual([]);
  });
});
