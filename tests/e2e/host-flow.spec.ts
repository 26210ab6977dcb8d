import { expect, test } from '@playwright/test';
import { CONSOLE, launch, sidebarFrame } from './harness';

test('a host goes live and a disclosure lands in the extension database, not the console origin', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByText('Demo', { exact: true })).toBeVisible();
    await sidebar.getByLabel('Host name').fill('Lina');
    await sidebar.getByRole('button', { name: 'Go live' }).click();
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();

    const first = sidebar.locator('li.item').first();
    await first.getByRole('button', { name: /Mark said/ }).click();
    await expect(first.getByRole('button', { name: /recorded/i })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('live-console.png') });

    // The event is in the extension's own IndexedDB, read from the service worker.
    const events = await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      return new Promise<unknown[]>((resolve) => {
        const req = db.transaction('events').objectStore('events').getAll();
        req.onsuccess = () => resolve(req.result);
      });
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 1, action: 'said', cardId: 'demo-card-hoodie', item: { kind: 'caveat' } });

    // The console's own origin holds nothing of Upfront's.
    const pageStorage = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
    }));
    expect(pageStorage).toEqual({ databases: [], local: 0, session: 0, cookies: '' });
  } finally {
    await context.close();
  }
});
