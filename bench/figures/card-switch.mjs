// Card switch on a 300-product deck: input → the next frame painted, judged against the smallest
// visible change in the same sidebar ("one word"), measured sample by sample in the same run.
import { clockSkew, consoleWithBigDeck, launch } from '../browser.mjs';
import { budget } from '../budgets.mjs';

/**
 * By a click on a run-sheet row in view and by a key pressed in the sidebar, then by a key pressed
 * on the console page (forwarded through the background, as during a show). Every input starts at
 * a random moment of the display's 16.7 ms frame, so each sample includes the wait for the next
 * frame (0–16.7 ms). "Work" is the switch's own main-thread time (handler and render, then the
 * frame's style, layout, paint). Alternating with the switches, sample by sample, two floors in
 * the same sidebar through the same input → next frame: one attribute changed (the wait alone,
 * nothing to paint) and one word changed (the smallest visible change). The budgets are on each
 * switch's p95 minus the word floor's p95.
 */
export async function cardSwitch({ N, report, difference }) {
  const browser = await launch();
  try {
    const { page, frame } = await consoleWithBigDeck(browser);
    // One sample per call, measured inside the sidebar: the input's change → the next frame.
    await frame.evaluate(() => {
      // Resolves after the next frame's rendering steps: [rAF time, time after paint].
      const frameTimes = () =>
        new Promise((r) => {
          requestAnimationFrame(() => {
            const start = performance.now();
            setTimeout(() => r([start, performance.now()]), 0);
          });
        });
      // prepare() picks the input before the clock starts and returns it with a check of its effect.
      window.benchSample = async (prepare) => {
        const { input, changed } = prepare();
        // Inputs come at any moment of the display's frame: start each at a random one.
        await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, Math.random() * 16.7));
        const t0 = performance.now();
        input();
        await Promise.resolve(); // React renders the switch in a microtask
        const committed = performance.now();
        const [frameStart, painted] = await frameTimes();
        return changed() ? { total: painted - t0, work: committed - t0 + (painted - frameStart) } : null;
      };
      const word = document.createElement('span');
      word.id = 'bench-word';
      word.textContent = 'word';
      document.querySelector('header.bar').prepend(word);
    });
    const attributeFloor = [];
    const wordFloor = [];
    const switches = {};
    const works = {};
    for (const via of ['click', 'key']) {
      const total = (switches[via] = []);
      const work = (works[via] = []);
      for (let i = 0; i < N * 5; i++) {
        const sample = await frame.evaluate(
          ({ via, i }) =>
            window.benchSample(() => {
              const title = () => document.querySelector('.card-title')?.textContent;
              const before = title();
              const changed = () => title() !== before;
              if (via === 'key') return { input: () => document.dispatchEvent(new KeyboardEvent('keydown', { key: i % 2 ? 'k' : 'j', bubbles: true })), changed };
              // A pointer can only click a row it sees: one in the list's view, not the current.
              const list = document.querySelector('.run-sheet ol').getBoundingClientRect();
              const rows = [...document.querySelectorAll('.run-sheet .run-row:not(.current)')].filter((b) => {
                const r = b.getBoundingClientRect();
                return r.top >= list.top && r.bottom <= list.bottom;
              });
              return { input: () => rows[i % rows.length]?.click(), changed };
            }),
          { via, i },
        );
        if (sample) {
          total.push(sample.total);
          work.push(sample.work);
        }
        const attribute = await frame.evaluate(() => window.benchSample(() => ({ input: () => document.body.toggleAttribute('data-bench'), changed: () => true })));
        attributeFloor.push(attribute.total);
        const word = await frame.evaluate((i) => window.benchSample(() => ({ input: () => (document.getElementById('bench-word').textContent = `word ${i}`), changed: () => true })), i);
        wordFloor.push(word.total);
      }
      if (total.length < N * 4) throw new Error(`only ${total.length} of ${N * 5} card switches by ${via} changed the card`);
    }
    // A key pressed on the console page: content script → background → sidebar port. Timed from
    // the key event's own time stamp on the page to the frame's paint, each on its own process's
    // clock, with the offset of each clock to this script's measured after every sample.
    const forwarded = [];
    await page.bringToFront();
    await page.evaluate(() => window.addEventListener('keydown', (e) => (window.benchKeyAt = performance.timeOrigin + e.timeStamp), true));
    for (let i = 0; i < N * 3; i++) {
      await frame.evaluate(() => {
        const before = document.querySelector('.card-title')?.textContent;
        window.benchSwitched = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector('.card-title')?.textContent === before) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()), 0));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      });
      await page.waitForTimeout(Math.random() * 17); // a random moment of the display's frame
      await page.keyboard.press(i % 2 ? 'k' : 'j');
      const switched = await frame.evaluate(() => window.benchSwitched);
      const keyAt = await page.evaluate(() => window.benchKeyAt);
      const [there, here] = [await clockSkew(frame), await clockSkew(page)];
      forwarded.push(switched - there.skew - (keyAt - here.skew));
    }
    report('floor: one attribute changed in the sidebar → next frame', 'ms', attributeFloor, 'floor');
    report('floor: one word changed in the sidebar → next frame', 'ms', wordFloor, 'floor');
    const shown = { click: 'click on a run-sheet row', key: 'J/K in the sidebar' };
    for (const via of ['click', 'key']) {
      difference(`card switch by ${shown[via]} minus the word floor`, 'ms', switches[via], wordFloor, budget('p95', 1));
      report(`  card switch by ${shown[via]}, 300 products (→ next frame)`, 'ms', switches[via], 'info');
      report(`  its main-thread work (handler, render, style, layout, paint), ${via}`, 'ms', works[via], budget('p95', 16.7));
    }
    difference('card switch by J/K on the console page minus the word floor', 'ms', forwarded, wordFloor, budget('p95', 1));
    report('  card switch by J/K on the console page (→ next frame)', 'ms', forwarded, 'info');
  } finally {
    await browser.context.close();
  }
}
