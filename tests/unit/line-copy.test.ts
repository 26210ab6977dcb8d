import { describe, expect, it, vi } from 'vitest';
import { allLines, bucketOf, BUCKETS } from '../../lib/db/order-buckets';
import { OrderStore } from '../../lib/db/orders';
import { freshRepo } from './helpers';
import { MIN, orderLine, returnLine, T0 } from './returns-helpers';
import { orderLinesOf, returnLinesOf } from './stored-lines';

// The order store's copy of the stored lines (lib/db/line-copy.ts): what the returns loop joins
// after an import without reading the lines back.

/** A started background's order store: the database already opened (and upgraded) before it. */
async function started() {
  const { db } = freshRepo();
  await db.open();
  const store = new OrderStore(db);
  return { db, store, reads: { orders: vi.spyOn(db.orderBuckets, 'toArray'), returns: vi.spyOn(db.returnBuckets, 'toArray') } };
}

const line = (orderId: string, minute = 0) => orderLine({ orderId, sku: 'DEMO-SERUM-30', orderedAt: T0 + minute * MIN });

/** One order id in every bucket. */
function everyBucket(prefix: string): string[] {
  const ids = new Map<number, string>();
  for (let i = 0; ids.size < BUCKETS; i++) if (!ids.has(bucketOf(`${prefix}${i}`))) ids.set(bucketOf(`${prefix}${i}`), `${prefix}${i}`);
  return [...ids.values()];
}

describe('the order store’s copy of the lines', () => {
  it('an import that touches every bucket leaves a whole copy: nothing is read back, and it holds what the table holds', async () => {
    const { db, store, reads } = await started();
    await store.importLines({ orders: everyBucket('B').map((id) => line(id)), returns: [] });
    const { orders } = await store.lines();
    expect(reads.orders).not.toHaveBeenCalled();
    expect(orders).toHaveLength(BUCKETS);
    expect(orders).toStrictEqual(await allLines(db.orderBuckets));
  });

  it('made before the database first opens (its upgrade writes these tables), the first import still leaves a whole copy', async () => {
    const { db } = freshRepo();
    const store = new OrderStore(db);
    const reads = vi.spyOn(db.orderBuckets, 'toArray');
    await store.importLines({ orders: everyBucket('B').map((id) => line(id)), returns: [] });
    expect((await store.lines()).orders).toHaveLength(BUCKETS);
    expect(reads).not.toHaveBeenCalled();
  });

  it('a small import leaves part of a copy: the table is read once, then kept in step with later imports', async () => {
    const { db, store, reads } = await started();
    await store.importLines({ orders: [line('ONE')], returns: [] });
    expect((await store.lines()).orders.map((l) => l.orderId)).toEqual(['ONE']);
    expect(reads.orders).toHaveBeenCalledTimes(1);
    await store.importLines({ orders: [line('TWO'), { ...line('ONE'), status: 'Delivered' }], returns: [returnLine({ orderId: 'TWO', sku: 'DEMO-SERUM-30', reason: 'size_fit' })] });
    const after = await store.lines();
    expect(after.orders.map((l) => [l.orderId, l.status])).toEqual([
      ['ONE', 'Delivered'],
      ['TWO', undefined],
    ]);
    expect(after.returns.map((r) => r.orderId)).toEqual(['TWO']);
    expect(reads.orders).toHaveBeenCalledTimes(1);
    expect(after).toStrictEqual({ orders: await allLines(db.orderBuckets), returns: await allLines(db.returnBuckets) });
    // The same file again writes nothing (no commit to hand over): still nothing read back.
    reads.orders.mockClear();
    expect((await store.importLines({ orders: [line('TWO')], returns: [] })).orders).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await store.lines()).toStrictEqual(after);
    expect(reads.orders).not.toHaveBeenCalled();
  });

  it('a line written by anything but the store is never missed: its table is read again', async () => {
    const { db, store, reads } = await started();
    await store.importLines({ orders: everyBucket('B').map((id) => line(id)), returns: [] });
    await store.lines();
    await orderLinesOf(db).put(line('ELSEWHERE'));
    await returnLinesOf(db).put(returnLine({ orderId: 'ELSEWHERE', sku: 'DEMO-SERUM-30', reason: 'other' }));
    const { orders, returns } = await store.lines();
    expect(orders.map((l) => l.orderId)).toContain('ELSEWHERE');
    expect(returns.map((r) => r.orderId)).toEqual(['ELSEWHERE']);
    expect(reads.orders).toHaveBeenCalledTimes(1);
  });

  it('imports, outside writes and reads fired at once end with the copy equal to the table', async () => {
    const { db, store } = await started();
    const a = everyBucket('A').map((id, i) => line(id, i));
    const b = everyBucket('B').map((id, i) => line(id, i));
    const asked = await Promise.all([
      store.importLines({ orders: a, returns: [] }),
      store.lines(),
      orderLinesOf(db).put(line('OUTSIDE')),
      store.importLines({ orders: b.slice(0, 100), returns: [] }),
      store.lines(),
      store.importLines({ orders: [...a.slice(0, 10), ...b], returns: [] }),
    ]);
    expect(asked[5].orders).toEqual({ added: BUCKETS - 100, updated: 0, unchanged: 110 });
    const { orders } = await store.lines();
    expect(orders).toHaveLength(2 * BUCKETS + 1);
    expect(orders).toStrictEqual(await allLines(db.orderBuckets));
  });
});
