import type { UpfrontDb } from '../db/database';
import { lineByKey, linesOfOrders } from '../db/order-buckets';
import { OrderStore } from '../db/orders';
import { watchTables } from '../db/watch-tables';
import { Repository } from '../db/repository';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { Snapshot } from '../schema/session';
import { columnsOf } from './columns';
import { KeptValue, LOG_TABLES, LOOP_TABLES, LoopCache } from './loop-cache';
import { LogWrites, onlyLog } from './log-writes';
import { joinLoop, logPartOf, type LogPart, type Loop, type LoopInput } from './loop';
import type { LogInput } from './shows';
import { DEFAULT_GRACE_MS } from './match';
import type { OrderLine } from './types';

/**
 * What the returns loop reads from the background's database: the log (sessions, events in
 * order, snapshots), the decks and cards as they are now, and the imported order and return
 * lines. Read-only: the import side (lib/db/orders.ts) writes the order and return buckets.
 *
 * Two parts are kept: the log part (the shows, lib/returns/loop.ts), until a table of the log or
 * the library changes; and the loop, until that or the lines change. An import therefore joins
 * its lines (from the order store's copy, never read back) to shows already known, and the loop
 * is made again as soon as the last import under way ends, before anyone asks.
 */
export class ReturnsLoopStore {
  private readonly repo: Repository;
  private readonly logPart: KeptValue<LogPart> = new KeptValue(async (stale): Promise<LogPart> => {
    const input = await this.readLog();
    return stale() ? this.logPart.get() : logPartOf(input);
  });
  // Lines read before a write that came in meanwhile are not joined: asked again instead (the
  // second file of an import, committed while the first one's loop was being made).
  private readonly cache = new LoopCache(async (graceMs, stale) => {
    const [part, { orders, returns }] = await Promise.all([this.logPart.get(), this.orders.lines()]);
    if (stale()) return this.loop(graceMs);
    const loop = joinLoop(part, orders, returns, graceMs);
    // The analysis's columns with it: the first analysis after an import is one pass.
    columnsOf(loop);
    return loop;
  });
  // A live show's clicks write the log: checked against the loop when it is next asked for, not dropping it (./log-writes.ts).
  private readonly logWrites = new LogWrites(() => this.db.sessions.toArray(), () => this.cache.invalidate());
  readonly stopWatching: () => void;

  /** `orders`: the store imports go through (its copy of the lines, and when imports end). */
  constructor(
    private readonly db: UpfrontDb,
    private readonly orders: OrderStore = new OrderStore(db),
  ) {
    this.repo = new Repository(db);
    // Any write to what the loop reads drops it, and a write to the log or library drops the
    // shows too; but a live show's writes to the log do not even drop the loop (./log-writes.ts),
    // so recording a disclosure never waits behind a join: only the shows are read again when
    // the loop is next made.
    const stopTables = watchTables(db, LOOP_TABLES, (tables) => {
      if (LOG_TABLES.some((t) => tables.has(t))) this.logPart.invalidate();
      if (onlyLog(tables)) return this.logWrites.written();
      this.cache.invalidate();
    });
    // An analysis is what usually follows an import: the shows are read while it stores (the
    // database reads beside the import's work), and the loop is made as soon as it ends.
    const stopImports = orders.onImports((phase) => {
      const ready = phase === 'started' ? this.logPart.get() : this.loop(this.cache.graceMs);
      ready.catch(() => undefined);
    });
    this.stopWatching = () => {
      stopTables();
      stopImports();
    };
  }

  /** The loop over everything, kept until what it reads changes (./loop-cache.ts). */
  loop(graceMs: number = DEFAULT_GRACE_MS): Promise<Loop> {
    return this.logWrites.settled(() => this.cache.get(graceMs));
  }

  private async readLog(): Promise<LogInput> {
    const [log, decks, cards] = await Promise.all([this.repo.exportLog(), this.db.decks.toArray(), this.db.cards.toArray()]);
    return { ...log, decks, cards };
  }

  /** The loop of only the given orders (an order lookup: only their buckets are read), over the kept shows. */
  async loopOfOrders(orderIds: readonly string[], graceMs: number = DEFAULT_GRACE_MS): Promise<Loop> {
    const { db } = this;
    const [part, orders, returns] = await Promise.all([this.logPart.get(), linesOfOrders(db.orderBuckets, orderIds), linesOfOrders(db.returnBuckets, orderIds)]);
    return joinLoop(part, orders, returns, graceMs);
  }

  /** Everything, or only the given orders' lines and returns (an order lookup: only their buckets are read). */
  async input(orderIds?: readonly string[]): Promise<Omit<LoopInput, 'graceMs'>> {
    const { db } = this;
    const [log, lines] = await Promise.all([
      this.readLog(),
      orderIds
        ? Promise.all([linesOfOrders(db.orderBuckets, orderIds), linesOfOrders(db.returnBuckets, orderIds)]).then(([orders, returns]) => ({ orders, returns }))
        : this.orders.lines(),
    ]);
    return { ...log, ...lines };
  }

  orderLine(key: string): Promise<OrderLine | undefined> {
    return lineByKey(this.db.orderBuckets, key);
  }

  async deckWithCards(deckId: string): Promise<{ deck: Deck; cards: Card[] } | undefined> {
    const deck = await this.db.decks.get(deckId);
    if (!deck) return undefined;
    const cards = (await this.db.cards.bulkGet(deck.cardIds)).filter((c): c is Card => c !== undefined);
    return { deck, cards };
  }

  /** The stored snapshots (card and policy, exactly as hashed). */
  snapshots(hashes: readonly string[]): Promise<Snapshot[]> {
    return this.repo.getSnapshots([...hashes]);
  }
}
