import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { UpfrontDb } from '../../lib/db/database';
import { allLines } from '../../lib/db/order-buckets';
import { Repository } from '../../lib/db/repository';
import type { Reply } from '../../lib/messaging/types';
import type { SafetyDeps } from '../../lib/contracts/safety';
import { keptAlive } from '../../lib/safety/keep-alive';
import { storageFault } from '../../lib/safety/storage-errors';
import { testService } from '../helpers/service';
import { overlay } from './sessions-helpers';

// Version 8's upgrade (order and return lines into buckets) failing part-way, as a full disk or
// a worker stopped mid-upgrade leaves it: IndexedDB runs an upgrade in one versionchange
// transaction, so the database stays at version 7 with every line, and the next opening
// upgrades it. Meanwhile a request says what is wrong, and works again once it can open.

/** When set, each upgrade's second bucket write (the returns, after the order lines moved) throws this. */
const fault = vi.hoisted(() => ({ error: undefined as Error | undefined, calls: 0 }));
vi.mock('../../lib/db/order-buckets', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/db/order-buckets')>();
  return {
    ...real,
    bucketRecords: (...args: Parameters<typeof real.bucketRecords>) => {
      fault.calls += 1;
      if (fault.error && fault.calls % 2 === 0) throw fault.error;
      return real.bucketRecords(...args);
    },
  };
});

interface Fixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}
const V7 = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/db/v7.json'), 'utf8')) as Fixture;

/** The version 7 fixture in a database of its own, at version 7 with version 7's stores. */
async function version7Database(): Promise<string> {
  const name = `upgrade-failure-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  old.version(7).stores(V7.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(V7.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return name;
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => {
  fault.error = undefined;
  fault.calls = 0;
});

describe('version 8 upgrade failing part-way', () => {
  it('leaves version 7 as it was, every line and return, and upgrades fully at the next opening', async () => {
    const name = await version7Database();
    fault.error = quota();
    const db = new UpfrontDb(name);
    const err = await db.open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    expect(storageFault(err)).toBe('disk-full');
    expect(fault.calls).toBe(2);

    // Opened as it is on disk: still version 7, the per-line tables whole, no bucket table.
    const after = new Dexie(name);
    await after.open();
    expect(after.verno).toBe(7);
    expect(after.tables.map((t) => t.name).sort()).toEqual(Object.keys(V7.stores).sort());
    for (const table of ['orderLines', 'returnLines', 'sessions', 'events']) expect(await after.table(table).toArray(), table).toStrictEqual(V7.tables[table]);
    after.close();

    fault.error = undefined;
    const again = new UpfrontDb(name);
    await again.open();
    expect(again.verno).toBe(8);
    expect(await allLines(again.orderBuckets)).toStrictEqual(V7.tables.orderLines);
    expect(await allLines(again.returnBuckets)).toStrictEqual(V7.tables.returnLines);
    again.close();
  });

  it('answers requests with the disk-full error while it cannot open, then opens again when asked once there is room', async () => {
    const name = await version7Database();
    const db = new UpfrontDb(name);
    fault.error = quota();
    await expect(db.open()).rejects.toBeDefined();
    const handle = testService({ repo: new Repository(db), safety: { db } as unknown as SafetyDeps, local: memoryKeyValue() });
    const ask = () => handle({ type: 'deck.list', payload: {} }, overlay(1)) as Promise<Reply<{ id: string }[]>>;

    expect(await ask()).toMatchObject({ ok: false, code: 'disk-full' });
    // The person freed space and pressed Retry: the same request opens the database, upgraded.
    fault.error = undefined;
    const reply = await ask();
    expect(reply).toMatchObject({ ok: true });
    expect(reply.ok && reply.data.map((d) => d.id)).toEqual(V7.tables.decks.map((d) => d.id));
    expect(db.verno).toBe(8);
    expect(await allLines(db.orderBuckets)).toStrictEqual(V7.tables.orderLines);
    db.close();
  });
});

describe('a long opening kept alive', () => {
  it('reads extension storage every 20 s while the work runs (Chromium stops an idle worker at 30 s), and stops when it settles', async () => {
    vi.useFakeTimers();
    try {
      const local = memoryKeyValue();
      const get = vi.spyOn(local, 'get');
      let finish!: () => void;
      const work = keptAlive(local, new Promise<void>((resolve) => (finish = resolve)));
      await vi.advanceTimersByTimeAsync(19_999);
      expect(get).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(45_001);
      expect(get).toHaveBeenCalledTimes(3);
      finish();
      await work;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(get).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
