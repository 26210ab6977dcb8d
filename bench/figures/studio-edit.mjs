// A studio edit of the card on screen → the open sidebar shows it, on the photo deck. A producer
// types in the studio's card editor (another window); the editor saves after a pause in typing and
// shows "Saving…"; the clock runs from that moment (the save request leaving the studio) to the
// sidebar's next frame with the new name painted. Each end is read on its own process's clock,
// with each clock's offset to this script's measured after every sample.
import { clockSkew, launch, openExtensionWindow } from '../browser.mjs';
import { budget } from '../budgets.mjs';
import { consoleWithPhotoDeck } from './photos.mjs';

export async function studioEdit({ N, smoke, report, log }) {
  const browser = await launch();
  const { context } = browser;
  try {
    const { frame, cards } = await consoleWithPhotoDeck(browser, { count: smoke ? 12 : 300, log });
    const card = cards[0];
    // In a window of its own, as a producer has the studio beside the show: a tab over the console
    // hides it, and Chromium then paints the hidden sidebar up to a second late.
    const studio = await openExtensionWindow(browser, `studio.html#/card/${encodeURIComponent(card.id)}`);
    const name = studio.locator('#section-name input[lang="en"]');
    await name.waitFor();
    await studio.evaluate(() => {
      // The moment the editor shows "Saving…" after the armed edit: its save request has left.
      new MutationObserver(() => {
        if (window.benchArmed && !window.benchSaving && document.querySelector('.save-state.save-saving')) window.benchSaving = performance.timeOrigin + performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      document.addEventListener('input', (e) => window.benchArmed && (window.benchTyped = performance.timeOrigin + e.timeStamp), true);
    });
    const visible = [];
    const typed = [];
    for (let i = 0; i < Math.max(2, N); i++) {
      const before = await name.inputValue();
      const expected = i % 2 ? before.slice(0, -2) : `${before} ✎`;
      await frame.evaluate((expected) => {
        window.benchShown = new Promise((resolve) => {
          const check = () => {
            if (document.querySelector('.card-title')?.textContent !== expected) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()), 0));
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          check();
        });
      }, expected);
      await studio.evaluate(() => Object.assign(window, { benchArmed: true, benchSaving: undefined, benchTyped: undefined }));
      await name.focus();
      await name.press('End');
      if (i % 2) {
        await name.press('Backspace');
        await name.press('Backspace');
      }
      else await name.pressSequentially(' ✎');
      const shown = await frame.evaluate(() => Promise.race([window.benchShown, new Promise((r) => setTimeout(() => r(null), 30_000))]));
      if (shown === null) throw new Error(`the sidebar never showed the edited name "${expected}"`);
      const { benchSaving, benchTyped } = await studio.evaluate(() => ({ benchSaving: window.benchSaving, benchTyped: window.benchTyped }));
      if (benchSaving === undefined) throw new Error('the studio never showed that it was saving');
      const [there, here] = [await clockSkew(frame), await clockSkew(studio)];
      visible.push(shown - there.skew - (benchSaving - here.skew));
      typed.push(shown - there.skew - (benchTyped - here.skew));
      log(`  edit ${i + 1}: save → shown ${Math.round(visible.at(-1))} ms (clock offsets ${Math.round(there.skew)} / ${Math.round(here.skew)} ms)`);
      await studio.evaluate(() => (window.benchArmed = false));
      await studio.locator('.save-state.save-saved').waitFor({ timeout: 30_000 });
    }
    report('photo deck: studio edit saved → shown in the open sidebar', 'ms', visible, budget('p95', 100));
    report("  last keystroke → shown (with the editor's pause before saving)", 'ms', typed, 'info');
  } finally {
    await context.close();
  }
}
