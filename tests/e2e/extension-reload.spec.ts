import { expect, test } from '@playwright/test';
import { goLive, launch, readEvents, reloadExtension, sidebarFrame } from './harness';

const URL_ = 'https://channels.weixin.qq.com/platform/live/liveBuild';

test('an extension reload mid-session brings the sidebar back on the open console and keeps the log', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(URL_);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Fay');
    const item = sidebar.locator('li.item').first();
    await item.getByRole('button', { name: /Mark said/ }).click();
    await expect(item.getByRole('button', { name: /recorded/i })).toBeVisible();

    const oldFrame = sidebar;
    await reloadExtension(context, extensionId);
    // The old frame dies with the old extension context.
    await expect.poll(() => oldFrame.isDetached(), { timeout: 10_000 }).toBe(true);

    // The background injects a fresh content script; exactly one dock, with a live frame.
    await expect.poll(async () => page.locator('upfront-dock').count(), { timeout: 10_000 }).toBe(1);
    const again = await sidebarFrame(page, extensionId);
    await expect(again.getByRole('heading', { name: 'Upfront' })).toBeVisible();
    await expect(page.locator('upfront-notice')).toHaveCount(0);
    // Playwright does not follow the worker across a reload; read through an extension page.
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html`);
    expect(await readEvents(studio)).toHaveLength(1);
  } finally {
    await context.close();
  }
});

test('when the extension is switched off mid-show, the old content script says the sidebar stopped', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(URL_);
    await sidebarFrame(page, extensionId);
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.locator(`extensions-item#${extensionId} #enableToggle`).click();
    await page.bringToFront();
    await expect(page.locator('upfront-dock')).toHaveCount(0, { timeout: 10_000 });
    await expect(page.locator('upfront-notice')).toHaveCount(1, { timeout: 10_000 });
    // The notice sits in a closed shadow root; keep a picture of it.
    await page.screenshot({ path: testInfo.outputPath('disconnected.png') });
  } finally {
    await context.close();
  }
});
