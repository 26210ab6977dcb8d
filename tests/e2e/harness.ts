import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { PLATFORMS } from '../../lib/platforms';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, process.env.UPFRONT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const consoleHtml = readFileSync(path.join(ROOT, 'tests/fixtures/console.html'), 'utf8');
const otherHtml = readFileSync(path.join(ROOT, 'tests/fixtures/other-site.html'), 'utf8');

/** Flags verified on these machines (DESIGN.md); third-party cookies stay blocked as shipped. */
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
