// Memory of the sidebar frame through a simulated 3-hour show on the photo deck (300 products,
// a photo each): 2,000 disclosures recorded by clicking each item's "Mark said" and moving on
// card by card, as fast as the sidebar takes them. Time is compressed: minutes, not hours; the
// events, card switches and photos shown are what a 3-hour show makes, but nothing that runs on
// a timer (the live clock, the background's sweeps) runs for 3 hours. The frame's JS heap is
// measured after a full garbage collection at the start and after each "hour" (a third of the
// events).
import { goLive, heapAfterGcMB, launch } from '../browser.mjs';
import { budget } from '../budgets.mjs';
import { consoleWithPhotoDeck } from './photos.mjs';

export async function longShow({ smoke, report, log }) {
  const events = smoke ? 80 : 2000;
  const browser = await launch();
  const { context, worker } = browser;
  try {
    // Seven or eight items per card: 300 cards hold a 3-hour show.
    const { frame } = await consoleWithPhotoDeck(browser, { count: smoke ? 12 : 300, log });
    await goLive(frame);
    const cdp = await context.newCDPSession(frame);
    const heap = [await heapAfterGcMB(cdp)];
    // The floor under "no growth": two readings with nothing done between them but a card switch there and back.
    await frame.evaluate(async () => {
      for (const key of ['j', 'k']) {
        const title = document.querySelector('.card-title')?.textContent;
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        for (let i = 0; i < 400 && document.querySelector('.card-title')?.textContent === title; i++) await new Promise((r) => setTimeout(r, 5));
      }
    });
    const still = (await heapAfterGcMB(cdp)) - heap[0];
    // DOM nodes and listeners too: a leak there would not show in the JS heap alone.
    const dom = async () => (await cdp.send('Memory.getDOMCounters')).nodes;
    const nodes = [await dom()];
    const t0 = performance.now();
    let recorded = 0;
    for (const hour of [1, 2, 3]) {
      const target = Math.round((events * hour) / 3);
      while (recorded < target) {
        recorded += await frame.evaluate(recordSome, Math.min(100, target - recorded));
      }
      heap.push(await heapAfterGcMB(cdp));
      nodes.push(await dom());
      log(`  hour ${hour}: ${recorded} events, frame heap ${heap.at(-1).toFixed(1)} MB, ${nodes.at(-1)} DOM nodes (${Math.round((performance.now() - t0) / 1000)} s)`);
    }
    const inLog = await worker.evaluate(async () => {
      const db = await new Promise((resolve) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
      });
      return new Promise((resolve) => {
        const r = db.transaction('events').objectStore('events').count();
        r.onsuccess = () => resolve(r.result);
      });
    });
    if (inLog < events) throw new Error(`only ${inLog} events in the log`);
    log(`  heap after GC at the start and each hour: ${heap.map((h) => h.toFixed(2)).join(', ')} MB; DOM nodes ${nodes.join(', ')}`);
    report(`photo deck: sidebar JS heap after a 3-hour show (${events} events)`, 'MB', [heap[3]], budget('median', 40));
    report('  growth after the first hour (hour 1 → hour 3)', 'MB', [heap[3] - heap[1]], budget('median', 0.5));
    report('  floor: two readings with nothing recorded between them', 'MB', [still], 'floor');
    report('  DOM nodes added after the first hour', 'nodes', [nodes[3] - nodes[1]], 'info');
  } finally {
    await context.close();
  }
}

/** Runs in the sidebar frame: marks up to `n` items said, one at a time, moving on when a card is done. */
async function recordSome(n) {
  let done = 0;
  let idle = 0;
  while (done < n) {
    const button = [...document.querySelectorAll('li.item button.mark')].find((b) => !b.disabled);
    if (!button) {
      const title = document.querySelector('.card-title')?.textContent;
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      for (let i = 0; i < 100 && document.querySelector('.card-title')?.textContent === title; i++) await new Promise((r) => setTimeout(r, 5));
      if (++idle > 3) throw new Error('no more items to mark: the deck is too small for the show');
      continue;
    }
    idle = 0;
    const item = button.closest('li.item');
    button.click();
    for (let i = 0; i < 1000 && item.isConnected && item.dataset.state !== 'recorded'; i++) {
      if (item.dataset.state === 'failed') throw new Error('a disclosure failed to record');
      await new Promise((r) => setTimeout(r, 2));
    }
    done++;
  }
  return done;
}
