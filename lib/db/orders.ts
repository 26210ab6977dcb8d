import type { OrderLayout, OrderLine, OrdersImportResult, ReturnLine } from '../returns/types';
import type { UpfrontDb } from './database';
import { LineCopy } from './line-copy';
import { countLines, upsertBuckets, type LineBucket } from './order-buckets';
import { watchTables } from './watch-tables';

export type ImportPhase = 'started' | 'settled';

/**
 * The returns loop's stored data (issue 17): order lines, returns and remembered column
 * layouts. Like Repository and Library, only the background calls it.
 */
export class OrderStore {
  /** Imports begun and not yet committed or failed. */
  importing = 0;
  /** What is stored, kept in step with every import (./line-copy.ts). */
  private readonly copies: { orderBuckets: LineCopy<OrderLine>; returnBuckets: LineCopy<ReturnLine> };
  private readonly listeners = new Set<(phase: ImportPhase) => void>();
  readonly stopWatching: () => void;

  constructor(private readonly db: UpfrontDb) {
    this.copies = { orderBuckets: new LineCopy(db.orderBuckets), returnBuckets: new LineCopy(db.returnBuckets) };
    this.stopWatching = watchTables(db, ['orderBuckets', 'returnBuckets'] as const, (tables) => tables.forEach((t) => this.copies[t].committed()));
  }

  /**
   * Calls `listener` with `started` when an import begins with none under way, and `settled`
   * when the last of those under way has ended (committed or failed). Returns the unsubscribe function.
   */
  onImports(listener: (phase: ImportPhase) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(phase: ImportPhase): void {
    for (const listener of this.listeners) listener(phase);
  }

  /**
   * One import, all or nothing: orders, returns and the layout the file was read with, in one
   * transaction. Two imports at once queue on the tables, so an overlapping file counts the
   * other's lines as already there, never twice. Only the buckets the file's orders fall in are
   * read and written (./order-buckets.ts).
   */
  importLines(input: { orders: readonly OrderLine[]; returns: readonly ReturnLine[]; layout?: OrderLayout }): Promise<OrdersImportResult> {
    const { orderBuckets, returnBuckets, orderLayouts } = this.db;
    this.importing += 1;
    if (this.importing === 1) this.tell('started');
    const seen = { orders: [] as LineBucket<OrderLine>[], returns: [] as LineBucket<ReturnLine>[] };
    return this.db
      .transaction('rw', [orderBuckets, returnBuckets, orderLayouts], async () => {
        const orders = await upsertBuckets(orderBuckets, input.orders, seen.orders);
        const returns = await upsertBuckets(returnBuckets, input.returns, seen.returns);
        if (input.layout) await orderLayouts.put(input.layout);
        return { orders, returns };
      })
      .then((result) => {
        // Runs before any other task: no other commit can come between this one and its hand-over.
        this.copies.orderBuckets.handOver(seen.orders, result.orders.added + result.orders.updated > 0);
        this.copies.returnBuckets.handOver(seen.returns, result.returns.added + result.returns.updated > 0);
        return result;
      })
      .finally(() => {
        this.importing -= 1;
        if (this.importing === 0) this.tell('settled');
      });
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

  /** Every stored order line and return, each in key order, from the copy kept in step with the imports. Do not change the arrays. */
  async lines(): Promise<{ orders: readonly OrderLine[]; returns: readonly ReturnLine[] }> {
    const [orders, returns] = await Promise.all([this.copies.orderBuckets.lines(), this.copies.returnBuckets.lines()]);
    return { orders, returns };
  }
}
