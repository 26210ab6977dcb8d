// `npm run bench`: performance budgets measured in Debian's Chromium with the built extension.
// Prints a table (median, p95, goal) and writes bench/results.json as a list of
// { name, unit, median, p95, goal }. Figures compared with a baseline are measured in the same
// run, alternating, and reported as ratios. `--quick` runs fewer samples (the CI smoke run).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_URL, EXTENSION_DIR, ROOT, bigDeck, launch, putRecords, sidebarFrame } from './browser.mjs';
import { round, summarise } from './stats.mjs';
import { figures as extraFigures } from './figures.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const N = quick ? 5 : 20;
const results = [];

function report(name, unit, samples, goal, extra = {}) {
  const { median, p95, n } = summarise(samples);
  const row = { name, unit, median: round(median), p95: round(p95), goal, n, ...extra };
  results.push(row);
  console.log(`${name.padEnd(58)} ${String(row.median).padStart(9)} ${String(row.p95).padStart(9)} ${unit.padEnd(6)} goal ${goal}`);
}

const figures = {
  async contentScriptSize() {
    const file = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/console.js'));
    report('content script, gzipped', 'KB', [gzipSync(file, { level: 9 }).length / 1024], '≤ 8 KB');
  },

  /** Main-thread time the extension adds to loading a fixture console: with vs without, alternating. */
  async mainThreadAdded() {
    const withExt = await launch({ extension: true });
    const without = await launch({ extension: false });
    const added = [];
    const longest = [];
    async function load(context) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(CONSOLE_URL);
      await page.waitForTimeout(1500); // the content script runs at document_idle, then mounts
      const { metrics } = await cdp.send('Performance.getMetrics');
      const task = metrics.find((m) => m.name === 'TaskDuration').value * 1000;
      const long = await page.evaluate(() => Math.max(0, ...window.__longTasks));
      await page.close();
      return { task, long };
    }
    try {
      for (let i = 0; i < N; i++) {
        const a = await load(withExt.context);
        const b = await load(without.context);
        added.push(a.task - b.task);
        longest.push(a.long);
      }
    } finally {
      await withExt.context.close();
      await without.context.close();
    }
    report('main-thread time added to loading a console', 'ms', added, '≤ 10 ms');
    report('longest task while loading a console with Upfront', 'ms', longest, '< 50 ms (no long task)');
  },

  /** Sidebar cold open: frame navigation start → first interactive paint (performance mark). */
  async sidebarColdOpen() {
    const { context } = await launch();
    const samples = [];
    try {
      const page = await context.newPage();
      for (let i = 0; i < N + 1; i++) {
        await page.goto(CONSOLE_URL);
        const frame = await sidebarFrame(page);
        const t = await frame.evaluate(async () => {
          for (let k = 0; k < 200; k++) {
            const [mark] = performance.getEntriesByName('upfront:interactive');
            if (mark) return mark.startTime;
            await new Promise((r) => setTimeout(r, 25));
          }
          return NaN;
        });
        if (i > 0) samples.push(t); // the first open also starts the service worker and seeds
      }
    } finally {
      await context.close();
    }
    report('sidebar cold open (frame start → interactive)', 'ms', samples, '≤ 200 ms');
  },

  /** Card switch on a 300-product deck: input → next frame painted, by click and by hotkey. */
  async cardSwitch() {
    const { context, worker } = await launch();
    try {
      const { cards, deck } = bigDeck(300);
      await putRecords(worker, 'cards', cards);
      await putRecords(worker, 'decks', [deck]);
      const page = await context.newPage();
      await page.goto(CONSOLE_URL);
      const frame = await sidebarFrame(page);
      await frame.locator('.card-title').waitFor();
      await frame.getByRole('combobox').first().selectOption('bench-deck').catch(() => undefined);
      await frame.getByText('Bench product 0').first().waitFor();
      for (const via of ['click', 'hotkey']) {
        const samples = await frame.evaluate(
          async ({ via, n }) => {
            const out = [];
            const title = () => document.querySelector('.card-title')?.textContent;
            for (let i = 0; i < n; i++) {
              const before = title();
              const t0 = performance.now();
              if (via === 'click') {
                const buttons = document.querySelectorAll('.run-sheet button');
                buttons[(i * 7 + 1) % buttons.length]?.click();
              } else {
                document.dispatchEvent(new KeyboardEvent('keydown', { key: i % 2 ? 'k' : 'j', bubbles: true }));
              }
              // Next frame painted: the rAF callback runs before paint; the task after it, after.
              await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
              if (title() === before) continue; // nothing switched (end of list): not a sample
              out.push(performance.now() - t0);
            }
            return out;
          },
          { via, n: N * 5 },
        );
        report(`card switch by ${via}, 300-product deck (→ next frame)`, 'ms', samples, 'p95 ≤ 16.7 ms');
      }
    } finally {
      await context.close();
    }
  },

  /** Disclosure click → recorded mark, against a bare strict IndexedDB write, alternating. */
  async disclosureClick() {
    const { context, worker } = await launch();
    try {
      const { cards, deck } = bigDeck(300);
      await putRecords(worker, 'cards', cards);
      await putRecords(worker, 'decks', [deck]);
      const page = await context.newPage();
      await page.goto(CONSOLE_URL);
      const frame = await sidebarFrame(page);
      await frame.getByText('Bench product 0').first().waitFor();
      await frame.getByLabel(/Host/).fill('Bench');
      await frame.getByRole('button', { name: /Go live/ }).click();
      await frame.getByText(/Live/).first().waitFor();
      const clicks = [];
      const bare = [];
      for (let i = 0; i < N * 2; i++) {
        clicks.push(
          await frame.evaluate(async () => {
            const button = [...document.querySelectorAll('li.item button.mark')].find((b) => !b.disabled);
            if (!button) return NaN;
            const item = button.closest('li.item');
            const t0 = performance.now();
            button.click();
            await new Promise((resolve) => {
              const done = () => item.dataset.state === 'recorded' && (observer.disconnect(), resolve());
              const observer = new MutationObserver(done);
              observer.observe(item, { attributes: true, subtree: true, childList: true });
              done();
            });
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            return performance.now() - t0;
          }),
        );
        bare.push(
          await worker.evaluate(async () => {
            const db = await new Promise((resolve, reject) => {
              const r = indexedDB.open('bench-bare', 1);
              r.onupgradeneeded = () => r.result.createObjectStore('x');
              r.onsuccess = () => resolve(r.result);
              r.onerror = () => reject(r.error);
            });
            const t0 = performance.now();
            await new Promise((resolve, reject) => {
              const tx = db.transaction('x', 'readwrite', { durability: 'strict' });
              tx.objectStore('x').put({ at: Date.now(), pad: 'x'.repeat(600) }, crypto.randomUUID());
              tx.oncomplete = resolve;
              tx.onerror = () => reject(tx.error);
            });
            const ms = performance.now() - t0;
            db.close();
            return ms;
          }),
        );
        // Move on so the next click has unmarked items.
        if (i % 2 === 1) await frame.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true })));
      }
      const c = summarise(clicks.filter(Number.isFinite));
      const b = summarise(bare);
      report('disclosure click → recorded mark shown (strict)', 'ms', clicks.filter(Number.isFinite), 'p95 ≤ 50 ms');
      report('bare IndexedDB strict write (same run)', 'ms', bare, 'baseline');
      results.push({ name: 'disclosure click ÷ bare strict write (p95)', unit: 'ratio', median: round(c.median / b.median), p95: round(c.p95 / b.p95), goal: '≤ 1.5' });
      console.log(`${'disclosure click ÷ bare strict write'.padEnd(58)} ${String(round(c.median / b.median)).padStart(9)} ${String(round(c.p95 / b.p95)).padStart(9)} ratio  goal ≤ 1.5`);
    } finally {
      await context.close();
    }
  },

  ...extraFigures({ N, quick, report, results }),
};

console.log(`${'figure'.padEnd(58)} ${'median'.padStart(9)} ${'p95'.padStart(9)} unit`);
for (const [key, run] of Object.entries(figures)) {
  if (only && !only.split(',').includes(key)) continue;
  try {
    await run();
  } catch (err) {
    console.error(`${key} failed: ${err.stack ?? err}`);
    results.push({ name: key, unit: 'error', median: null, p95: null, goal: String(err.message ?? err) });
    process.exitCode = 1;
  }
}
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results.map(({ name, unit, median, p95, goal }) => ({ name, unit, median, p95, goal })), null, 2)}\n`);
console.log(`\nWrote ${path.join(ROOT, 'bench/results.json')}`);
