import type { UpfrontDb } from '../db/database';
import { Repository } from '../db/repository';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { Snapshot } from '../schema/session';
import type { LoopInput } from './loop';
import type { OrderLine } from './types';

/**
 * What the returns loop reads from the background's database: the log (sessions, events in
 * order, snapshots), the decks and cards as they are now, and the imported order and return
 * lines. Read-only: the import side writes orderLines and returnLines.
 */
export class ReturnsLoopStore {
  private readonly repo: Repository;
  constructor(private readonly db: UpfrontDb) {
    this.repo = new Repository(db);
  }

  /** Everything, or only the given orders' lines and returns (an order lookup). */
  async input(orderIds?: readonly string[]): Promise<Omit<LoopInput, 'graceMs'>> {
    const { db } = this;
    const [log, decks, cards, orders, returns] = await Promise.all([
      this.repo.exportLog(),
      db.decks.toArray(),
      db.cards.toArray(),
      orderIds ? db.orderLines.where('orderId').anyOf([...orderIds]).toArray() : db.orderLines.toArray(),
      orderIds ? db.returnLines.where('orderId').anyOf([...orderIds]).toArray() : db.returnLines.toArray(),
    ]);
    return { ...log, decks, cards, orders, returns };
  }

  orderLine(key: string): Promise<OrderLine | undefined> {
    return this.db.orderLines.get(key);
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
