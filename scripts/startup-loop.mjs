// Fresh-profile start-ups in a loop, under CPU load: does the docked sidebar on the demo console
// come up with Go live every time? Each start: a new profile, the built extension, the console
// opened, and the sidebar watched until it shows Go live, "Open a livestream console", an error,
// or nothing within the deadline. Prints one line per start and a count at the end.
//
//   node scripts/startup-loop.mjs [--starts=30] [--load=2] [--deadline=30000] [--out=file.json]
//
// --load runs that many busy-loop child processes for the loop's duration (ended at the end);
// --pin=N puts Chromium and the busy loops on CPU N alone (taskset), a heavily loaded machine.
// Performance marks are collected from the service worker (upfront:bg:start, upfront:bg:ready),
// the console page and the sidebar frame (upfront:script, upfront:data, …), with their times
// from the console's navigation, so a start that stops can be placed (docs/architecture.md,
// start-up order). A build with finer marks of its own has them listed too.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

if (process.argv[2] === '--busy') {
  for (;;) Math.sqrt(Math.random());
}

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
const starts = arg('starts', 30);
const load = arg('load', 2);
const deadline = arg('deadline', 30_000);
const pin = process.argv.find((a) => a.startsWith('--pin='))?.slice(6);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = path.join(root, process.env.UPFRONT_OUT_DIR ?? '.output', 'chrome-mv3');
const CONSOLE = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const consoleHtml = readFileSync(path.join(root, 'tests/fixtures/console.html'), 'utf8');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let executablePath = chromiumPath;
if (pin !== undefined) {
  executablePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'upfront-pin-')), 'chromium');
  writeFileSync(executablePath, `#!/bin/sh\nexec taskset -c ${pin} ${chromiumPath} "$@"\n`, { mode: 0o755 });
}
const busy = Array.from({ length: load }, () =>
  pin === undefined ? fork(fileURLToPath(import.meta.url), ['--busy'], { stdio: 'ignore' }) : spawn('taskset', ['-c', pin, process.execPath, fileURLToPath(import.meta.url), '--busy'], { stdio: 'ignore' }),
);
const stopLoad = () => busy.forEach((c) => c.kill('SIGKILL'));
process.on('exit', stopLoad);
process.on('SIGINT', () => process.exit(130));

const marks = () =>
  performance.getEntriesByType('mark').map((m) => [m.name, Math.round(performance.timeOrigin + m.startTime)]);

async function once(i) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'upfront-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    viewport: { width: 1600, height: 900 },
  });
  const result = { i, outcome: 'hang', ms: 0, marks: [] };
  try {
    await context.route(
      (url) => url.protocol === 'https:' || url.protocol === 'http:',
      (route) => (route.request().resourceType() === 'document' ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: consoleHtml }) : route.abort()),
    );
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(CONSOLE);
    let frame;
    while (Date.now() - t0 < deadline) {
      frame ??= page.frames().find((f) => f.url().includes('/sidebar.html'));
      if (frame) {
        const seen = await frame
          .evaluate(() => {
            const text = document.body?.innerText ?? '';
            if ([...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Go live')) return 'go-live';
            if (/Open a livestream console/.test(text)) return 'no-console';
            if (document.querySelector('[role=alert].error-panel')) return `error: ${text.slice(0, 120)}`;
            return undefined;
          })
          .catch(() => undefined);
        if (seen) {
          result.outcome = seen;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    result.ms = Date.now() - t0;
    const worker = context.serviceWorkers()[0];
    const all = [
      ...(worker ? await worker.evaluate(marks).catch(() => []) : []),
      ...(await page.evaluate(marks).catch(() => [])),
      ...(frame ? await frame.evaluate(marks).catch(() => []) : []),
    ].sort((a, b) => a[1] - b[1]);
    result.marks = all.map(([name, at]) => [name, at - t0]);
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
  return result;
}

const results = [];
try {
  for (let i = 1; i <= starts; i++) {
    const r = await once(i);
    results.push(r);
    const trail = r.marks.filter(([n]) => !n.startsWith('sb:send:image') && !n.startsWith('sb:reply:image')).map(([n, t]) => `${n}@${t}`).join(' ');
    console.log(`${i}\t${r.outcome}\t${r.ms} ms\t${r.outcome === 'go-live' ? '' : trail}`);
    if (process.env.VERBOSE) console.log(`   ${trail}`);
  }
} finally {
  stopLoad();
}
const count = (o) => results.filter((r) => r.outcome === o).length;
console.log(`starts ${results.length}: go-live ${count('go-live')}, no-console ${count('no-console')}, hang ${count('hang')}, error ${results.filter((r) => r.outcome.startsWith('error')).length}`);
if (out) writeFileSync(out, JSON.stringify(results, null, 1));
