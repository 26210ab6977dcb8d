import type { UpfrontDb } from '../db/database';
import { allLines, lineByKey, linesOfOrders } from '../db/order-buckets';
import { Repository } from '../db/repository';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { Snapshot } from '../schema/session';
import { LoopCache, watchTables } from './loop-cache';
import { LogWrites, onlyLog } from './log-writes';
import { buildLoop, type Loop, type LoopInput } from './loop';
import { DEFAULT_GRACE_MS } from './match';
import type { OrderLine } from './types';

/** After an import, the loop is made again this long after the last write, before anyone asks. */
const WARM_AFTER_IMPORT_MS = 500;

/**
 * What the returns loop reads from the background's database: the log (sessions, events in
 * order, snapshots), the decks and cards as they are now, and the imported order and return
 * lines. Read-only: the import side (lib/db/orders.ts) writes the order and return buckets.
 */
export class ReturnsLoopStore {
  private readonly repo: Repository;
  // Lines read before a write that came in meanwhile are not joined: asked again instead (the
  // second file of an import, committed while the first one's loop was being read).
  private readonly cache = new LoopCache(async (graceMs, stale) => {
    const input = await this.input();
    return stale() ? this.loop(graceMs) : buildLoop({ ...input, graceMs });
  });
  // A live show's clicks write the log: checked against the loop when it is next asked for, not dropping it (./log-writes.ts).
  private readonly logWrites = new LogWrites(() => this.db.sessions.toArray(), () => this.cache.invalidate());
  private warmTimer?: ReturnType<typeof setTimeout>;
  readonly stopWatching: () => void;

  /** `importing`: imports under way (OrderStore.importing); the loop is not made again while one is. */
  constructor(
    private readonly db: UpfrontDb,
    private readonly importing: () => number = () => 0,
  ) {
    this.repo = new Repository(db);
    // Any write to what the loop reads drops it. After an import (an analysis is what usually
    // follows) it is made again at once; a live show's writes to the log do not even drop it
    // (./log-writes.ts), so recording a disclosure never waits behind a join.
    this.stopWatching = watchTables(db, (tables) => {
      if (onlyLog(tables)) return this.logWrites.written();
      this.cache.invalidate();
      if (!tables.has('orderBuckets') && !tables.has('returnBuckets')) return;
      this.warmLater();
    });
  }

  /** Makes the loop again once no import is under way (several files confirmed at once commit one by one). */
  private warmLater(): void {
    clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      if (this.importing() > 0) return this.warmLater();
      void this.loop(this.cache.graceMs).catch(() => undefined);
    }, WARM_AFTER_IMPORT_MS);
  }

  /** The loop over everything, kept until what it reads changes (./loop-cache.ts). */
  loop(graceMs: number = DEFAULT_GRACE_MS): Promise<Loop> {
    return this.logWrites.settled(() => this.cache.get(graceMs));
  }

  /** Everything, or only the given orders' lines and returns (an order lookup: only their buckets are read). */
  async input(orderIds?: readonly string[]): Promise<Omit<LoopInput, 'graceMs'>> {
    const { db } = this;
    const [log, decks, cards, orders, returns] = await Promise.all([
      this.repo.exportLog(),
      db.decks.toArray(),
      db.cards.toArray(),
      orderIds ? linesOfOrders(db.orderBuckets, orderIds) : allLines(db.orderBuckets),
      orderIds ? linesOfOrders(db.returnBuckets, orderIds) : allLines(db.returnBuckets),
    ]);
    return { ...log, decks, cards, orders, returns };
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
