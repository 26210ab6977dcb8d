// A live show with 100,000 order lines imported and the studio's Returns analysis open (issue
// 17): what that adds to a disclosure click → ✓ Recorded. The orders figure's shows and order
// files, imported once through the studio; then a show goes live on the same deck and the host
// clicks, in three series: the studio's analysis open (as it behaves: it is not asked again at
// each disclosure), the analysis asked again right before each click (a view that re-asks on
// every push), and the studio closed (the reference). Each click is timed as disclosureClick
// times it (bench/figures/disclosure.mjs); the answers to the analyses asked during the show are
// timed too (a join kept: the analysis alone; a join dropped at each click: read and joined again).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goLive, launch, openExtensionWindow, readStore, sidebarFrame } from '../browser.mjs';
import { clickOne } from './disclosure.mjs';
import { writeOrderFiles } from './orders-data.mjs';
import { importFiles, seedShows, setZone, SHOP_ZONE } from './orders.mjs';

export async function ordersLiveFigures({ N, tiktokLines, shopifyLines, sessions, perSession, report, difference, log }) {
  const browser = await launch();
  const { context, worker, extensionId } = browser;
  try {
    const shows = await seedShows(context, worker, extensionId, { sessions, perSession });
    const skus = (await readStore(worker, 'cards')).filter((c) => c.id.startsWith('bench-card-')).map((c) => c.sku);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-orders-live-'));
    const { files, lines } = writeOrderFiles(dir, { tiktokLines, shopifyLines, shows, skus, timeZone: SHOP_ZONE });
    const studio = await openExtensionWindow(browser, 'studio.html#/returns');
    await setZone(studio);
    await importFiles(studio, [files.tiktok, files.shopify, files.returns], tiktokLines + shopifyLines + lines.returns);
    await openAnalysis(studio);
    log(`  orders live: ${(tiktokLines + shopifyLines).toLocaleString('en')} order lines imported, analysis open`);

    const page = await context.newPage();
    await page.goto('https://shop.tiktok.com/streamer/live/product/dashboard');
    const frame = await sidebarFrame(page);
    await frame.locator('.card-title').waitFor();
    await frame.getByLabel('Deck').selectOption('bench-deck');
    await frame.locator('.card-title', { hasText: '#1' }).first().waitFor();
    await goLive(frame);

    const series = async (before) => {
      const clicks = [];
      for (let i = 0; i < N * 2; i++) {
        if (before) await before();
        const ms = await frame.evaluate(clickOne);
        if (!Number.isFinite(ms)) throw new Error('no unrecorded item to click');
        clicks.push(ms);
        if (i % 2 === 1) await frame.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true })));
      }
      return clicks;
    };
    // Two clicks first, not timed: the sidebar's first recording after Go live.
    await frame.evaluate(clickOne);
    await frame.evaluate(clickOne);
    const open = await series();
    // Asked from the studio page as its view asks, not awaited: the click lands while it is answered.
    await studio.evaluate(() => (window.benchAsked = []));
    const ask = () =>
      studio.evaluate(() => {
        const t0 = performance.now();
        window.benchAsked.push(
          chrome.runtime.sendMessage({ type: 'returns.analysis', payload: { filter: {} } }).then((reply) => {
            if (!reply?.ok) throw new Error(`returns.analysis: ${reply?.code}`);
            return performance.now() - t0;
          }),
        );
      });
    const asked = await series(ask);
    const answers = await studio.evaluate(() => Promise.all(window.benchAsked));
    await studio.close();
    const closed = await series();
    const n = (tiktokLines + shopifyLines).toLocaleString('en');
    report(`orders live: disclosure click → recorded, ${n} order lines, analysis open`, 'ms', open, 'info');
    report('  analysis asked again right before each click', 'ms', asked, 'info');
    report('  studio closed (reference, same show)', 'ms', closed, 'info');
    difference('  added by the open analysis (open − closed)', 'ms', open, closed, 'info');
    difference('  added by an analysis asked at each click (asked − closed)', 'ms', asked, closed, 'info');
    report('  each analysis asked during the show, asked → answered', 'ms', answers, 'info');
  } finally {
    await context.close();
  }
}

/** Opens the Returns analysis and waits for its summary. */
async function openAnalysis(studio) {
  await studio.locator('details.returns-analysis-box summary').click();
  await studio.getByTestId('returns-summary').waitFor({ timeout: 180_000 });
}
