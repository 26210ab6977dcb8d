import { expect, test } from '@playwright/test';
import { PLATFORMS } from '../../lib/platforms';
import { launch, sidebarFrame } from './harness';

test('the dock appears on every registered console and on no other site', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    for (const p of PLATFORMS) {
      await page.goto(p.example);
      await expect(page.locator('upfront-dock'), p.id).toHaveCount(1);
      const frame = await sidebarFrame(page, extensionId);
      await expect(frame.getByRole('heading', { name: 'Upfront' })).toBeVisible();
    }
    for (const url of ['https://example.com/', 'https://shop.tiktok.com/', 'https://dashboard.twitch.tv/directory']) {
      await page.goto(url);
      await page.waitForTimeout(500);
      await expect(page.locator('upfront-dock'), url).toHaveCount(0);
    }
  } finally {
    await context.close();
  }
});
