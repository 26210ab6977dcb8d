import { expect, test } from '@playwright/test';
import { PLATFORMS } from '../../lib/platforms';
import { launch, sidebarFrame } from './harness';

test('the dock appears on every registered console and on no other site', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  // Sentinels: the worker notes each console.hello (which tab the consoles are in), and asks that
  // tab whether any content script listens there.
  await worker.evaluate(() => {
    const seen: { url: string; tabId: number }[] = [];
    (globalThis as unknown as { hellos: typeof seen }).hellos = seen;
    chrome.runtime.onMessage.addListener((message: { type?: string }, sender) => {
      if (message?.type === 'console.hello' && sender.url && sender.tab?.id !== undefined) seen.push({ url: sender.url, tabId: sender.tab.id });
    });
  });
  const hellos = () => worker.evaluate(() => (globalThis as unknown as { hellos: { url: string; tabId: number }[] }).hellos);
  // Chrome says "Receiving end does not exist" only when no script in the tab listens at all.
  const listening = (tabId: number) =>
    worker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, { type: 'probe' }).then(
          () => true,
          (err: Error) => !/Receiving end does not exist/.test(err.message),
        ),
      tabId,
    );
  try {
    const page = await context.newPage();
    for (const p of PLATFORMS) {
      await page.goto(p.example);
      await expect(page.locator('upfront-dock'), p.id).toHaveCount(1);
      const frame = await sidebarFrame(page, extensionId);
      await expect(frame.getByRole('heading', { name: 'Upfront' })).toBeVisible();
    }
    // Every console said hello from this one tab.
    await expect.poll(async () => (await hellos()).map((h) => h.url)).toEqual(PLATFORMS.map((p) => p.example));
    const tabId = (await hellos())[0].tabId;
    // Any other site: no content script listens there at all (asked once the page has loaded).
    // Twitch's console paths name the channel, so the script runs on all of dashboard.twitch.tv:
    // off the console it says hello instead of docking, and once it has, the page has no dock.
    for (const [url, runs] of [
      ['https://example.com/', false],
      ['https://shop.tiktok.com/', false],
      ['https://dashboard.twitch.tv/directory', true],
    ] as const) {
      await page.goto(url, { waitUntil: 'load' });
      if (runs) await expect.poll(async () => (await hellos()).map((h) => h.url), url).toContain(url);
      else expect(await listening(tabId), url).toBe(false);
      await expect(page.locator('upfront-dock'), url).toHaveCount(0);
    }
    // The probe can fail: on a console, a content script answers it.
    await page.goto(PLATFORMS[0].example);
    await expect(page.locator('upfront-dock')).toHaveCount(1);
    expect(await listening(tabId)).toBe(true);
  } finally {
    await context.close();
  }
});
