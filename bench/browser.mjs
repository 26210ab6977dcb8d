// Launching Debian's Chromium with (or without) the built extension, and fixture consoles served
// at real console URLs: the same set-up as the end-to-end tests (tests/e2e/harness.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = path.join(ROOT, process.env.UPFRONT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CONSOLE_URL = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const consoleHtml = readFileSync(path.join(ROOT, 'tests/fixtures/console.html'), 'utf8');

export async function launch({ extension = true } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-'));
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  if (extension) args.unshift(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
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
  if (!extension) return { context };
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return { context, worker, extensionId: new URL(worker.url()).host };
}

export async function sidebarFrame(page) {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/sidebar.html'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('no sidebar frame');
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
