import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UpfrontDb } from '../../lib/db/database';
import { INSTALLATION_KEY } from '../../lib/db/meta';
import { Repository } from '../../lib/db/repository';
import { verifyChain } from '../../lib/evidence/chain';
import { recordSampleShow } from '../../lib/sessions/sample';

/** The version 1 schema exactly as the walking skeleton shipped it. */
const V1 = {
  cards: 'id, sku, category, demo',
  decks: 'id, name, demo',
  policies: 'id, demo',
  sessions: 'id, startedAt, deckId, host, platform, endedAt',
  events: 'id, &[sessionId+seq], sessionId, at, cardId',
  snapshots: 'hash',
};

describe('database upgrade from version 1', () => {
  it('keeps every version 1 record exactly, adds an installation id, and the chains still verify', async () => {
    const name = `upfront-migration-${Math.random().toString(36).slice(2)}`;
    // Record a show with the current code, then copy its data into a database made by the
    // version 1 schema, as a browser that ran the skeleton would hold it.
    const source = new Repository(new UpfrontDb(`${name}-source`));
    await recordSampleShow(source);
    const sdb = source['db'] as UpfrontDb;
    const data = {
      cards: await sdb.cards.toArray(),
      decks: await sdb.decks.toArray(),
      policies: await sdb.policies.toArray(),
      sessions: (await sdb.sessions.toArray()).map(({ endReason: _r, endNote: _n, ...v1 }) => v1),
      events: await sdb.events.toArray(),
      snapshots: await sdb.snapshots.toArray(),
    };
    const old = new Dexie(name);
    old.version(1).stores(V1);
    await old.open();
    for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
    expect(old.verno).toBe(1);
    old.close();

    const db = new UpfrontDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    for (const [table, rows] of Object.entries(data)) {
      const key = table === 'snapshots' ? 'hash' : 'id';
      const sort = (xs: Record<string, unknown>[]) => [...xs].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
      expect(sort(await db.table(table).toArray())).toEqual(sort(rows as Record<string, unknown>[]));
    }
    const installation = (await db.meta.get(INSTALLATION_KEY))?.value;
    expect(installation).toMatch(/^[0-9a-f-]{36}$/);
    const repo = new Repository(db);
    expect(await repo.installationId()).toBe(installation);
    for (const s of await repo.listSessions()) expect(verifyChain(s.id, await repo.listEvents(s.id), s.head)).toBeNull();
    // New indexes work on old data.
    expect(await db.sessions.where('consoleOrigin').equals('https://shop.tiktok.com').count()).toBe(1);
  });

  it('makes the installation id once on a fresh database and keeps it', async () => {
    const repo = new Repository(new UpfrontDb(`upfront-fresh-${Math.random().toString(36).slice(2)}`));
    const a = await repo.installationId();
    expect(await repo.installationId()).toBe(a);
  });
});
