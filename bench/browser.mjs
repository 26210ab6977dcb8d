// Launching Debian's Chromium with (or without) the built extension, and fixture consoles served
// at real console URLs: the same set-up as the end-to-end tests (tests/e2e/harness.ts).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = path.join(ROOT, process.env.UPFRONT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CONSOLE_URL = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const consoleHtml = readFileSync(path.join(ROOT, 'tests/fixtures/console.html'), 'utf8');

/** A copy of the built extension with some of its files replaced (path → text), for a floor. */
export function extensionWith(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-floor-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

/**
 * How far a frame's wall clock (timeOrigin + now) is ahead of this script's, from one round trip
 * (as NTP does): the frame's reading is taken to be at the round trip's middle, so the offset is
 * right to within half the round trip (`error`). Each process anchors its clock once, when it
 * starts, so over a long run two clocks can drift apart by hundreds of milliseconds.
 */
export async function clockSkew(frame) {
  const before = performance.timeOrigin + performance.now();
  const there = await frame.evaluate(() => performance.timeOrigin + performance.now());
  const after = performance.timeOrigin + performance.now();
  return { skew: there - (before + after) / 2, error: (after - before) / 2 };
}

/** A browser on a fresh profile, or on `profile` (a folder a closed browser left: its storage kept). */
export async function launch({ extension = true, extensionDir = EXTENSION_DIR, profile } = {}) {
  const dir = profile ?? mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-'));
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  // --enable-unsafe-extension-debugging lets CDP press the toolbar button (Extensions.triggerAction).
  if (extension) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--enable-unsafe-extension-debugging');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1920, height: 1080 },
    acceptDownloads: true,
  });
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: consoleHtml })
        : route.abort(),
  );
  if (!extension) return { context, profile: dir };
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return { context, worker, extensionId: new URL(worker.url()).host, profile: dir };
}

export function sidebarFrames(page) {
  return page.frames().filter((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/sidebar.html'));
}

export async function sidebarFrame(page) {
  for (let i = 0; i < 200; i++) {
    const [frame] = sidebarFrames(page);
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('no sidebar frame');
}

/** The extension's pages, opened in a tab (the studio: `studio.html#/sessions`, …). */
export async function openExtensionPage(context, extensionId, pathAndHash) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${pathAndHash}`);
  return page;
}

/**
 * An extension page in a window of its own beside the console's, as a producer following a show
 * has the studio (on another screen): a tab opened over the console hides it, and Chromium then
 * gives the hidden console's frames late, up to a second after they are asked for.
 */
export async function openExtensionWindow({ context, worker }, pathAndHash) {
  const [page] = await Promise.all([
    context.waitForEvent('page', { predicate: (p) => p.url().includes(`/${pathAndHash}`) }),
    worker.evaluate((url) => chrome.windows.create({ url: chrome.runtime.getURL(url), type: 'normal', width: 1400, height: 900 }), pathAndHash),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** Reads every record of a store of the extension's database (e.g. the seeded demo cards). */
export async function readStore(worker, store) {
  return askStore(worker, store, 'getAll');
}

/** How many records a store of the extension's database holds. */
export async function countStore(worker, store) {
  return askStore(worker, store, 'count');
}

/** One read-only request (getAll, count) over a whole store, in the service worker. */
async function askStore(worker, store, method) {
  return worker.evaluate(
    async ({ store, method }) => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        return await new Promise((resolve, reject) => {
          const r = db.transaction(store).objectStore(store)[method]();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      } finally {
        db.close();
      }
    },
    { store, method },
  );
}

/** Waits until the first-run demo seed is in the database (the bench copies its products). */
export async function demoRecords(worker) {
  for (let i = 0; i < 100; i++) {
    const cards = await readStore(worker, 'cards').catch(() => []);
    const policies = await readStore(worker, 'policies').catch(() => []);
    if (cards.some((c) => c.demo) && policies.some((p) => p.demo)) return { cards: cards.filter((c) => c.demo), policies: policies.filter((p) => p.demo) };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the demo deck was never seeded');
}

/** JS heap of a page or frame after a full garbage collection, in MB (CDP session given). */
export async function heapAfterGcMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * Memory of the extension's service worker in MB, read through a page's CDP session (Playwright
 * opens none on a worker): JS heap plus ArrayBuffer backing stores, where an export's bytes live.
 */
export async function workerMemory(cdp) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) throw new Error('no extension service worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  const pending = new Map();
  let next = 0;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const reply = JSON.parse(e.message);
    pending.get(reply.id)?.(reply.result);
    pending.delete(reply.id);
  });
  return async () => {
    const id = ++next;
    const reply = new Promise((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    const { usedSize, backingStorageSize } = await reply;
    return (usedSize + backingStorageSize) / 1024 / 1024;
  };
}

/**
 * Presses the extension's toolbar button for the tab showing `page`, as a click would: CDP's
 * Extensions.triggerAction (Playwright talks to Chromium over a pipe, which it requires).
 */
export async function clickToolbarButton(context, extensionId, page) {
  const cdp = (context.upfrontBrowserCdp ??= await context.browser().newBrowserCDPSession());
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const url = page.url();
  const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === url);
  if (tabs.length !== 1) throw new Error(`expected one tab at ${url}, found ${tabs.length}`);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0].targetId });
}

/** Writes records straight into the extension's database from its service worker. */
export async function putRecords(worker, store, records) {
  await worker.evaluate(
    async ({ store, records }) => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        for (const r of records) tx.objectStore(store).put(r);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, records },
  );
}

/** Seeds bigDeck(n), opens a console and waits until its sidebar shows the deck's first product. */
export async function consoleWithBigDeck(browser, n = 300) {
  return consoleWithDeck(browser, bigDeck(n));
}

/** Seeds a deck like bigDeck's, opens a console and waits until its sidebar shows the deck's first product. */
export async function consoleWithDeck({ context, worker }, { cards, deck }) {
  await putRecords(worker, 'cards', cards);
  await putRecords(worker, 'decks', [deck]);
  const page = await context.newPage();
  await page.goto(CONSOLE_URL);
  const frame = await sidebarFrame(page);
  await frame.locator('.card-title').waitFor();
  await frame.getByLabel('Deck').selectOption(deck.id).catch(() => undefined);
  await frame.getByText('Bench product 0').first().waitFor();
  return { page, frame };
}

/** Starts a show from the sidebar, as a host does: a name, Go live, the live badge. */
export async function goLive(frame) {
  await frame.getByLabel(/Host/).fill('Bench');
  await frame.getByRole('button', { name: /Go live/ }).click();
  await frame.locator('.live-badge').waitFor();
}

/** A deck of n plain products (no must-say caveats, so moving on is never held up). */
export function bigDeck(n) {
  const now = Date.now();
  const cards = Array.from({ length: n }, (_, i) => ({
    id: `bench-card-${i}`,
    sku: `BENCH-${String(i).padStart(4, '0')}`,
    name: { en: `Bench product ${i}` },
    category: i % 2 ? 'home' : 'apparel',
    dimensions: { lengthMm: 100 + i, widthMm: 80, heightMm: 40, weightG: 300 },
    scaleRefs: [],
    caveats: [{ id: `c${i}`, text: { en: `Not suitable for use outdoors (${i})` }, mustSay: false }],
    notes: [{ id: `n${i}`, kind: 'material', text: { en: 'Cotton' } }],
    updatedAt: now,
  }));
  const deck = { id: 'bench-deck', name: 'AAA bench deck', cardIds: cards.map((c) => c.id), market: 'EU', languages: ['en'], updatedAt: now };
  return { cards, deck };
}
