// The version 8 upgrade at size (issue 17): a seller who imported 100,000 order lines under
// database version 7 (a record per line) updates Upfront, and its service worker's first start
// moves them into buckets (lib/db/database.ts, lib/db/order-buckets.ts) before anything else can
// read the database. Timed from the worker's start to the studio usable, opened at that moment,
// against the same upgrade written bare in IndexedDB, started by a worker of its own
// on a copy of the same profile (bench/README.md, "The version 8 upgrade at first start").
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSOLE_URL, EXTENSION_DIR, ROOT, launch, putRecords, sidebarFrames } from '../browser.mjs';
import { budget } from '../budgets.mjs';
import { writeOrderFiles } from './orders-data.mjs';
import { seedLog, seedProducts } from './seed.mjs';

const SHOP_ZONE = 'Europe/Madrid';
/** Dexie keeps version n as IndexedDB version 10·n. */
const IDB_VERSION = (n) => n * 10;

/**
 * The worker of the seeding browser: it does nothing, so the database is written at version 7
 * before any Upfront opens it (the extension's origin is the same: its folder is the same).
 */
const IDLE_WORKER = '// bench: a worker that leaves the database alone while the bench writes it at version 7.\n';

/**
 * The floor's worker: at its start, the same upgrade with nothing of Upfront's around it: every
 * line read, grouped by the same bucket hash, the bucket records written, the per-line tables
 * dropped, in the one versionchange transaction IndexedDB gives an upgrade.
 */
const FLOOR_WORKER = `// bench: the version 8 upgrade, bare (bench/figures/migration.mjs).
const bucketOf = (id) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 256;
};
// When each step was done (ms since the worker started), for --verbose.
self.benchPhases = {};
self.benchFloor = new Promise((resolve, reject) => {
  const r = indexedDB.open('upfront', ${IDB_VERSION(8)});
  r.onupgradeneeded = () => {
    const db = r.result;
    for (const [from, to] of [['orderLines', 'orderBuckets'], ['returnLines', 'returnBuckets']]) {
      const out = db.createObjectStore(to, { keyPath: 'bucket' });
      r.transaction.objectStore(from).getAll().onsuccess = (e) => {
        self.benchPhases[from] = performance.now();
        const buckets = new Map();
        for (const line of e.target.result) {
          const b = bucketOf(line.orderId);
          if (!buckets.has(b)) buckets.set(b, []);
          buckets.get(b).push(line);
        }
        let written = 0;
        for (const [bucket, lines] of buckets) out.put({ bucket, lines }).onsuccess = () => ++written === buckets.size && (self.benchPhases[to] = performance.now());
        db.deleteObjectStore(from);
      };
    }
  };
  r.onsuccess = () => {
    const done = performance.now();
    r.result.close();
    resolve(done);
  };
  r.onerror = () => reject(r.error);
  r.onblocked = () => reject(new Error('blocked'));
});
`;

/** A page of the extension with nothing on it, from which the bench sends a request as a page would. */
const PROBE_PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>\n';

/**
 * The files' lines as the studio's import reads them (scripts/read-order-files.ts, lib/returns/import):
 * what version 7 stored a record each, and version 8 moves unchanged.
 */
function readLines(files, out) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), 'scripts/read-order-files.ts', '--tz', SHOP_ZONE, '--date-format', 'MDY', '--out', out, ...files], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`reading the order files failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/**
 * Version 7 as its own code wrote it (tests/fixtures/db/v7.json, made by that commit): its stores
 * as IndexedDB stores and indexes, and the demo its first start seeded.
 */
function version7() {
  const { version, stores, tables } = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/db/v7.json'), 'utf8'));
  if (version !== 7) throw new Error(`v7.json holds version ${version}`);
  const spec = (src) => {
    const name = src.replace(/^[&*]/, '');
    return { name, keyPath: name.startsWith('[') ? name.slice(1, -1).split('+') : name, unique: src.startsWith('&'), multiEntry: src.startsWith('*') };
  };
  const idb = Object.fromEntries(
    Object.entries(stores).map(([store, src]) => {
      const [primary, ...indexes] = src.split(',').map((s) => s.trim());
      return [store, { keyPath: spec(primary).keyPath, indexes: indexes.map(spec) }];
    }),
  );
  const demo = { cards: tables.cards.filter((c) => c.demo), policies: tables.policies.filter((p) => p.demo), decks: tables.decks.filter((d) => d.demo) };
  return { stores: idb, demo };
}

/**
 * Writes, in a browser whose extension worker is idle, the database a seller has under version 7:
 * the demo as its first start seeded it, a 300-product deck, `sessions` ended shows of
 * `perSession` disclosures (sealed into pages), and the imported order lines and returns, a
 * record each. Returns the profile folder, closed.
 */
async function seedV7({ extensionDir, sessions, perSession, lines, log }) {
  const { stores, demo } = version7();
  const t0 = performance.now();
  const { context, worker, profile } = await launch({ extensionDir });
  try {
    await worker.evaluate(
      ({ version, stores }) =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open('upfront', version);
          r.onupgradeneeded = () => {
            for (const [name, { keyPath, indexes }] of Object.entries(stores)) {
              const store = r.result.createObjectStore(name, { keyPath });
              for (const i of indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
            }
          };
          r.onsuccess = () => (r.result.close(), resolve());
          r.onerror = () => reject(r.error);
        }),
      { version: IDB_VERSION(7), stores },
    );
    // What version 7's first start wrote: the demo (and the flag saying so), an installation id.
    await putRecords(worker, 'policies', demo.policies);
    await putRecords(worker, 'cards', demo.cards);
    await putRecords(worker, 'decks', demo.decks);
    await putRecords(worker, 'meta', [{ key: 'installation', value: '0b7f1c52-3a8e-4d61-9f0a-2c5e8b7d4a19' }]);
    await worker.evaluate(() => chrome.storage.local.set({ demoSeeded: true }));
    const { cards, policies, deck } = await seedProducts(worker, { count: 300, demo });
    await seedLog(worker, { sessions, perSession, cards, policy: policies[0], deck, sealed: true });
    for (const [store, list] of [['orderLines', lines.orders], ['returnLines', lines.returns]]) {
      for (let i = 0; i < list.length; i += 10_000) await putRecords(worker, store, list.slice(i, i + 10_000));
    }
    const counts = await worker.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const count = (s) => new Promise((resolve) => (db.transaction(s).objectStore(s).count().onsuccess = (e) => resolve(e.target.result)));
      const out = { version: db.version, orders: await count('orderLines'), returns: await count('returnLines'), pages: await count('eventPages') };
      db.close();
      return out;
    });
    if (counts.version !== IDB_VERSION(7) || counts.orders !== lines.orders.length || counts.returns !== lines.returns.length) throw new Error(`the version 7 database holds ${JSON.stringify(counts)}`);
    log(`  migration: version 7 database written (${counts.orders} lines, ${counts.returns} returns, ${counts.pages} event pages) in ${Math.round((performance.now() - t0) / 1000)} s`);
  } finally {
    await context.close();
  }
  return profile;
}

/** The system clock's time of a context's time origin (Date.now() is one clock across processes). */
const originOf = (target) => target.evaluate(() => Date.now() - performance.now());

/**
 * A browser on a copy of the seeded profile, its idle worker running, then the extension updated
 * while the browser runs: `install` writes the new version into the extension's folder, and the
 * browser loads it again from there (CDP Extensions.loadUnpacked: same folder, same id, so the
 * same database), which stops the old worker and starts the new one. Resolves with the new worker.
 */
async function updated({ extensionDir, profile, install }) {
  const browser = await launch({ extensionDir, profile });
  install();
  const next = browser.context.waitForEvent('serviceworker', { timeout: 60_000 });
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const { id } = await cdp.send('Extensions.loadUnpacked', { path: extensionDir });
  if (id !== browser.extensionId) throw new Error(`the update loaded as ${id}, not ${browser.extensionId}`);
  return { ...browser, worker: await next };
}

/**
 * Upfront's first start after the update: its worker starts; the studio is opened at once on its
 * deck list (a producer checking the show's deck) and, beside it, an extension page asks the
 * background how many lines it holds, and a console is opened (the host, whose sidebar's
 * requests queue with them). Times from the worker's start: the first request answered, and
 * the studio's deck list painted with the seller's deck. Says what the console's sidebar shows.
 */
async function upfrontStart({ context, worker, extensionId, expected }) {
  const workerOrigin = await originOf(worker);
  // A second connection, asked for at once, opens when the upgrade has committed: when that was.
  const committed = worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => (r.result.close(), resolve(performance.now()));
        r.onerror = () => reject(r.error);
      }),
  );
  committed.catch(() => undefined);
  const probe = (async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/bench-probe.html`);
    return page.evaluate(async () => ({ reply: await chrome.runtime.sendMessage({ type: 'orders.counts', payload: {} }), at: Date.now() }));
  })();
  probe.catch(() => undefined);
  const consolePage = await context.newPage();
  const opened = consolePage.goto(CONSOLE_URL).catch(() => undefined);
  const studio = await context.newPage();
  await studio.goto(`chrome-extension://${extensionId}/studio.html#/decks`);
  const usable = await studio.evaluate(async () => {
    for (let k = 0; k < 24_000; k++) {
      if (document.body.innerText.includes('AAA bench deck')) {
        const at = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(Date.now()), 0)));
        return at;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return undefined;
  });
  if (usable === undefined) throw new Error(`the studio never listed the deck: ${(await studio.evaluate(() => document.body.innerText)).slice(0, 300)}`);
  const answered = await probe;
  if (!answered.reply?.ok) throw new Error(`orders.counts failed: ${JSON.stringify(answered.reply)}`);
  const { orders, returns } = answered.reply.data;
  if (orders !== expected.orders || returns !== expected.returns) throw new Error(`after the upgrade ${orders} lines and ${returns} returns, expected ${expected.orders} and ${expected.returns}`);
  await opened;
  const sidebar = await Promise.all(sidebarFrames(consolePage).map((f) => f.evaluate(() => document.body.innerText.split('\n').at(-1).slice(0, 80)).catch(() => '')));
  return { answered: answered.at - workerOrigin, usable: usable - workerOrigin, committed: await committed, sidebar: sidebar.join(' | ') };
}

export async function migrationFigure({ runs, tiktokLines, shopifyLines, sessions, perSession, report, difference, log }) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-migration-'));
  // One extension folder, so one extension id (an unpacked extension's id comes from its folder),
  // so one origin and one database across the seeding, Upfront's and the floor's browsers.
  const extensionDir = path.join(work, 'extension');
  const manifest = readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8');
  // Which worker the folder holds, under a version of its own as an update has.
  const worker = (text, version) => {
    writeFileSync(path.join(extensionDir, 'background.js'), text);
    writeFileSync(path.join(extensionDir, 'manifest.json'), JSON.stringify({ ...JSON.parse(manifest), version }));
  };
  let seeded;
  try {
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    writeFileSync(path.join(extensionDir, 'bench-probe.html'), PROBE_PAGE);
    const upfrontWorker = readFileSync(path.join(extensionDir, 'background.js'), 'utf8');

    // The shows as seedLog writes them: 4 hours apart, ending a minute after their last disclosure.
    const first = Date.now() - sessions * 4 * 3_600_000;
    const shows = Array.from({ length: sessions }, (_, s) => ({ start: first + s * 4 * 3_600_000, end: first + s * 4 * 3_600_000 + perSession * 5_000 + 60_000 }));
    const skus = Array.from({ length: 300 }, (_, i) => `BENCH-${String(i).padStart(4, '0')}`);
    const { files } = writeOrderFiles(work, { tiktokLines, shopifyLines, shows, skus, timeZone: SHOP_ZONE });
    const lines = readLines([files.tiktok, files.shopify, files.returns], path.join(work, 'lines.json'));

    worker(IDLE_WORKER, '0.0.1');
    seeded = await seedV7({ extensionDir, sessions, perSession, lines, log });
    const expected = { orders: lines.orders.length, returns: lines.returns.length };

    const samples = { answered: [], usable: [], committed: [], floor: [] };
    for (let i = 0; i < runs; i++) {
      // Alternating which goes first, each on a fresh copy of the seeded profile.
      for (const k of i % 2 ? ['floor', 'upfront'] : ['upfront', 'floor']) {
        const profile = path.join(work, `profile-${i}-${k}`);
        cpSync(seeded, profile, { recursive: true });
        const install = k === 'upfront' ? () => worker(upfrontWorker, JSON.parse(manifest).version) : () => worker(FLOOR_WORKER, '0.0.2');
        worker(IDLE_WORKER, '0.0.1');
        const browser = await updated({ extensionDir, profile, install });
        try {
          if (k === 'upfront') {
            const t = await upfrontStart({ ...browser, expected });
            samples.answered.push(t.answered);
            samples.usable.push(t.usable);
            samples.committed.push(t.committed);
            log(`  migration ${i + 1}: the console's sidebar, when the studio was usable: ${t.sidebar}`);
          } else {
            samples.floor.push(await browser.worker.evaluate(() => self.benchFloor));
            const at = await browser.worker.evaluate(() => self.benchPhases);
            log(`  migration ${i + 1}, bare upgrade: lines read ${Math.round(at.orderLines)} ms, returns read ${Math.round(at.returnLines)} ms, buckets written ${Math.round(Math.max(at.orderBuckets, at.returnBuckets))} ms, committed with the old tables dropped ${Math.round(samples.floor.at(-1))} ms`);
          }
        } finally {
          await browser.context.close();
          rmSync(profile, { recursive: true, force: true });
        }
      }
      log(`  migration ${i + 1}: upgrade committed ${Math.round(samples.committed.at(-1))} ms, first request answered ${Math.round(samples.answered.at(-1))} ms, studio usable ${Math.round(samples.usable.at(-1))} ms, bare upgrade ${Math.round(samples.floor.at(-1))} ms`);
    }
    const n = expected.orders.toLocaleString('en');
    const r = expected.returns.toLocaleString('en');
    difference(`version 8 upgrade of ${n} lines and ${r} returns, first start → studio usable, minus the bare upgrade`, 'ms', samples.usable, samples.floor, budget('median', 2000));
    report("  first start → the studio's deck list painted (opened as the worker starts)", 'ms', samples.usable, 'info');
    report('  first start → first request answered (every line counted)', 'ms', samples.answered, 'info');
    report("  first start → Upfront's upgrade committed (a second connection opens)", 'ms', samples.committed, 'info');
    report(`  floor: first start → the same upgrade committed, bare IndexedDB (same run)`, 'ms', samples.floor, 'floor');
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (seeded) rmSync(seeded, { recursive: true, force: true });
  }
}
