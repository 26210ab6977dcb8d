import { describe, expect, it, vi } from 'vitest';
import { bucketOf, BUCKETS, lineByKey } from '../../lib/db/order-buckets';
import { OrderStore } from '../../lib/db/orders';
import { ReturnsLoopStore } from '../../lib/returns/store';
import { freshRepo } from './helpers';
import { MIN, orderLine, returnLine, T0 } from './returns-helpers';
import { orderLinesOf } from './stored-lines';

// Order and return lines are stored many to a record (lib/db/order-buckets.ts): what an import,
// an order lookup and a key lookup read and write.

const lines = (n: number, status = 'Completed') =>
  Array.from({ length: n }, (_, i) => orderLine({ orderId: `7000${i}`, sku: 'DEMO-SERUM-30', orderedAt: T0 + i * MIN, status }));

describe('order buckets', () => {
  it('puts an order in the bucket FNV-1a of its order id gives (the published test vectors), always the same', () => {
    // FNV-1a 32-bit: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968.
    expect(bucketOf('')).toBe(0x811c9dc5 % BUCKETS);
    expect(bucketOf('a')).toBe(0xe40c292c % BUCKETS);
    expect(bucketOf('foobar')).toBe(0xbf9cf968 % BUCKETS);
    const spread = new Set(lines(2000).map((l) => bucketOf(l.orderId)));
    expect(spread.size).toBe(BUCKETS);
  });

  it('an overlapping export reads only its buckets and writes back only the ones that changed', async () => {
    const { db } = freshRepo();
    const store = new OrderStore(db);
    const first = lines(3000);
    expect((await store.importLines({ orders: first, returns: [] })).orders).toEqual({ added: 3000, updated: 0, unchanged: 0 });
    const again = [...first.slice(0, 50)];
    again[7] = { ...again[7], status: 'Delivered', fileName: 'later.csv' };
    const gets = vi.spyOn(db.orderBuckets, 'bulkGet');
    const puts = vi.spyOn(db.orderBuckets, 'bulkPut');
    const reads = vi.spyOn(db.orderBuckets, 'toArray');
    expect((await store.importLines({ orders: again, returns: [] })).orders).toEqual({ added: 0, updated: 1, unchanged: 49 });
    expect(gets).toHaveBeenCalledTimes(1);
    expect(new Set(gets.mock.calls[0][0])).toEqual(new Set(again.map((l) => bucketOf(l.orderId))));
    expect(reads).not.toHaveBeenCalled();
    expect(puts).toHaveBeenCalledTimes(1);
    const written = puts.mock.calls[0][0];
    expect(written.map((b) => b.bucket)).toEqual([bucketOf(again[7].orderId)]);
    // The bucket written holds every line it held, the changed one with the later file's values.
    const stored = await orderLinesOf(db).toArray();
    expect(stored).toHaveLength(3000);
    expect(stored.find((l) => l.key === again[7].key)).toStrictEqual(again[7]);
    expect(written[0].lines).toStrictEqual(stored.filter((l) => bucketOf(l.orderId) === written[0].bucket));
  });

  it('an order lookup reads only the buckets of the orders asked for', async () => {
    const { db } = freshRepo();
    await new OrderStore(db).importLines({
      orders: lines(1000),
      returns: [returnLine({ orderId: '70005', sku: 'DEMO-SERUM-30', reason: 'size_fit' })],
    });
    const loop = new ReturnsLoopStore(db);
    const reads = vi.spyOn(db.orderBuckets, 'toArray');
    const gets = vi.spyOn(db.orderBuckets, 'bulkGet');
    const input = await loop.input(['70005', '7000999', 'NOT-THERE']);
    expect(input.orders.map((o) => o.orderId).sort()).toEqual(['70005', '7000999']);
    expect(input.returns.map((r) => r.orderId)).toEqual(['70005']);
    expect(reads).not.toHaveBeenCalled();
    expect(new Set(gets.mock.calls[0][0])).toEqual(new Set(['70005', '7000999', 'NOT-THERE'].map(bucketOf)));
    loop.stopWatching();
  });

  it('finds a line by its key when the order id or line key holds a colon', async () => {
    const { db } = freshRepo();
    const odd = [
      orderLine({ orderId: 'A:1', sku: 'S', orderedAt: T0 }),
      orderLine({ orderId: 'A', sku: '2:S', orderedAt: T0 }),
      orderLine({ orderId: 'B', sku: 'X:Y:Z', orderedAt: T0 }),
    ];
    await new OrderStore(db).importLines({ orders: odd, returns: [] });
    for (const line of odd) expect(await lineByKey(db.orderBuckets, line.key)).toStrictEqual(line);
    expect(await lineByKey(db.orderBuckets, 'tiktok:B:nothing')).toBeUndefined();
    expect(await lineByKey(db.orderBuckets, 'no-colon')).toBeUndefined();
  });
});
