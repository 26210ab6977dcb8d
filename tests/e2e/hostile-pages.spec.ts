import { expect, test } from '@playwright/test';
import { CONSOLE, goLive, launch, readEvents, readStore, serveAt, sidebarFrame } from './harness';

test('a strict CSP, frame-hiding CSS, a huge root font and a covering layer do not stop the sidebar', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    await serveAt(context, CONSOLE, 'hostile/restyle.html', { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    const box = await page.locator('upfront-dock').boundingBox();
    expect(box).toMatchObject({ width: 380, height: 900 });
    // The topmost element where the sidebar is drawn is the dock, not the page's cover.
    const top = await page.evaluate(() => document.elementFromPoint(1500, 450)?.tagName);
    expect(top).toBe('UPFRONT-DOCK');
    await page.screenshot({ path: testInfo.outputPath('restyled.png') });

    await goLive(sidebar, 'Ana');
    const item = sidebar.locator('li.item').first();
    await item.getByRole('button', { name: /Mark said/ }).click();
    await expect(item.getByRole('button', { name: /recorded/i })).toBeVisible();
    expect(await readEvents(worker)).toHaveLength(1);
    // The sidebar's own type size is not the page's 40px.
    const fontSize = await sidebar.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(fontSize).toBe('16px');
  } finally {
    await context.close();
  }
});

test('a page that removes the dock, swaps its body or wipes <html> gets the sidebar back, and the session goes on', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    await serveAt(context, CONSOLE, 'hostile/rebuild.html');
    const page = await context.newPage();
    await page.goto(CONSOLE);
    let before = await sidebarFrame(page, extensionId);
    await goLive(before, 'Bo');

    // The dock lives outside <body>, so a swapped body leaves its frame as it was; taken off the
    // page, the frame is gone for good and the dock put back loads a new one.
    for (const [attack, replaced] of [['removeDock', true], ['swapBody', false], ['wipeHtml', true]] as const) {
      await page.evaluate((fn) => (window as unknown as Record<string, () => void>)[fn](), attack);
      await expect(page.locator('upfront-dock'), attack).toHaveCount(1);
      if (replaced) await expect.poll(() => before.isDetached(), attack).toBe(true);
      else expect(before.isDetached(), attack).toBe(false);
      const sidebar = await sidebarFrame(page, extensionId);
      before = sidebar;
      await expect(sidebar.getByText(/Live · Bo/), attack).toBeVisible();
    }
    const sidebar = await sidebarFrame(page, extensionId);
    const item = sidebar.locator('li.item').first();
    await item.getByRole('button', { name: /Mark said/ }).click();
    await expect(item.getByRole('button', { name: /recorded/i })).toBeVisible();
    const sessions = await readStore<{ lastSeq: number; endedAt?: number }>(worker, 'sessions');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ lastSeq: 1 });
    expect(sessions[0].endedAt).toBeUndefined();
  } finally {
    await context.close();
  }
});

test('synthetic keys, forged postMessage traffic and URL probes record, change and reveal nothing', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    await serveAt(context, CONSOLE, 'hostile/forge.html');
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Cy');
    const before = await sidebar.locator('.card-title').textContent();

    await page.evaluate(() => (window as unknown as { forgeKeys: () => void }).forgeKeys());
    const [session] = await readStore<{ id: string }>(worker, 'sessions');
    await page.evaluate(
      (payload) => (window as unknown as { forgeMessages: (p: unknown) => void }).forgeMessages(payload),
      { type: 'event.record', payload: { id: 'forged', sessionId: session.id, cardId: 'demo-card-hoodie', item: { kind: 'size', id: 'size' }, language: 'en', action: 'said' } },
    );
    // Sentinel: one real disclosure after the forgeries, through the sidebar; once it is
    // recorded, the log holds exactly it, on the card the forged J/K did not move.
    const items = sidebar.locator('li.item');
    await items.first().getByRole('button', { name: /Mark said/ }).click();
    await expect(items.first().getByRole('button', { name: /recorded/i })).toBeVisible();
    const afterForgery = await readEvents<{ id: string; cardId: string }>(worker);
    expect(afterForgery).toHaveLength(1);
    expect(afterForgery[0].id).not.toBe('forged');
    await expect(sidebar.locator('.card-title')).toHaveText(before!);
    await expect(sidebar.getByRole('dialog')).toHaveCount(0);

    const probe = await page.evaluate((id) => (window as unknown as { probe: (id: string) => Promise<unknown> }).probe(id), extensionId);
    // A frame inside a closed shadow root is not even listed in window.frames.
    expect(probe).toEqual({ fetch: 'blocked', manifest: 'blocked', frames: 0, frameHref: undefined, dockChildren: 'closed' });

    // A real key press on the page (trusted) is forwarded: the forwarder works, it just ignores forgeries.
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await expect(sidebar.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sidebar.getByRole('dialog')).toHaveCount(0);
    // Typing into the console's own chat field is never taken as a hotkey: "3" then "m" there
    // would mark the third item said. Sentinel: the same two keys pressed on the page itself
    // (which go the same way, in order) mark the second; then the log holds exactly the two.
    await page.locator('#chat').fill('');
    await page.locator('#chat').press('3');
    await page.locator('#chat').press('m');
    await page.locator('h1').click();
    await page.keyboard.press('2');
    await page.keyboard.press('m');
    await expect(items.nth(1).getByRole('button', { name: /recorded/i })).toBeVisible();
    expect(await readEvents(worker)).toHaveLength(2);
    await expect(items.nth(2).getByRole('button', { name: /Mark said/ })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a decoy layer over the sidebar or a near-transparent page stops recording, and says why', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    await serveAt(context, CONSOLE, 'hostile/clickjack.html');
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Gus');
    const items = sidebar.locator('li.item');
    const alert = sidebar.locator('.obscured');

    // Covered by a click-through decoy: the click reaches the sidebar, but nothing is recorded.
    await page.evaluate(() => (window as unknown as { coverWithDecoy: () => void }).coverWithDecoy());
    await expect(alert).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('decoy.png') });
    const box = await items.first().getByRole('button', { name: /Mark said/ }).boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);

    // Visible again: recording resumes. Sentinel: this real click on the same item is the one
    // disclosure in the log (had the covered click counted, the item would already be marked).
    await page.evaluate(() => (window as unknown as { removeDecoy: () => void }).removeDecoy());
    await expect(alert).toHaveCount(0);
    await items.first().getByRole('button', { name: /Mark said/ }).click();
    await expect(items.first().getByRole('button', { name: /recorded/i })).toBeVisible();
    expect(await readEvents(worker)).toHaveLength(1);

    // Fading the page does not fade the dock (it is in the top layer), and restyling the dock's
    // own element is undone at once: the sidebar stays opaque, so recording goes on.
    await page.evaluate(() => {
      document.documentElement.style.opacity = '0.05';
      const dock = document.querySelector('upfront-dock') as HTMLElement;
      dock.style.setProperty('opacity', '0.05', 'important');
      dock.setAttribute('inert', '');
    });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('upfront-dock')!).opacity)).toBe('1');
    await expect.poll(() => page.evaluate(() => document.querySelector('upfront-dock')!.hasAttribute('inert'))).toBe(false);
    await page.screenshot({ path: testInfo.outputPath('faded-page.png') });
    await expect(alert).toHaveCount(0);
    await items.nth(1).getByRole('button', { name: /Mark said/ }).click();
    await expect(items.nth(1).getByRole('button', { name: /recorded/i })).toBeVisible();
    expect(await readEvents(worker)).toHaveLength(2);
  } finally {
    await context.close();
  }
});
