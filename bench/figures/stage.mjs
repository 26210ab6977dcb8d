// Host key → stage painted (issue 18): a key pressed in the sidebar (O on, L, O off, J/K) → the
// stage window's next frame painted with what the key put there. Judged against a floor measured
// in the same run, alternating sample by sample: the same trip with Upfront's work taken out (the
// sidebar posts one word on a port, the service worker relays it on a port to the stage window,
// which shows it: the smallest visible change one process's key can make in another's window).
import { bigDeck, clockSkew, consoleWithDeck, goLive, launch, readStore } from '../browser.mjs';
import { budget } from '../budgets.mjs';

/** bigDeck(n) in two languages, so L changes what the stage shows. */
function twoLanguageDeck(n) {
  const { cards, deck } = bigDeck(n);
  for (const [i, c] of cards.entries()) {
    c.name.es = `Producto de prueba ${i}`;
    for (const caveat of c.caveats) caveat.text.es = `No apto para exteriores (${i})`;
  }
  return { cards, deck: { ...deck, languages: ['en', 'es'] } };
}

/** What the stage window shows, as one string: any change to it is what a key made visible. */
function installStageProbe() {
  const word = document.createElement('span');
  word.id = 'bench-word';
  word.textContent = 'word';
  word.style.cssText = 'position:fixed;top:0;left:0;font:16px sans-serif;color:#000;background:#fff';
  document.body.append(word);
  const seen = () => {
    const main = document.querySelector('main.stage');
    const name = main?.querySelector('.stage-name');
    return [main?.dataset.stage, main?.querySelector('.stage-panel')?.dataset.item ?? '', name?.lang ?? '', name?.textContent ?? '', word.textContent].join('|');
  };
  window.benchSeen = seen;
  // Armed before each input: resolves with the time of the first frame painted after what the
  // stage shows changed (rAF, then a task after the frame's rendering), and what it then showed.
  window.benchArm = () => {
    const before = seen();
    window.benchPainted = new Promise((resolve) => {
      const check = () => {
        const now = seen();
        if (now === before) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve({ at: performance.timeOrigin + performance.now(), seen: now }), 0));
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  };
  // The floor's receiving end: a port from the service worker's relay; one word shown.
  const port = chrome.runtime.connect({ name: 'bench-floor-stage' });
  port.onMessage.addListener((m) => (word.textContent = m.word));
}

/** In the sidebar frame: an input at a random moment of the display's frame; answers when it was given. */
function installSidebarProbe() {
  const port = chrome.runtime.connect({ name: 'bench-floor-key' });
  const randomMoment = async () => {
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, Math.random() * 16.7));
  };
  window.benchKey = async (key) => {
    await randomMoment();
    const at = performance.timeOrigin + performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    return at;
  };
  window.benchFloor = async (word) => {
    await randomMoment();
    const at = performance.timeOrigin + performance.now();
    port.postMessage({ word });
    return at;
  };
}

/** In the service worker: the floor's relay, a port in and a port out, nothing else. */
function installRelay() {
  let out;
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name === 'bench-floor-stage') out = port;
    if (port.name === 'bench-floor-key') port.onMessage.addListener((m) => out?.postMessage(m));
  });
}

/** The keys of one round, and what the stage must show after each (checked, so a broken flow fails). */
const ROUND = [
  { key: 'o', label: 'O (item on)', expect: (s) => s.split('|')[1] !== '' },
  { key: 'l', label: 'L (viewer language)', expect: (s, before) => s.split('|')[2] !== before.split('|')[2] },
  { key: 'o', label: 'O (item off)', expect: (s) => s.split('|')[1] === '' },
  { key: 'j', label: 'J/K (next product)', expect: (s, before) => s.split('|')[3] !== before.split('|')[3] },
];

export async function stageKey({ N, smoke, report, difference, log }) {
  const browser = await launch();
  const { context, worker } = browser;
  try {
    await worker.evaluate(installRelay);
    const { frame } = await consoleWithDeck(browser, twoLanguageDeck(smoke ? 10 : 60));
    await goLive(frame);
    await frame.evaluate(installSidebarProbe);
    // V opens the stage window (a popup of its own), with the product's name on it.
    const [stage] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().includes('/stage.html'), timeout: 30_000 }),
      frame.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'v', bubbles: true }))),
    ]);
    await stage.locator('main.stage[data-stage="on"] .stage-name').waitFor({ timeout: 30_000 });
    await stage.evaluate(installStageProbe);

    /** Arms the stage, gives the input in the sidebar, answers input → painted (ms) and what was shown. */
    const sample = async (input) => {
      await stage.evaluate(() => window.benchArm());
      const given = await input();
      const painted = await stage.evaluate(() => Promise.race([window.benchPainted, new Promise((r) => setTimeout(() => r(null), 15_000))]));
      if (!painted) throw new Error('the stage window never changed after the input');
      const [there, here] = [await clockSkew(stage), await clockSkew(frame)];
      return { ms: painted.at - there.skew - (given - here.skew), seen: painted.seen };
    };
    const shown = () => stage.evaluate(() => window.benchSeen());

    const floor = [];
    const keys = [];
    const byKey = new Map(ROUND.map((r) => [r.label, []]));
    const rounds = smoke ? 1 : N * 2;
    for (let round = 0; round < rounds; round++) {
      // Every other round puts the drawing to scale on stage instead of the caveat.
      if (round % 2) await frame.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true })));
      for (const step of ROUND) {
        const word = `word ${round} ${step.key}`;
        const f = await sample(() => frame.evaluate((w) => window.benchFloor(w), word));
        if (!f.seen.endsWith(`|${word}`)) throw new Error(`the floor's word never reached the stage (${f.seen})`);
        floor.push(f.ms);
        const before = await shown();
        const key = step.key === 'j' && round % 2 ? 'k' : step.key;
        const s = await sample(() => frame.evaluate((k) => window.benchKey(k), key));
        // The first change painted is what the key put there, not a step on the way.
        if (!step.expect(s.seen, before)) throw new Error(`after ${step.label} the stage showed "${s.seen}" (before: "${before}")`);
        keys.push(s.ms);
        byKey.get(step.label).push(s.ms);
        log(`  round ${round + 1} ${step.label}: ${s.ms.toFixed(1)} ms (floor ${f.ms.toFixed(1)} ms)`);
        // The sidebar has its answer (the O button is enabled again) before the next input.
        await frame.locator('.stage-bar button[aria-keyshortcuts="O"]:not([disabled])').waitFor();
      }
    }
    // The log holds what the keys did: per round, O on and L are each a showing.
    const events = (await readStore(worker, 'events')).filter((e) => e.stage);
    const showings = events.filter((e) => e.action === 'shown').length;
    if (showings !== rounds * 2) throw new Error(`the log holds ${showings} stage showings, expected ${rounds * 2}`);
    report('floor: one word sidebar → service worker → stage window, → painted', 'ms', floor, 'floor');
    difference('host key → stage painted, minus the floor', 'ms', keys, floor, budget('p95', 16.7));
    report('  host key → stage painted (O, L, O, J/K)', 'ms', keys, 'info');
    for (const [label, samples] of byKey) report(`    ${label}`, 'ms', samples, 'info');
  } finally {
    await context.close();
  }
}
