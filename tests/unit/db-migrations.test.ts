import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UpfrontDb } from '../../lib/db/database';
import { INSTALLATION_KEY, upgradeToV2 } from '../../lib/db/meta';
import { allLines, bucketOf, type LineBucket } from '../../lib/db/order-buckets';
import { OrderStore } from '../../lib/db/orders';
import { ReturnsLoopStore } from '../../lib/returns/store';
import type { OrderLine, ReturnLine } from '../../lib/returns/types';
import type { Repository } from '../../lib/db/repository';
import { verifyChain } from '../../lib/evidence/chain';
import { contentHash } from '../../lib/evidence/hash';
import { verifyLogText } from '../../lib/evidence/verify';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { freshRepo, storedEvents } from './helpers';

// Every old database version, from a fixture its own code wrote (tests/fixtures/db/README.md,
// scripts/make-db-fixtures.mjs), upgraded by today's UpfrontDb: nothing lost, nothing changed,
// every chain still verifying, and the repository able to carry on.

type Row = Record<string, unknown>;
interface DbFixture {
  version: number;
  madeBy: { commit: string; script: string };
  /** The version's stores as its own code declared them (merged over its versions). */
  stores: Record<string, string>;
  tables: Record<string, Row[]>;
}

const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/db');
const FIXTURES: DbFixture[] = readdirSync(FIXTURE_DIR)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as DbFixture)
  .sort((a, b) => a.version - b.version);

/** The newest version today's code declares (Dexie sets verno as versions are declared). */
const LATEST = new UpfrontDb('upfront-version-probe').verno;

/**
 * Each old version's declaration, copied verbatim from lib/db/database.ts at the commit its
 * fixture names (never imported: lib/ moves on, these must not). The upgrade functions are
 * today's, because an upgrade from an older version runs today's.
 */
const OLD_VERSIONS: { version: number; declare: (db: Dexie) => void }[] = [
  {
    version: 1, // 27f8c9f
    declare: (db) =>
      db.version(1).stores({
        cards: 'id, sku, category, demo',
        decks: 'id, name, demo',
        policies: 'id, demo',
        sessions: 'id, startedAt, deckId, host, platform, endedAt',
        events: 'id, &[sessionId+seq], sessionId, at, cardId',
        snapshots: 'hash',
      }),
  },
  {
    version: 2, // 38a3dd1
    declare: (db) =>
      db
        .version(2)
        .stores({ meta: 'key', sessions: 'id, startedAt, deckId, host, platform, endedAt, consoleOrigin' })
        .upgrade((tx) => upgradeToV2(tx)),
  },
  {
    version: 3, // 159aba4
    declare: (db) =>
      db.version(3).stores({
        images: 'id',
        trash: 'key, kind, deletedAt',
        drafts: 'cardId',
      }),
  },
  {
    version: 4, // 23c392d
    declare: (db) =>
      db.version(4).stores({
        eventPages: '[sessionId+page], *cardIds, *eventIds',
      }),
  },
  {
    version: 5, // 58a1ff9
    declare: (db) =>
      db.version(5).stores({
        orderLines: 'key, orderId, sku, orderedAt, source',
        returnLines: 'key, orderId, sku, returnedAt, source',
        orderLayouts: 'signature',
      }),
  },
  {
    version: 6, // ff760d7
    declare: (db) =>
      db.version(6).stores({
        stamps: '[sessionId+seq], sessionId',
        signatures: '[sessionId+seq], sessionId',
      }),
  },
  {
    version: 7, // cab2058
    declare: (db) =>
      db.version(7).stores({
        rehearsals: 'id, startedAt, endedAt',
        rehearsalEvents: 'id, &[rehearsalId+seq], rehearsalId',
      }),
  },
];

/**
 * Fields a migration adds to records that already exist, with the value it must give them:
 * [version that adds it, table, field, value]. None so far: upgrades add tables and indexes,
 * never fields (events cannot take any: they are hash-chained).
 */
const ADDED_FIELDS: [since: number, table: string, field: string, value: unknown][] = [];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Tables a migration adds, and what an upgraded database must hold in each. */
const NEW_TABLES: Record<string, { since: number; expect: (rows: Row[]) => void }> = {
  meta: {
    since: 2,
    expect: (rows) => {
      expect(rows).toHaveLength(1);
      expect(rows[0].key).toBe(INSTALLATION_KEY);
      expect(rows[0].value).toMatch(UUID);
    },
  },
  images: { since: 3, expect: (rows) => expect(rows).toEqual([]) },
  trash: { since: 3, expect: (rows) => expect(rows).toEqual([]) },
  drafts: { since: 3, expect: (rows) => expect(rows).toEqual([]) },
  // Filled after the upgrade, not by it: Repository.sealEnded (tested below).
  eventPages: { since: 4, expect: (rows) => expect(rows).toEqual([]) },
  orderLayouts: { since: 5, expect: (rows) => expect(rows).toEqual([]) },
  stamps: { since: 6, expect: (rows) => expect(rows).toEqual([]) },
  signatures: { since: 6, expect: (rows) => expect(rows).toEqual([]) },
  // Rehearsals (issue 20): their own tables, empty after an upgrade (no session becomes one).
  rehearsals: { since: 7, expect: (rows) => expect(rows).toEqual([]) },
  rehearsalEvents: { since: 7, expect: (rows) => expect(rows).toEqual([]) },
  // Order and return lines in buckets (issue 17): every bucket holds lines, each in its own bucket.
  // What they hold is checked against the dropped tables' rows (MOVED_TABLES).
  orderBuckets: { since: 8, expect: (rows) => expectBuckets(rows) },
  returnBuckets: { since: 8, expect: (rows) => expectBuckets(rows) },
};

function expectBuckets(rows: Row[]): void {
  for (const row of rows as unknown as LineBucket<{ key: string; orderId: string }>[]) {
    expect(row.lines.length, `bucket ${row.bucket}`).toBeGreaterThan(0);
    for (const line of row.lines) expect(bucketOf(line.orderId), line.key).toBe(row.bucket);
    expect(row.lines.map((l) => l.key)).toEqual(row.lines.map((l) => l.key).sort());
  }
}

/**
 * Tables a migration drops after moving their records elsewhere: [version that drops it, every
 * record read back from where it went, in the old table's primary-key order].
 */
const MOVED_TABLES: Record<string, { since: number; read: (db: UpfrontDb) => Promise<unknown[]> }> = {
  orderLines: { since: 8, read: (db) => allLines(db.orderBuckets) },
  returnLines: { since: 8, read: (db) => allLines(db.returnBuckets) },
};

/** A Dexie database declaring the old versions up to `version`, as that version's code did. */
function oldDb(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const v of OLD_VERSIONS) if (v.version <= version) v.declare(db);
  return db;
}

/**
 * Writes the fixture into a fresh database of its own version (a name no other test uses), closed,
 * and gives today's UpfrontDb and repository on it, not yet opened: opening runs the upgrade.
 */
async function loadFixture(fixture: DbFixture): Promise<{ name: string; db: UpfrontDb; repo: Repository }> {
  const { db, repo } = freshRepo();
  const old = oldDb(db.name, fixture.version);
  await old.open();
  expect(old.verno).toBe(fixture.version);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return { name: db.name, db, repo };
}

async function dump(db: Dexie): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** Whether IndexedDB indexes a value (booleans, like the `demo` flags, it does not). */
const isKey = (v: unknown): boolean =>
  typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v)) || v instanceof Date || (Array.isArray(v) && v.every(isKey));
const schemaSource = (t: Table) => [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ');
const isOpen = (s: Session) => s.endedAt === undefined && s.origin?.importedFrom === undefined;
const fixtureSessions = (f: DbFixture) => f.tables.sessions as unknown as Session[];
const fixtureEvents = (f: DbFixture, sessionId: string) =>
  (f.tables.events as unknown as DisclosureEvent[]).filter((e) => e.sessionId === sessionId).sort((a, b) => a.seq - b.seq);

describe('database fixtures', () => {
  it('has a fixture made by its own code for every version before the newest', () => {
    const have = new Set(FIXTURES.map((f) => f.version));
    const missing: string[] = [];
    for (let n = 1; n < LATEST; n++) if (!have.has(n)) missing.push(`add a fixture for version ${n} made by version ${n} code (tests/fixtures/db/README.md)`);
    expect(missing).toEqual([]);
    for (const f of FIXTURES) expect(f.version, `v${f.version}.json is not older than the newest version`).toBeLessThan(LATEST);
  });

  it.each(FIXTURES)('the version $version fixture: its stores are the ones copied into this test, and its chains verify as written', async (fixture) => {
    expect(OLD_VERSIONS.map((v) => v.version), `copy version ${fixture.version}'s declaration into OLD_VERSIONS`).toContain(fixture.version);
    const old = oldDb(`upfront-fixture-schema-${fixture.version}-${Math.random().toString(36).slice(2)}`, fixture.version);
    await old.open();
    expect(Object.fromEntries(old.tables.map((t) => [t.name, schemaSource(t)]))).toEqual(fixture.stores);
    old.close();
    expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(fixture.stores).sort());
    expect(fixture.madeBy.commit).toMatch(/^[0-9a-f]{40}$/);
    // Realistic: sessions of every kind, a correction among the events, snapshots for them.
    const sessions = fixtureSessions(fixture);
    expect(sessions.filter(isOpen).length).toBeGreaterThan(0);
    expect(sessions.filter((s) => s.endedAt !== undefined).length).toBeGreaterThan(0);
    expect((fixture.tables.events as unknown as DisclosureEvent[]).some((e) => e.action === 'correction' && e.corrects)).toBe(true);
    for (const s of sessions) expect(verifyChain(s, fixtureEvents(fixture, s.id), s.head)).toBeNull();
  });
});

describe.each(FIXTURES)('upgrade from version $version', (fixture) => {
  it('reaches the newest version with every record of every table unchanged', async () => {
    const { db } = await loadFixture(fixture);
    await db.open();
    expect(db.verno).toBe(LATEST);
    const after = await dump(db);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const moved = MOVED_TABLES[table];
      if (moved && moved.since > fixture.version) {
        expect(after[table], `table ${table} is dropped`).toBeUndefined();
        expect(await moved.read(db), `table ${table}, moved`).toStrictEqual(rows);
        continue;
      }
      const added = ADDED_FIELDS.filter(([since, t]) => t === table && since > fixture.version);
      for (const [, , field, value] of added) for (const r of after[table]) expect(r[field], `${table}.${field}`).toEqual(value);
      const original = after[table].map((r) => {
        const copy = { ...r };
        for (const [, , field] of added) delete copy[field];
        return copy;
      });
      expect(original, `table ${table}`).toStrictEqual(rows);
    }
    for (const table of Object.keys(after).filter((t) => !(t in fixture.tables))) {
      const made = NEW_TABLES[table];
      expect(made, `table ${table} is new since version ${fixture.version}: list it in NEW_TABLES`).toBeDefined();
      expect(made.since).toBeGreaterThan(fixture.version);
      made.expect(after[table]);
    }
    db.close();
  });

  it('builds every index of the newest schema over the old records', async () => {
    const { db } = await loadFixture(fixture);
    await db.open();
    for (const t of db.tables) {
      const rows = await t.toArray();
      for (const idx of t.schema.indexes) {
        const parts = Array.isArray(idx.keyPath) ? idx.keyPath : [idx.keyPath ?? ''];
        const indexed = rows.filter((r) => parts.every((p) => isKey(r[p]))).length;
        expect(await t.orderBy(idx.name).count(), `${t.name}.${idx.name}`).toBe(indexed);
      }
    }
    // The version 2 index on old sessions: a console's open sessions are found after a crash.
    for (const s of fixtureSessions(fixture)) {
      expect(await db.sessions.where('consoleOrigin').equals(s.consoleOrigin).primaryKeys()).toContain(s.id);
    }
    db.close();
  });

  it('keeps every chain and snapshot verifying, in the database and in an export', async () => {
    const { repo } = await loadFixture(fixture);
    const sessions = await repo.listSessions();
    expect(sessions).toHaveLength(fixtureSessions(fixture).length);
    let events = 0;
    for (const s of sessions) {
      const list = await repo.listEvents(s.id);
      expect(list).toHaveLength(s.lastSeq);
      expect(verifyChain(s, list, s.head)).toBeNull();
      events += list.length;
      const snapshots = await repo.getSnapshots([...new Set(list.map((e) => e.cardHash))]);
      expect(snapshots).toHaveLength(new Set(list.map((e) => e.cardHash)).size);
      for (const snap of snapshots) expect(contentHash(snap.content)).toBe(snap.hash);
    }
    expect(events).toBe(fixture.tables.events.length);
    const installation = await repo.installationId();
    const file = await collect(
      logChunks(repositorySource(repo), { format: 'json', sessions: [...sessions].reverse(), exportedAt: Date.UTC(2026, 11, 1), installation }),
    );
    const report = await verifyLogText(file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.sessions.map((s) => s.events).reduce((a, b) => a + b, 0)).toBe(events);
  });

  it('records onto a session left open before the upgrade, and its chain carries on', async () => {
    const { db, repo } = await loadFixture(fixture);
    const open = fixtureSessions(fixture).filter(isOpen);
    expect((await repo.openSessions()).map((s) => s.id).sort()).toEqual(open.map((s) => s.id).sort());
    const session = open[0];
    const before = fixtureEvents(fixture, session.id);
    const last = before.filter((e) => e.action === 'said').at(-1)!;
    const lastAt = before[before.length - 1].at;
    const snapshotsBefore = await db.snapshots.count();

    // A correction of the last item said before the upgrade, then a new item said.
    const fix = await repo.recordEvent({
      id: 'after-upgrade-1',
      sessionId: session.id,
      cardId: last.cardId,
      item: last.item,
      language: session.language,
      action: 'correction',
      corrects: last.id,
      now: lastAt + 60_000,
    });
    expect(fix.seq).toBe(session.lastSeq + 1);
    expect(fix.prev).toBe(session.head);
    // The card was not changed by the upgrade: the event cites the snapshot it cited before.
    expect(fix.cardHash).toBe(last.cardHash);
    expect(await db.snapshots.count()).toBe(snapshotsBefore);
    const said = await repo.recordEvent({
      id: 'after-upgrade-2',
      sessionId: session.id,
      cardId: 'demo-card-serum',
      item: { kind: 'caveat', id: 'demo-caveat-skin' },
      language: session.language,
      action: 'said',
      now: lastAt + 120_000,
    });
    const after = (await repo.getSession(session.id))!;
    expect(after).toStrictEqual({ ...session, lastSeq: session.lastSeq + 2, head: said.hash });
    const events = await repo.listEvents(session.id);
    expect(events.slice(0, before.length)).toStrictEqual(before);
    expect(verifyChain(after, events, after.head)).toBeNull();

    const ended = await repo.endSession(session.id, lastAt + 180_000, 'host');
    expect(ended).toStrictEqual({ ...after, endedAt: lastAt + 180_000, endReason: 'host' });
    expect(await repo.openSessions()).toEqual([]);
  });

  it('moves the events of sessions ended before the upgrade into pages once no show is live, each event unchanged', async () => {
    const { db, repo } = await loadFixture(fixture);
    const sessions = fixtureSessions(fixture);
    const open = sessions.filter(isOpen);
    // A show left live across the update: nothing moves while it is (its clicks must not wait).
    expect(await repo.sealEnded()).toBe(0);
    expect(await db.eventPages.count()).toBe(0);
    for (const s of open) await repo.endSession(s.id, Date.UTC(2026, 11, 1), 'host');
    const moved = await repo.sealEnded();
    expect(moved).toBe(fixture.tables.events.length);
    expect(await db.events.count()).toBe(0);
    // Every event stored once, byte for byte, and each session reads as it did.
    const byId = (a: DisclosureEvent, b: DisclosureEvent) => a.id.localeCompare(b.id);
    expect((await storedEvents(db)).sort(byId)).toStrictEqual([...(fixture.tables.events as unknown as DisclosureEvent[])].sort(byId));
    for (const s of sessions) expect(await repo.listEvents(s.id)).toStrictEqual(fixtureEvents(fixture, s.id));
    // Nothing left to do the next time the background starts.
    expect(await repo.sealEnded()).toBe(0);
    db.close();
  });

  it('has an installation id after the upgrade (the one it had, if any) and keeps it', async () => {
    const { name, db, repo } = await loadFixture(fixture);
    await db.open();
    const installation = (await db.meta.get(INSTALLATION_KEY))?.value;
    expect(installation).toMatch(UUID);
    const kept = fixture.tables.meta?.find((r) => r.key === INSTALLATION_KEY)?.value;
    if (kept !== undefined) expect(installation).toBe(kept);
    expect(await repo.installationId()).toBe(installation);
    db.close();
    const again = new UpfrontDb(name);
    expect((await again.meta.get(INSTALLATION_KEY))?.value).toBe(installation);
    expect(await again.meta.count()).toBe(1);
    again.close();
  });
});

describe('order lines from before the buckets (version 8)', () => {
  const withLines = FIXTURES.filter((f) => f.version < 8 && (f.tables.orderLines?.length ?? 0) > 0);
  it('has a fixture with order lines and returns to move', () => {
    expect(withLines.map((f) => f.version)).toContain(7);
    expect(withLines.every((f) => f.tables.returnLines.length > 0)).toBe(true);
  });

  it.each(withLines)('version $version: every line and return is still there, found by order, and importing them again adds nothing', async (fixture) => {
    const { db } = await loadFixture(fixture);
    const orders = fixture.tables.orderLines as unknown as OrderLine[];
    const returns = fixture.tables.returnLines as unknown as ReturnLine[];
    const store = new OrderStore(db);
    expect(await store.counts()).toEqual({ orders: orders.length, returns: returns.length });
    expect(await store.lines()).toStrictEqual({ orders, returns });
    const loop = new ReturnsLoopStore(db);
    const ret = returns[0];
    const input = await loop.input([ret.orderId]);
    expect(input.orders).toStrictEqual(orders.filter((o) => o.orderId === ret.orderId));
    expect(input.returns).toStrictEqual(returns.filter((r) => r.orderId === ret.orderId));
    expect(await loop.orderLine(orders[0].key)).toStrictEqual(orders[0]);
    loop.stopWatching();
    const again = await store.importLines({ orders, returns });
    expect(again).toEqual({
      orders: { added: 0, updated: 0, unchanged: orders.length },
      returns: { added: 0, updated: 0, unchanged: returns.length },
    });
    db.close();
  });
});

describe('upgrades step by step', () => {
  const stepwise = FIXTURES.filter((f) => OLD_VERSIONS.some((v) => v.version > f.version));
  it.each(stepwise)('from version $version, one version at a time, ends where the direct upgrade does', async (fixture) => {
    const direct = await loadFixture(fixture);
    const stepped = await loadFixture(fixture);
    for (const v of OLD_VERSIONS.filter((o) => o.version > fixture.version)) {
      const db = oldDb(stepped.name, v.version);
      await db.open();
      expect(db.verno).toBe(v.version);
      db.close();
    }
    await direct.db.open();
    await stepped.db.open();
    const [a, b] = [await dump(direct.db), await dump(stepped.db)];
    // Each path drew its own random installation id; everything else is the same.
    const installation = (d: Record<string, Row[]>) => d.meta.find((r) => r.key === INSTALLATION_KEY)?.value;
    expect(installation(a)).toMatch(UUID);
    expect(installation(b)).toMatch(UUID);
    const same = (d: Record<string, Row[]>) => ({ ...d, meta: d.meta.map((r) => (r.key === INSTALLATION_KEY ? { ...r, value: 'random' } : r)) });
    expect(same(b)).toStrictEqual(same(a));
  });
});

describe('installation id', () => {
  it('is made once on a fresh database and kept', async () => {
    const { repo } = freshRepo();
    const a = await repo.installationId();
    expect(a).toMatch(UUID);
    expect(await repo.installationId()).toBe(a);
  });
});
