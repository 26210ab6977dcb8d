// Main-thread time the extension adds to loading a fixture console, against the floor of any
// docked sidebar: a content script that only puts an iframe of an extension page in a shadow root.
import { CONSOLE_URL, extensionWith, launch } from '../browser.mjs';
import { budget } from '../budgets.mjs';

/** The built extension with a content script that only docks an iframe of sidebar.html. */
function floorExtension() {
  return extensionWith({
    'content-scripts/console.js': `(() => {
  const host = document.createElement('upfront-dock');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL('/sidebar.html');
  frame.style.cssText = 'display:block;border:0;width:100%;height:100%';
  host.style.cssText = 'position:fixed;top:0;right:0;width:380px;height:100vh;z-index:2147483647';
  shadow.append(frame);
  document.documentElement.append(host);
})();
`,
  });
}

/**
 * The page's main-thread CPU time (CDP Performance.getMetrics ThreadTime, over navigation + 1.5 s)
 * in three browsers, loads alternating: without any extension, with the floor extension, with
 * Upfront. The budget is on Upfront minus the floor, load by load. Wall-clock task time
 * (TaskDuration) is shown but not judged: on two cores it mostly measures the sidebar's own
 * process and the browser competing for the CPU. Long tasks (≥ 50 ms) are counted from
 * DOMContentLoaded on, with and without Upfront.
 */
export async function mainThreadAdded({ N, report }) {
  const browsers = {
    without: await launch({ extension: false }),
    floor: await launch({ extensionDir: floorExtension() }),
    upfront: await launch({ extension: true }),
  };
  const rows = { without: [], floor: [], upfront: [] };
  async function load(context) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.benchLongTasks = [];
      new PerformanceObserver((list) => window.benchLongTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(CONSOLE_URL);
    await page.waitForTimeout(1500); // the window measured: the content script runs at document_idle, then mounts
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const long = await page.evaluate(() => {
      const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
      return Math.max(0, ...window.benchLongTasks.filter((t) => t.start >= dcl).map((t) => t.duration));
    });
    await page.close();
    return { thread: m.ThreadTime * 1000, task: m.TaskDuration * 1000, long };
  }
  try {
    for (let i = 0; i < N; i++) for (const k of Object.keys(rows)) rows[k].push(await load(browsers[k].context));
  } finally {
    for (const b of Object.values(browsers)) await b.context.close();
  }
  const minus = (k, base, key) => rows[k].map((r, i) => r[key] - rows[base][i][key]);
  report('main-thread CPU added to loading a console, minus the floor', 'ms', minus('upfront', 'floor', 'thread'), budget('median', 5));
  report('  CPU added, with Upfront (minus no extension)', 'ms', minus('upfront', 'without', 'thread'), 'info');
  report('  floor: a bare extension-page iframe (minus no extension)', 'ms', minus('floor', 'without', 'thread'), 'floor');
  report('  wall-clock task time added (CPU contention included)', 'ms', minus('upfront', 'without', 'task'), 'info');
  report('longest task after DOMContentLoaded, with Upfront', 'ms', rows.upfront.map((r) => r.long), budget('p95', 0));
  report('  the same without any extension (same run)', 'ms', rows.without.map((r) => r.long), 'baseline');
}
