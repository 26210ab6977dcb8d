import Dexie, { type EntityTable } from 'dexie';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';

export const DB_NAME = 'upfront';

/**
 * The one database. It is opened only in the background service worker (see DESIGN.md: an
 * extension frame inside a console page is a third-party context whose IndexedDB is denied,
 * and a content script's IndexedDB would belong to the console site).
 */
export class UpfrontDb extends Dexie {
  cards!: EntityTable<Card, 'id'>;
  decks!: EntityTable<Deck, 'id'>;
  policies!: EntityTable<ReturnPolicy, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  events!: EntityTable<DisclosureEvent, 'id'>;
  snapshots!: EntityTable<Snapshot, 'hash'>;

  constructor(name = DB_NAME) {
    // Strict durability: a disclosure is acknowledged only once it is on disk, so a crash right
    // after the host saw "recorded" cannot lose it.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      cards: 'id, sku, category, demo',
      decks: 'id, name, demo',
      policies: 'id, demo',
      sessions: 'id, startedAt, deckId, host, platform, endedAt',
      events: 'id, &[sessionId+seq], sessionId, at, cardId',
      snapshots: 'hash',
    });
  }
}
