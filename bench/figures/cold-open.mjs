// Sidebar cold open: the toolbar button pressed on a console whose dock the host left collapsed
// (so no sidebar is loaded) → the sidebar's deck painted and answering input (its
// 'upfront:interactive' mark), against a floor measured open by open in the same run.
import { CONSOLE_URL, clickToolbarButton, clockSkew, extensionWith, launch, sidebarFrame, sidebarFrames } from '../browser.mjs';
import { budget } from '../budgets.mjs';
import { round, summarise } from '../stats.mjs';
import { pickDeck } from './photos.mjs';

/**
 * The built extension with sidebar.html a bare page that paints one line and marks itself
 * interactive after its first frame, as the sidebar does: the floor under the sidebar's cold
 * open (the toolbar button, the dock, a new frame of the extension's), same content script.
 */
function bareSidebarExtension() {
  return extensionWith({
    'sidebar.html': '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Upfront</title><script src="/bench-bare.js"></script></head><body><p>Upfront</p></body></html>\n',
    'bench-bare.js': "performance.mark('upfront:script');\nrequestAnimationFrame(() => setTimeout(() => performance.mark('upfront:interactive'), 0));\n",
  });
}

/**
 * The press is timed on this script's clock and the mark on the frame's; after each open the
 * offset between the two clocks is measured with one round trip and taken off (± half of it).
 * Alternating, open by open, the floor runs in a second browser: the same extension and toolbar
 * path with sidebar.html a bare page. `seed(browser)` writes a deck into the Upfront browser before
 * its console opens, and the host picks it in the sidebar; with `photo`, each open also waits for
 * the card's photo to be decoded and painted (reported, not judged).
 */
export async function coldOpen({ N, smoke, report, ratio, verbose, log }, { label = 'sidebar', seed, photo = false } = {}) {
  const browsers = { upfront: await launch(), floor: await launch({ extensionDir: bareSidebarExtension() }) };
  const samples = { upfront: [], floor: [] };
  const photos = [];
  const phases = { upfront: [], floor: [] };
  const pages = {};
  try {
    for (const [k, browser] of Object.entries(browsers)) {
      const { context, extensionId } = browser;
      const seeded = k === 'upfront' && seed ? await seed(browser) : undefined;
      const page = (pages[k] = await context.newPage());
      await page.goto(CONSOLE_URL);
      const frame = await sidebarFrame(page);
      if (seeded) await pickDeck(frame, seeded);
      await page.waitForTimeout(300); // the console settles before the dock is collapsed
      await clickToolbarButton(context, extensionId, page); // collapse: remembered for this console
      await page.locator('upfront-dock[data-collapsed="true"]').waitFor({ state: 'attached' });
    }
    async function open(k) {
      const { context, extensionId } = browsers[k];
      const page = pages[k];
      // A collapsed dock loads no sidebar, unless the background answers the console's hello
      // after the dock stops waiting for it (then the dock opens, loads the frame and collapses
      // when the answer comes): on a busy machine with a big deck, reload and try again.
      for (let attempt = 1; ; attempt++) {
        await page.reload();
        await page.locator('upfront-dock[data-collapsed="true"]').waitFor({ state: 'attached' });
        await page.waitForTimeout(300); // the console settles
        // The frame from before the reload can take a while to go (a big deck's, on a busy machine).
        for (let w = 0; w < 200 && sidebarFrames(page).length > 0; w++) await page.waitForTimeout(50);
        if (sidebarFrames(page).length === 0) break;
        log(`  ${k}: the collapsed dock loaded the sidebar after reload ${attempt}`);
        if (attempt === 3) throw new Error('the collapsed dock loaded the sidebar after 3 reloads in a row');
      }
      const t0 = performance.timeOrigin + performance.now();
      await clickToolbarButton(context, extensionId, page);
      const frame = await sidebarFrame(page);
      const marks = await frame.evaluate(
        async ({ photo }) => {
          const wait = async (ok) => {
            for (let k = 0; k < 800 && !ok(); k++) await new Promise((r) => setTimeout(r, 25));
            return ok();
          };
          await wait(() => performance.getEntriesByName('upfront:interactive').length > 0);
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
          let photoAt;
          if (photo) {
            const img = () => document.querySelector('img.card-image');
            if (await wait(() => img()?.complete && img().naturalWidth > 0)) {
              await img().decode().catch(() => undefined);
              photoAt = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
            }
          }
          return { origin: performance.timeOrigin, script: at('upfront:script'), data: at('upfront:data'), interactive: at('upfront:interactive'), photo: photoAt };
        },
        { photo: photo && k === 'upfront' },
      );
      if (marks.interactive === undefined) throw new Error('the sidebar never became interactive');
      if (photo && k === 'upfront' && marks.photo === undefined) throw new Error("the card's photo was never shown");
      const { skew, error } = await clockSkew(frame);
      await clickToolbarButton(context, extensionId, page); // collapse again for the next run
      await page.locator('upfront-dock[data-collapsed="true"]').waitFor({ state: 'attached' });
      const start = marks.origin - skew - t0;
      return { total: start + marks.interactive, photo: start + marks.photo, click: start, skew, error, ...marks };
    }
    for (let i = smoke ? 1 : 0; i < N + 1; i++) {
      for (const k of i % 2 ? ['floor', 'upfront'] : ['upfront', 'floor']) {
        const m = await open(k);
        // The first open also compiles the sidebar's scripts for the first time (a smoke run keeps it).
        if (i === 0) continue;
        samples[k].push(m.total);
        if (k === 'upfront' && photo) photos.push(m.photo);
        phases[k].push(m);
      }
    }
  } finally {
    for (const b of Object.values(browsers)) await b.context.close();
  }
  ratio(`${label} cold open ÷ its floor`, samples.upfront, samples.floor, budget('p95', 1.3));
  report(`  ${label} cold open (toolbar click → interactive)`, 'ms', samples.upfront, 'info');
  report(`  floor (${label}): a bare page in the same dock, same run`, 'ms', samples.floor, 'floor');
  if (photo) report("  toolbar click → the first card's photo painted", 'ms', photos, 'info');
  if (verbose) {
    for (const [k, list] of Object.entries(phases)) {
      const med = (key) => round(summarise(list.map((p) => p[key] ?? 0)).median);
      const worst = round(Math.max(...list.map((p) => p.error)));
      console.log(`  ${k} phases (median): click → frame start ${med('click')} ms; frame start → script ${med('script')}, → data ${med('data')}, → interactive ${med('interactive')} ms; clock offset ${med('skew')} ms (± ${worst} at worst)`);
    }
  }
}
