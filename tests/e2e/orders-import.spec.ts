import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { launch, readLines, readStore, ROOT } from './harness';

const example = (name: string) => path.join(ROOT, 'docs/examples', name);

/** Fake buyers' personal values written in the example files: none may reach the database. */
const PERSONAL = ['Lucía Fernández Ortega', 'lucia_fo_92', '612345678', 'Calle de Alcalá', 'Jonas Becker', 'jonas.becker@example.de', '王小红', '13812345678', '文一西路'];

test('a producer imports TikTok (CSV and Excel), Shopify and 抖店 exports into the real database, once, without buyer data', async ({}, testInfo) => {
  const { context, worker, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const studio = await context.newPage();
    // Each chosen file is read in a worker of its own, off the studio's main thread.
    const readers: string[] = [];
    studio.on('worker', (w) => readers.push(w.url()));
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/returns`);
    const section = studio.getByRole('region', { name: 'Orders and returns' });
    const zone = section.getByRole('combobox', { name: 'Shop time zone' });
    // Typing opens the zone suggestions; Tab takes them away, as a person moving on would.
    await zone.fill('Europe/Madrid');
    await zone.press('Tab');

    // The Excel export: read by ExcelJS in the page, Excel date cells as the shop's wall time.
    await section.getByLabel('Choose order or return files').setInputFiles(example('tiktok-orders.xlsx'));
    const xlsx = section.getByRole('article', { name: /tiktok-orders\.xlsx/ });
    await expect(xlsx.getByText('9 order lines, 0 returns')).toBeVisible();
    expect(readers).toEqual([`chrome-extension://${extensionId}/order-reader.js`]);
    await expect(xlsx.getByRole('row').nth(1)).toContainText('2026-11-20 12:05:12 UTC');
    const axe = await new AxeBuilder({ page: studio }).include('.orders-import').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await studio.screenshot({ path: testInfo.outputPath('1-xlsx-preview.png'), fullPage: true });
    await xlsx.getByRole('button', { name: 'Store 9 lines' }).click();
    await expect(xlsx.getByText(/Stored: 9 new order lines, 0 already there/)).toBeVisible();

    // The same orders as CSV: nothing new; then the returns.
    await section.getByLabel('Choose order or return files').setInputFiles([example('tiktok-orders.csv'), example('tiktok-returns.csv')]);
    const csv = section.getByRole('article', { name: /tiktok-orders\.csv/ });
    await csv.getByRole('button', { name: 'Store 9 lines' }).click();
    await expect(csv.getByText(/Stored: 0 new order lines, 9 already there \(0 of them updated\)/)).toBeVisible();
    const returns = section.getByRole('article', { name: /tiktok-returns\.csv/ });
    await returns.getByRole('button', { name: 'Store 5 lines' }).click();
    await expect(returns.getByText(/5 new returns/)).toBeVisible();

    // 抖店 in Beijing time, one reason to review.
    await zone.fill('Asia/Shanghai');
    await zone.press('Tab');
    await section.getByLabel('Choose order or return files').setInputFiles(example('douyin-orders.csv'));
    const douyin = section.getByRole('article', { name: /douyin-orders\.csv/ });
    await expect(douyin.getByText('7 order lines, 4 returns · 1 return reason to review')).toBeVisible();
    await douyin.getByRole('button', { name: 'Store 11 lines' }).click();
    await expect(douyin.getByText(/Stored: 7 new order lines/)).toBeVisible();

    // Shopify's times carry their offset: read right whatever the zone.
    await section.getByLabel('Choose order or return files').setInputFiles(example('shopify-orders.csv'));
    const shopify = section.getByRole('article', { name: /shopify-orders\.csv/ });
    await expect(shopify.getByRole('row').nth(2)).toContainText('2026-11-20 12:07:31 UTC');
    await shopify.getByRole('button', { name: 'Store 8 lines' }).click();
    await expect(shopify.getByText(/Stored: 8 new order lines/)).toBeVisible();
    await studio.screenshot({ path: testInfo.outputPath('2-stored.png'), fullPage: true });

    const orders = await readLines<{ key: string; orderedAt: number }>(worker, 'orderBuckets');
    const stored = await readLines<{ key: string; reason: string; needsReview?: boolean }>(worker, 'returnBuckets');
    expect(orders).toHaveLength(24);
    expect(stored).toHaveLength(9);
    expect(orders.find((o) => o.key === 'tiktok:577023118420113401:DEMO-HOODIE-01-M')?.orderedAt).toBe(Date.parse('2026-11-20T12:05:12Z'));
    expect(orders.find((o) => o.key === 'douyin:6937120045518823401:DEMO-COVER-60')?.orderedAt).toBe(Date.parse('2026-11-20T14:02:30Z'));
    expect(orders.find((o) => o.key === 'shopify:#1041:DEMO-SERUM-30')?.orderedAt).toBe(Date.parse('2026-11-20T12:07:31Z'));
    expect(stored.filter((r) => r.needsReview).map((r) => r.key)).toEqual(['douyin:6937120045518823401:DEMO-COVER-60:-']);
    const everything = JSON.stringify([orders, stored, await readStore(worker, 'orderLayouts')]);
    for (const value of PERSONAL) expect(everything).not.toContain(value);
  } finally {
    await context.close();
  }
});
