import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sender, Service } from '../../lib/background/service';
import type { UpfrontDb } from '../../lib/db/database';
import { OrderStore } from '../../lib/db/orders';
import type { Reply } from '../../lib/messaging/types';
import type { ParsedOrders } from '../../lib/returns/import';
import { importPayload } from '../../lib/returns/line-columns';
import type { OrderLayout, OrderLine, ReturnLine } from '../../lib/returns/types';
import { EXAMPLES, parseExample, PERSONAL_VALUES } from './orders-helpers';
import { freshRepo, NOW } from './helpers';
import { orderLinesOf, returnLinesOf } from './stored-lines';
import { EXT, testService } from '../helpers/service';

const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };

let db: UpfrontDb;
let handle: Service;
let notified: number;

beforeEach(() => {
  const fresh = freshRepo();
  db = fresh.db;
  notified = 0;
  handle = testService({ repo: fresh.repo, orders: new OrderStore(db), now: () => NOW, notifyChanged: () => void (notified += 1) });
});

async function ok<T>(reply: Promise<Reply<unknown>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.detail}`);
  return r.data as T;
}

async function example(file: string, over: Parameters<typeof parseExample>[1] = {}): Promise<ParsedOrders> {
  const r = await parseExample(file, over);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

/** The request the studio sends for a parsed file: its lines in columns (and the layout it was read with). */
const importLines = (input: { orders: OrderLine[]; returns: ReturnLine[]; layout?: OrderLayout }) => handle({ type: 'orders.import', payload: importPayload(input) }, studio);
type Counts = { orders: { added: number; updated: number; unchanged: number }; returns: { added: number; updated: number; unchanged: number } };

describe('orders.import', () => {
  it('adds a file once; the same file again adds nothing and changes nothing', async () => {
    const file = await example('tiktok-orders.csv');
    expect(await ok<Counts>(importLines(file))).toEqual({ orders: { added: 9, updated: 0, unchanged: 0 }, returns: { added: 0, updated: 0, unchanged: 0 } });
    expect(notified).toBe(1);
    expect(await ok<Counts>(importLines(file))).toEqual({ orders: { added: 0, updated: 0, unchanged: 9 }, returns: { added: 0, updated: 0, unchanged: 0 } });
    expect(notified).toBe(1);
    expect(await orderLinesOf(db).count()).toBe(9);
  });

  it('an overlapping export adds only its new lines', async () => {
    const file = await example('tiktok-orders.csv');
    await ok(importLines({ orders: file.orders.slice(0, 5), returns: [] }));
    expect(await ok<Counts>(importLines({ orders: file.orders.slice(3), returns: [] }))).toMatchObject({ orders: { added: 4, updated: 0, unchanged: 2 } });
    expect(await orderLinesOf(db).count()).toBe(9);
  });

  it('the same file imported twice at once is stored once, its lines counted as added once in all', async () => {
    const file = await example('douyin-orders.csv');
    const results = await Promise.all([ok<Counts>(importLines(file)), ok<Counts>(importLines(file)), ok<Counts>(importLines(file))]);
    expect(results.reduce((n, r) => n + r.orders.added, 0)).toBe(7);
    expect(results.reduce((n, r) => n + r.returns.added, 0)).toBe(4);
    expect(results.reduce((n, r) => n + r.orders.unchanged, 0)).toBe(14);
    expect(await orderLinesOf(db).count()).toBe(7);
    expect(await returnLinesOf(db).count()).toBe(4);
  });

  it('overlapping files at once: every line stored once', async () => {
    const file = await example('tiktok-orders.csv');
    const results = await Promise.all([
      ok<Counts>(importLines({ orders: file.orders.slice(0, 6), returns: [] })),
      ok<Counts>(importLines({ orders: file.orders.slice(3), returns: [] })),
    ]);
    expect(results[0].orders.added + results[1].orders.added).toBe(9);
    expect(results[0].orders.unchanged + results[1].orders.unchanged).toBe(3);
    expect((await orderLinesOf(db).toArray()).map((o) => o.key).sort()).toEqual(file.orders.map((o) => o.key).sort());
  });

  it('large overlapping exports at once (the range read): every line once, changed ones updated, nothing counted twice', async () => {
    const [template] = (await example('tiktok-orders.csv')).orders;
    const lines = (from: number, to: number, status = 'Completed') =>
      Array.from({ length: to - from }, (_, i) => {
        const orderId = String(700000000000 + from + i);
        return { ...template, orderId, key: `tiktok:${orderId}:${template.lineKey}`, status };
      });
    await ok(importLines({ orders: lines(0, 1500), returns: [] }));
    // Two later exports fired together: both overlap the stored 1,500 and each other; the first
    // says 1,000..1,499 were delivered since.
    const later = [...lines(0, 1000), ...lines(1000, 1500, 'Delivered'), ...lines(1500, 2500)];
    const other = [...lines(1200, 1500, 'Delivered'), ...lines(2000, 3000)];
    const [a, b] = await Promise.all([ok<Counts>(importLines({ orders: later, returns: [] })), ok<Counts>(importLines({ orders: other, returns: [] }))]);
    expect(a.orders.added + b.orders.added).toBe(1500);
    expect(a.orders.updated + b.orders.updated).toBe(500);
    expect(a.orders.unchanged + b.orders.unchanged).toBe(1000 + 300 + 500);
    expect(await orderLinesOf(db).count()).toBe(3000);
    expect((await orderLinesOf(db).get(`tiktok:700000001499:${template.lineKey}`))?.status).toBe('Delivered');
  });

  it('the same export as XLSX after the CSV: nothing added, nothing changed', async () => {
    await ok(importLines(await example('tiktok-orders.csv')));
    expect(await ok<Counts>(importLines(await example('tiktok-orders.xlsx')))).toMatchObject({ orders: { added: 0, updated: 0, unchanged: 9 } });
    expect((await orderLinesOf(db).get('tiktok:577023118420113401:DEMO-HOODIE-01-M'))?.fileName).toBe('tiktok-orders.csv');
  });

  it('the file again with another time zone updates the times (the last import wins)', async () => {
    await ok(importLines(await example('tiktok-orders.csv')));
    const again = await example('tiktok-orders.csv', { timeZone: 'Europe/London' });
    expect(await ok<Counts>(importLines(again))).toMatchObject({ orders: { added: 0, updated: 9, unchanged: 0 } });
    expect((await orderLinesOf(db).get('tiktok:577023118420113401:DEMO-HOODIE-01-M'))?.orderedAt).toBe(Date.parse('2026-11-20T13:05:12Z'));
  });

  it('all or nothing: a write failing part-way leaves nothing of the file', async () => {
    const file = await example('douyin-orders.csv');
    const spy = vi.spyOn(db.returnBuckets, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    const reply = await importLines(file);
    spy.mockRestore();
    // Said as what it is: the disk, not Upfront (lib/safety/storage-errors.ts).
    expect(reply).toMatchObject({ ok: false, code: 'disk-full' });
    expect(await orderLinesOf(db).count()).toBe(0);
    expect(await returnLinesOf(db).count()).toBe(0);
  });

  it('refuses an extra column (a buyer name), a column of another length, a key, or a value its field refuses, writing nothing', async () => {
    const file = await example('tiktok-orders.csv');
    const [batch] = importPayload(file).orders;
    const send = (orders: unknown[]) => handle({ type: 'orders.import', payload: { orders, returns: [] } }, studio);
    expect(await send([{ ...batch, buyerName: batch.orderId.map(() => 'Lucía') }])).toMatchObject({ ok: false, code: 'bad-message' });
    expect(await send([{ ...batch, sku: batch.sku.slice(1) }])).toMatchObject({ ok: false, code: 'bad-message' });
    // The key is made from the line's fields in the background: a key sent along is an extra column.
    expect(await send([{ ...batch, key: batch.orderId.map(() => 'tiktok:1:other') }])).toMatchObject({ ok: false, code: 'bad-message' });
    expect(await send([{ ...batch, quantity: batch.quantity.map((q, i) => (i === 3 ? 0 : q)) }])).toMatchObject({ ok: false, code: 'bad-message', detail: expect.stringContaining('quantity') });
    expect(await send([{ ...batch, orderId: batch.orderId.map((id, i) => (i === 2 ? '' : id)) }])).toMatchObject({ ok: false, code: 'bad-message' });
    expect(await send([{ ...batch, source: 'amazon' }])).toMatchObject({ ok: false, code: 'bad-message' });
    expect(await orderLinesOf(db).count()).toBe(0);
  });

  it('stores each line as the file read it, with the key its fields make', async () => {
    const file = await example('douyin-orders.csv');
    await ok(importLines(file));
    const sorted = <T extends { key: string }>(lines: T[]) => [...lines].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(sorted(await orderLinesOf(db).toArray())).toEqual(sorted(file.orders));
    expect(sorted(await returnLinesOf(db).toArray())).toEqual(sorted(file.returns));
  });

  it('is refused to a content script', async () => {
    const file = await example('upfront-orders.csv');
    const contentScript: Sender = { id: EXT, url: 'https://shop.tiktok.com/streamer/live', tab: { id: 1 }, frameId: 0 };
    expect(await handle({ type: 'orders.import', payload: importPayload(file) }, contentScript)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('no personal data reaches the database from any example file', async () => {
    for (const { file } of EXAMPLES) await ok(importLines(await example(file)));
    const stored = JSON.stringify([await orderLinesOf(db).toArray(), await returnLinesOf(db).toArray(), await db.orderLayouts.toArray()]);
    expect(stored.length).toBeGreaterThan(1000);
    for (const value of PERSONAL_VALUES) expect(stored).not.toContain(value);
    // The XLSX holds the CSV's lines: stored once.
    expect(await ok(handle({ type: 'orders.counts', payload: {} }, studio))).toEqual({ orders: 29, returns: 11 });
  });
});

describe('layouts', () => {
  const layout: OrderLayout = { signature: 'ref|item code|units|placed', source: 'upfront', columns: { orderId: 'Ref', sku: 'Item code', quantity: 'Units', orderedAt: 'Placed' }, dateOrder: 'DMY' };

  it('are remembered and listed; saving again replaces', async () => {
    await ok(handle({ type: 'orders.layout.save', payload: { layout } }, studio));
    await ok(handle({ type: 'orders.layout.save', payload: { layout: { ...layout, dateOrder: 'MDY' } } }, studio));
    expect(await ok(handle({ type: 'orders.layouts', payload: {} }, studio))).toEqual([{ ...layout, dateOrder: 'MDY' }]);
  });

  it('come with an import, in the same transaction', async () => {
    const file = await example('upfront-orders.csv');
    await ok(importLines({ ...file, layout }));
    expect(await db.orderLayouts.get(layout.signature)).toEqual(layout);
  });

  it('a mapping to an unknown field is refused', async () => {
    const bad = { ...layout, columns: { ...layout.columns, buyer: 'Customer' } };
    expect(await handle({ type: 'orders.layout.save', payload: { layout: bad } }, studio)).toMatchObject({ ok: false, code: 'bad-message' });
  });
});
