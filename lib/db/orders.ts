import type { OrderLayout, OrderLine, OrdersImportResult, ReturnLine } from '../returns/types';
import type { UpfrontDb } from './database';
import { allLines, countLines, upsertBuckets } from './order-buckets';

/**
 * The returns loop's stored data (issue 17): order lines, returns and remembered column
 * layouts. Like Repository and Library, only the background calls it.
 */
export class OrderStore {
  /** Imports begun and not yet committed or failed. */
  importing = 0;

  constructor(private readonly db: UpfrontDb) {}

  /**
   * One import, all or nothing: orders, returns and the layout the file was read with, in one
   * transaction. Two imports at once queue on the tables, so an overlapping file counts the
   * other's lines as already there, never twice. Only the buckets the file's orders fall in are
   * read and written (./order-buckets.ts).
   */
  importLines(input: { orders: readonly OrderLine[]; returns: readonly ReturnLine[]; layout?: OrderLayout }): Promise<OrdersImportResult> {
    const { orderBuckets, returnBuckets, orderLayouts } = this.db;
    this.importing += 1;
    return this.db
      .transaction('rw', [orderBuckets, returnBuckets, orderLayouts], async () => {
        const orders = await upsertBuckets(orderBuckets, input.orders);
        const returns = await upsertBuckets(returnBuckets, input.returns);
        if (input.layout) await orderLayouts.put(input.layout);
        return { orders, returns };
      })
      .finally(() => (this.importing -= 1));
  }

  listLayouts(): Promise<OrderLayout[]> {
    return this.db.orderLayouts.toArray();
  }

  async saveLayout(layout: OrderLayout): Promise<OrderLayout> {
    await this.db.orderLayouts.put(layout);
    return layout;
  }

  /** How many lines are stored, for the studio's import page. */
  async counts(): Promise<{ orders: number; returns: number }> {
    const [orders, returns] = await Promise.all([countLines(this.db.orderBuckets), countLines(this.db.returnBuckets)]);
    return { orders, returns };
  }

  /** Every stored order line, in key order. */
  orders(): Promise<OrderLine[]> {
    return allLines(this.db.orderBuckets);
  }

  /** Every stored return, in key order. */
  returns(): Promise<ReturnLine[]> {
    return allLines(this.db.returnBuckets);
  }
}
