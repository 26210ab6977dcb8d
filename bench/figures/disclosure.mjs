// Disclosure click → the recorded mark shown, during a live show on a 300-product deck: first
// with the sidebar alone, then with the studio open in another tab on its sessions view with the
// live show's timeline open (the studio hears of every recorded event), with a bare strict
// IndexedDB write alternating as a reference.
import { consoleWithBigDeck, goLive, launch, openExtensionWindow } from '../browser.mjs';
import { budget } from '../budgets.mjs';

/** Runs in the sidebar frame: clicks the first unrecorded item → recorded → the next frame. */
export async function clickOne() {
  const button = [...document.querySelectorAll('li.item button.mark')].find((b) => !b.disabled);
  if (!button) return NaN;
  const item = button.closest('li.item');
  const t0 = performance.now();
  button.click();
  await new Promise((resolve, reject) => {
    const done = () => {
      if (item.dataset.state === 'failed') reject(new Error('a disclosure failed to record'));
      else if (item.dataset.state === 'recorded') {
        observer.disconnect();
        resolve();
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(item, { attributes: true, subtree: true, childList: true });
    done();
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}

/** Runs in the service worker: one strict-durability write of an event-sized record, timed. */
async function bareWrite() {
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
}

export async function disclosureClick({ N, report }) {
  const browser = await launch();
  const { context, worker } = browser;
  try {
    const { frame } = await consoleWithBigDeck(browser);
    await goLive(frame);
    const series = async () => {
      const clicks = [];
      const bare = [];
      for (let i = 0; i < N * 2; i++) {
        const ms = await frame.evaluate(clickOne);
        if (!Number.isFinite(ms)) throw new Error('no unrecorded item to click');
        clicks.push(ms);
        bare.push(await worker.evaluate(bareWrite));
        // Move on every other click, so the next click has unmarked items.
        if (i % 2 === 1) await frame.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true })));
      }
      return { clicks, bare };
    };
    const alone = await series();
    // The studio's Sessions & logs section shows the live show; a producer opens its timeline to
    // follow it, in a window of its own (the console stays in front in its window).
    const studio = await openExtensionWindow(browser, 'studio.html#/sessions');
    await studio.locator('section.sessions-area tr[data-session-id] td.actions button[aria-expanded]').first().click({ timeout: 30_000 });
    await studio.locator('section.session-detail').waitFor({ timeout: 30_000 });
    const withStudio = await series();
    report('disclosure click → recorded mark shown (strict)', 'ms', alone.clicks, budget('p95', 33));
    report("disclosure click → recorded, studio open on the show's timeline", 'ms', withStudio.clicks, budget('p95', 33));
    report('  bare IndexedDB strict write (same run, reference)', 'ms', [...alone.bare, ...withStudio.bare], 'info');
  } finally {
    await context.close();
  }
}
