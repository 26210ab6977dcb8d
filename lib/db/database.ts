import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import type { OrderLayout, OrderLine, ReturnLine } from '../returns/types';
import type { DeviceSignature, Stamp } from '../evidence/proofs';
import type { Rehearsal, RehearsalEvent } from '../rehearsal/types';
import { upgradeToV2, type MetaEntry } from './meta';
import { bucketRecords, groupByBucket, type BucketTable } from './order-buckets';

export const DB_NAME = 'upfront';

/** A sealed session's events, EVENTS_PER_PAGE to a record (./event-pages.ts reads and writes them). */
export interface EventPage {
  sessionId: string;
  /** Page k holds seq k·EVENTS_PER_PAGE + 1 … (k + 1)·EVENTS_PER_PAGE, in order. */
  page: number;
  events: DisclosureEvent[];
  /** The products on this page (multi-entry index): the studio's product filter. */
  cardIds: string[];
  /** The events' ids (multi-entry index): an event id is looked up wherever the event is. */
  eventIds: string[];
}

/**
 * The one database. It is opened only in the background service worker (docs/architecture.md: an
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
  /** Ended sessions' events, a page per record (see lib/db/event-pages.ts). */
  eventPages!: Table<EventPage, [string, number]>;
  /** Small facts about this database: its installation id (see lib/db/meta.ts). */
  meta!: EntityTable<MetaEntry, 'key'>;
  /** The returns loop (lib/returns/types.ts): the shop's order lines and returns, no buyer data. */
  /** Lines in buckets of many (./order-buckets.ts): one record per line made 100,000 slow. */
  orderBuckets!: BucketTable<OrderLine>;
  returnBuckets!: BucketTable<ReturnLine>;
  orderLayouts!: EntityTable<OrderLayout, 'signature'>;
  /** Proofs over chain heads (lib/db/proof-store.ts): RFC 3161 time-stamps and device signatures. */
  stamps!: Table<Stamp & { at: number }, [string, number]>;
  signatures!: Table<DeviceSignature, [string, number]>;
  /** Rehearsals and their events (lib/rehearsal/store.ts): never read by anything that reads sessions. */
  rehearsals!: EntityTable<Rehearsal, 'id'>;
  rehearsalEvents!: EntityTable<RehearsalEvent, 'id'>;

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
    // Sessions (issue 5): an installation id, so merged logs can say which machine recorded a
    // session, and an index to find a console's open sessions after a crash. Events are never
    // touched by an upgrade: they are hash-chained. Every upgrade is tested in
    // tests/unit/db-migrations.test.ts from databases written by each old version's own code
    // (tests/fixtures/db/).
    this.version(2)
      .stores({ meta: 'key', sessions: 'id, startedAt, deckId, host, platform, endedAt, consoleOrigin' })
      .upgrade((tx) => upgradeToV2(tx));
    // Studio (issue 4): product images as blobs, a restorable trash, and editor drafts that do
    // not yet pass the card schema. New tables only, so older data needs no upgrade; they are
    // reached through lib/db/library.ts.
    this.version(3).stores({
      images: 'id',
      trash: 'key, kind, deletedAt',
      drafts: 'cardId',
    });
    // Export speed (issue 8): ended sessions' events in pages. A new table only; the events of
    // sessions ended before the upgrade are moved by Repository.sealEnded when the background
    // starts, a session per transaction, unchanged.
    this.version(4).stores({
      eventPages: '[sessionId+page], *cardIds, *eventIds',
    });
    // The returns loop (issue 17): orders and returns from the shop's exports. New tables only.
    this.version(5).stores({
      orderLines: 'key, orderId, sku, orderedAt, source',
      returnLines: 'key, orderId, sku, returnedAt, source',
      orderLayouts: 'signature',
    });
    // Evidence outside the browser (issue 19): time-stamps and device signatures over chain
    // heads, a record per session and head. New tables only.
    this.version(6).stores({
      stamps: '[sessionId+seq], sessionId',
      signatures: '[sessionId+seq], sessionId',
    });
    // Rehearsals (issue 20): practice runs in tables of their own, so no reader of sessions or
    // events can see them. New tables only.
    this.version(7).stores({
      rehearsals: 'id, startedAt, endedAt',
      rehearsalEvents: 'id, &[rehearsalId+seq], rehearsalId',
    });
    // Import speed (issue 17): order and return lines move into buckets of many lines a record
    // (./order-buckets.ts), every line unchanged; the one-record-per-line tables are dropped
    // after the move.
    this.version(8)
      .stores({ orderBuckets: 'bucket', returnBuckets: 'bucket', orderLines: null, returnLines: null })
      .upgrade(async (tx) => {
        for (const [from, to] of [
          ['orderLines', 'orderBuckets'],
          ['returnLines', 'returnBuckets'],
        ]) {
          const lines = (await tx.table(from).toArray()) as { key: string; orderId: string }[];
          if (lines.length > 0) await tx.table(to).bulkAdd(bucketRecords(groupByBucket(lines)));
        }
      });
  }
}
