import { expect, test } from '@playwright/test';
import { CONSOLE, launch, sidebarFrame } from './harness';

// Start-up order (docs/architecture.md): on a slow start the dock opens the sidebar without
// waiting for its console's hello, and the sidebar's first request can reach the background
// before the console tab is registered. Here that ordering is made certain: the tab registry is
// emptied (as if the hello had not landed yet) and only the sidebar frame is reloaded, so its
// first request arrives with no registration and no hello behind it.
test('a sidebar whose first request reaches the background before its console registered still shows Go live', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    const tabId = await worker.evaluate(async () => Object.keys(((await chrome.storage.session.get('tabs')) as { tabs: object }).tabs).map(Number)[0]);

    await worker.evaluate(() => chrome.storage.session.remove('tabs'));
    const reloaded = page.waitForEvent('framenavigated', (f) => f === sidebar);
    await sidebar.evaluate(() => location.reload());
    await reloaded;

    await expect(sidebar.getByText('Console: TikTok Shop LIVE Manager · shop.tiktok.com')).toBeVisible();
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    await expect(sidebar.getByText(/Open a livestream console/)).toHaveCount(0);
    // The sidebar's own request registered its tab: the content script sent no hello meanwhile.
    const tabs = await worker.evaluate(async () => ((await chrome.storage.session.get('tabs')) as { tabs: Record<string, { origin: string }> }).tabs);
    expect(tabs[tabId]).toMatchObject({ origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' });

    // And Go live binds the show to that tab.
    await sidebar.getByLabel('Host name').fill('Lina');
    await sidebar.getByRole('button', { name: 'Go live' }).press('Enter');
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
  } finally {
    await context.close();
  }
});
