import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from '@playwright/test';
import { PLATFORMS } from '../../lib/platforms';


/** The demo console's address: TikTok Shop LIVE Manager, served by the harness at its real URL. */
export const CONSOLE = 'https://shop.tiktok.com/streamer/live/product/dashboard';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, process.env.UPFRONT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const consoleHtml = readFileSync(path.join(ROOT, 'tests/fixtures/console.html'), 'utf8');
const otherHtml = readFileSync(path.join(ROOT, 'tests/fixtures/other-site.html'), 'utf8');

/** Flags verified on these machines (no background networking: the sandbox refuses it); third-party cookies stay blocked as shipped. */
export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ];
}

/**
 * Serves fixture pages at the real console URLs, so the extension's production match patterns
 * are what the tests exercise. Every other request is answered by a plain page or refused: the
 * machine has no network.
 */
export async function routeConsoles(context: BrowserContext, html = consoleHtml): Promise<void> {
  const hosts = new Set(PLATFORMS.map((p) => new URL(p.example).host));
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => {
      const url = new URL(route.request().url());
      if (route.request().resourceType() !== 'document') return route.abort();
      const body = hosts.has(url.host) ? html : otherHtml;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    },
  );
}

export async function launch(userDataDir: string, options: { headless?: boolean; locale?: string } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: chromiumArgs(),
    acceptDownloads: true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1600, height: 900 },
  });
  await routeConsoles(context);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** The sidebar frame inside the dock's closed shadow root, found through Playwright's frame tree. */
export async function sidebarFrame(page: Page, extensionId: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/sidebar.html'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no sidebar frame on ${page.url()} (extension ${extensionId})`);
}

/**
 * Reads a whole object store of the extension's real database, from its service worker or from
 * a top-level extension page (same origin, so the same database).
 */
export async function readStore<T = Record<string, unknown>>(worker: Worker | Page, store: string): Promise<T[]> {
  return (worker as Worker).evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('upfront');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** Every stored order or return line: the lines of every bucket (lib/db/order-buckets.ts). */
export async function readLines<T = Record<string, unknown>>(worker: Worker | Page, store: 'orderBuckets' | 'returnBuckets'): Promise<T[]> {
  return (await readStore<{ lines: T[] }>(worker, store)).flatMap((b) => b.lines);
}

/**
 * Every recorded event, wherever the background keeps it: a record each while its session is
 * live, in pages once it has ended (lib/db/event-pages.ts).
 */
export async function readEvents<T = Record<string, unknown>>(worker: Worker | Page): Promise<T[]> {
  const [loose, pages] = await Promise.all([readStore<T>(worker, 'events'), readStore<{ events: T[] }>(worker, 'eventPages')]);
  return [...loose, ...pages.flatMap((p) => p.events)];
}

/** Serves one fixture file at one console URL, ahead of the generic console route. */
export async function serveAt(context: BrowserContext, url: string, fixture: string, headers: Record<string, string> = {}) {
  const body = readFileSync(path.join(ROOT, 'tests/fixtures', fixture), 'utf8');
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body }),
  );
}

/** Goes live on the sidebar shown in `frame` as `host`. */
export async function goLive(frame: Frame | Page, host: string) {
  await frame.getByLabel('Host name').fill(host);
  await frame.getByRole('button', { name: 'Go live' }).click();
  await frame.getByText(new RegExp(`Live · ${host}`)).waitFor();
}

/**
 * Stops the extension's service worker the way Chromium does when it idles, through
 * chrome://serviceworker-internals (the CDP ServiceWorker domain cannot reach extension workers
 * from a page session, and a persistent context has no browser-level session).
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string) {
  const internals = await context.newPage();
  try {
    await internals.goto('chrome://serviceworker-internals/');
    const registration = internals.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` });
    await registration.getByRole('button', { name: 'Stop' }).first().click();
  } finally {
    await internals.close();
  }
}

/**
 * Reloads the extension as an update would, with chrome://extensions' reload button
 * (chrome.runtime.reload() does not bring back an extension loaded from the command line).
 */
export async function reloadExtension(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.locator('extensions-toolbar #devMode').click();
    await page.locator(`extensions-item#${extensionId} #dev-reload-button`).click();
  } finally {
    await page.close();
  }
}

/** `npm run verify-log -- FILE…` as a team lead runs it: its exit status and everything it printed. */
export function verifyCli(...files: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'verify-log', '--', ...files], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A real download started by `click`, saved under `to` with the name the page gave it. */
export async function download(page: Page, click: () => Promise<void>, to: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(to, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}
