// `npm start`: opens Debian's Chromium with the built extension on a demo livestream console.
// The console page is served locally at a real console URL (TikTok Shop LIVE Manager), so the
// extension runs exactly as it would on the real site. Without a display (CI, a remote shell)
// it runs headless, saves a screenshot and exits.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = path.join(root, process.env.UPFRONT_OUT_DIR ?? '.output', 'chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const consoleUrl = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
  console.error(`No built extension in ${extensionDir}. Run "npm run build" first.`);
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  process.exit(1);
}

const consoleHtml = readFileSync(path.join(root, 'tests/fixtures/console.html'), 'utf8');
const context = await chromium.launchPersistentContext(path.join(root, '.demo-profile'), {
  executablePath,
  headless,
  viewport: headless ? { width: 1600, height: 900 } : null,
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// Only the demo console is served; every other site loads normally where there is a network.
await context.route(`${new URL(consoleUrl).origin}/**`, (route) =>
  route.request().resourceType() === 'document'
    ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: consoleHtml })
    : route.abort(),
);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(consoleUrl);
const frame = await waitForSidebar(page);
console.log(`Upfront is docked on the demo console at ${consoleUrl}`);

if (headless) {
  await frame.getByText(/Demo/).first().waitFor({ timeout: 10_000 });
  const shot = path.join(root, 'demo-screenshot.png');
  await page.screenshot({ path: shot });
  console.log(`No display: ran headless and saved a screenshot to ${shot}`);
  await context.close();
} else {
  console.log('Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
}

async function waitForSidebar(p) {
  for (let i = 0; i < 100; i++) {
    const f = p.frames().find((x) => x.url().startsWith('chrome-extension://') && x.url().includes('/sidebar.html'));
    if (f) return f;
    await p.waitForTimeout(100);
  }
  throw new Error('The Upfront sidebar did not appear on the demo console.');
}
