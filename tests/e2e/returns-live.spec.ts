import { expect, test } from '@playwright/test';
import { axeSerious, focusConsole } from './cards-helpers';
import { importPayload } from '../../lib/returns/line-columns';
import { orderLine as line } from './orders-helpers';
import { CONSOLE, goLive, launch, readEvents, sidebarFrame } from './harness';


// Issue 17 during a live show: the studio's Returns analysis open while the host records. It is
// not asked again at each disclosure (its requests are counted in the studio page); it says a
// show is live and offers a refresh, and stays accessible.
test('the Returns analysis open during a live show: no re-read per disclosure, a live note and a refresh, axe clean', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    // A first show, ended, and orders placed during it.
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Lina');
    await sidebar.locator('li.item-caveat').getByRole('button', { name: /Mark said/ }).click();
    await expect(sidebar.locator('li.item-caveat')).toHaveAttribute('data-state', 'recorded');
    await sidebar.getByRole('button', { name: 'End session' }).click();
    await sidebar.getByRole('button', { name: 'End without recap' }).click();
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    const [first] = await readEvents<{ at: number }>(worker);
    const orders = Array.from({ length: 12 }, (_, i) => line(`6610${i}`, 'DEMO-HOODIE-01-M', first.at + 1 + i));

    // The studio's analysis open, every request it sends counted; the orders imported through
    // the background's own orders.import (reading the files is another part).
    const studio = await context.newPage();
    await studio.addInitScript(() => {
      const w = window as unknown as { asked: string[] };
      w.asked = [];
      const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (m: unknown) => Promise<unknown>;
      (chrome.runtime as unknown as { sendMessage: (m: { type?: string }) => Promise<unknown> }).sendMessage = (m) => (w.asked.push(String(m?.type)), send(m));
    });
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/returns`);
    expect(await studio.evaluate((payload) => chrome.runtime.sendMessage({ type: 'orders.import', payload }), importPayload({ orders, returns: [] }))).toMatchObject({ ok: true });
    const returns = studio.locator('section.returns-area');
    await returns.getByText('Returns analysis', { exact: true }).click();
    const analysis = returns.locator('section.returns-analysis');
    await expect(analysis.getByTestId('returns-summary')).toContainText('12 orders');
    const asked = () => studio.evaluate(() => (window as unknown as { asked: string[] }).asked.filter((t) => t === 'returns.analysis').length);
    await expect.poll(asked).toBe(1);

    // A second show goes live: a session change, read again once.
    await page.bringToFront();
    await goLive(sidebar, 'Lina');
    await expect.poll(asked).toBe(2);
    // Three disclosures, each pushed to the studio.
    await focusConsole(page);
    for (const kind of ['caveat', 'size', 'policy']) {
      const item = sidebar.locator(`li.item-${kind}`).first();
      await item.getByRole('button', { name: /Mark said/ }).click();
      await expect(item).toHaveAttribute('data-state', 'recorded');
    }
    const note = analysis.locator('p.returns-live');
    await expect(note).toContainText('A show is live');
    expect(await asked()).toBe(2);
    const axe = await axeSerious(studio.mainFrame());
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);

    // Refresh reads it once more, by keyboard; the note goes.
    const refresh = analysis.getByRole('button', { name: 'Refresh analysis' });
    await refresh.focus();
    await refresh.press('Enter');
    await expect.poll(asked).toBe(3);
    await expect(note).toBeEmpty();
    await expect(analysis.getByTestId('returns-summary')).toContainText('12 orders');
  } finally {
    await context.close();
  }
});
