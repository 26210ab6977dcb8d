// Every figure of the bench, in the order it runs; each module under bench/figures/ measures one
// flow. `--only=a,b` picks figures by these keys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './browser.mjs';
import { budget } from './budgets.mjs';
import { cardSwitch } from './figures/card-switch.mjs';
import { coldOpen } from './figures/cold-open.mjs';
import { disclosureClick } from './figures/disclosure.mjs';
import { csvExport } from './figures/export.mjs';
import { deckImport } from './figures/import.mjs';
import { migrationFigure } from './figures/migration.mjs';
import { mainThreadAdded } from './figures/main-thread.mjs';
import { ordersFigures } from './figures/orders.mjs';
import { ordersLiveFigures } from './figures/orders-live.mjs';
import { seedPhotoDeck } from './figures/photos.mjs';
import { longShow } from './figures/show.mjs';
import { stageKey } from './figures/stage.mjs';
import { studioEdit } from './figures/studio-edit.mjs';

// A smoke run (--smoke) uses small data: it proves the flows still work, in about a minute.
export function figures(ctx) {
  const { quick, smoke, report, log } = ctx;
  // 100,000 order lines (60,000 TikTok, 40,000 Shopify) against 40 shows of a 300-product deck.
  const orders = { tiktokLines: smoke ? 1_200 : 60_000, shopifyLines: smoke ? 800 : 40_000, sessions: smoke ? 7 : 40, perSession: smoke ? 100 : 1_500 };
  return {
    contentScriptSize: async () => {
      const file = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/console.js'));
      report('content script, gzipped', 'KB', [gzipSync(file, { level: 9 }).length / 1024], budget('median', 8));
    },
    mainThreadAdded: () => mainThreadAdded(ctx),
    sidebarColdOpen: () => coldOpen(ctx),
    cardSwitch: () => cardSwitch(ctx),
    disclosureClick: () => disclosureClick(ctx),
    csvExport: () => csvExport({ ...ctx, runs: smoke ? 1 : quick ? 2 : 5, events: smoke ? 2_000 : 100_000 }),
    deckImport: () => deckImport({ ...ctx, runs: smoke ? 1 : quick ? 3 : 10, products: smoke ? 100 : 1000 }),
    photoColdOpen: () =>
      coldOpen(ctx, {
        label: 'photo deck: sidebar',
        photo: true,
        seed: (browser) => seedPhotoDeck(browser, { count: smoke ? 12 : 300, log }),
      }),
    studioEdit: () => studioEdit(ctx),
    stageKey: () => stageKey(ctx),
    longShow: () => longShow(ctx),
    orders: () => ordersFigures({ ...ctx, ...orders, runs: smoke ? 1 : quick ? 2 : 6 }),
    // The same lines stored under database version 7, moved by version 8's upgrade at Upfront's first start.
    migration: () => migrationFigure({ ...ctx, ...orders, runs: smoke ? 1 : quick ? 2 : 5 }),
    // The same shows and order lines, imported once; then a live show with the analysis open.
    ordersLive: () => ordersLiveFigures({ ...ctx, ...orders }),
  };
}
