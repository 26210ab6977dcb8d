import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { verifyChain } from '../../lib/evidence/chain';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { CONSOLE, goLive, launch, readEvents, readStore, sidebarFrame, stopServiceWorker } from './harness';

function verifyAll(sessions: Session[], events: DisclosureEvent[]) {
  for (const s of sessions) {
    const own = events.filter((e) => e.sessionId === s.id).sort((a, b) => a.seq - b.seq);
    expect(verifyChain(s, own, s.head)).toBeNull();
  }
}

/** The browser's main process for a profile: the chromium process without --type=. */
function browserPid(profile: string): number {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended while we looked
    }
    if (args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='))) return Number(pid);
  }
  throw new Error(`no browser process for ${profile}`);
}

test('every acknowledged event survives the browser being killed (SIGKILL), and the chain verifies', async ({}, testInfo) => {
  const profile = testInfo.outputPath('profile');
  const first = await launch(profile);
  const page = await first.context.newPage();
  await page.goto(CONSOLE);
  const sidebar = await sidebarFrame(page, first.extensionId);
  await goLive(sidebar, 'Dee');
  const items = sidebar.locator('li.item');
  const count = Math.min(3, await items.count());
  for (let i = 0; i < count; i++) {
    await items.nth(i).getByRole('button', { name: /Mark said/ }).click();
    await expect(items.nth(i).getByRole('button', { name: /recorded/i })).toBeVisible();
  }
  // Kill the moment the last acknowledgement is on screen: no clean shutdown, no flush.
  process.kill(browserPid(profile), 'SIGKILL');
  await first.context.close().catch(() => undefined);

  const second = await launch(profile);
  try {
    const events = await readEvents<DisclosureEvent>(second.worker);
    const sessions = await readStore<Session>(second.worker, 'sessions');
    expect(events).toHaveLength(count);
    expect(sessions).toHaveLength(1);
    verifyAll(sessions, events);
  } finally {
    await second.context.close();
  }
});

test('a service worker stopped mid-session loses nothing and the sidebar reconnects within a second', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Eli');
    const items = sidebar.locator('li.item');
    await items.nth(0).getByRole('button', { name: /Mark said/ }).click();
    await expect(items.nth(0).getByRole('button', { name: /recorded/i })).toBeVisible();

    await stopServiceWorker(context, extensionId);
    // The next click wakes the worker; it is recorded, in sequence, on the same chain.
    await items.nth(1).getByRole('button', { name: /Mark said/ }).click();
    await expect(items.nth(1).getByRole('button', { name: /recorded/i })).toBeVisible();

    // Pushes (forwarded hotkeys) flow again within a second of the worker stopping.
    await stopServiceWorker(context, extensionId);
    await page.waitForTimeout(1000);
    await page.locator('h1, strong').first().click();
    await page.keyboard.press('?');
    await expect(sidebar.getByRole('dialog')).toBeVisible({ timeout: 1000 });

    const [w] = context.serviceWorkers();
    const events = await readEvents<DisclosureEvent>(w ?? worker);
    expect(events.map((e) => e.seq).sort()).toEqual([1, 2]);
    verifyAll(await readStore<Session>(w ?? worker, 'sessions'), events);
  } finally {
    await context.close();
  }
});
