import { expect, test } from '@playwright/test';
import { focusConsole } from './cards-helpers';
import { CONSOLE, launch, readEvents, readStore, sidebarFrame } from './harness';

interface Ev {
  seq: number;
  action: string;
  cardId: string;
  item: { kind: string; id: string };
}

// Issue 21, points 1, 2, 3 and 13 in Chromium, keys pressed on the console page.
test('the log says what happened: M on the prompt, the end-of-show warning and recap, and the lead’s list', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await sidebar.getByLabel('Host name').fill('Lina');
    await sidebar.getByRole('button', { name: 'Go live' }).click();
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
    await focusConsole(page);

    // 1. Hoodie: item 4 (Returns), J: the prompt lists the caveat and says M records it; M does.
    await page.keyboard.press('4');
    await page.keyboard.press('j');
    const gate = sidebar.getByRole('alert').filter({ hasText: 'Not said yet' });
    await expect(gate).toContainText('M records: Dark colours bleed');
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-caveat')).toHaveAttribute('data-state', 'recorded');
    await expect(gate).toHaveCount(0);
    await page.keyboard.press('j'); // on to the cover, nothing unsaid on the hoodie
    await expect(sidebar.locator('#card-title')).toHaveText(/Stretch cushion cover/);

    // 3. E: the recap says first which must-say items were never said (the cover's, the serum's).
    await page.keyboard.press('e');
    const recap = sidebar.getByRole('dialog', { name: 'Before you end: recap the returns' });
    const warning = recap.getByRole('region', { name: /2 must-say items never said/ });
    await expect(warning.locator('[data-card-id="demo-card-cushion-cover"] [data-status="not-said"]')).toBeVisible();
    await expect(warning.locator('[data-card-id="demo-card-serum"] [data-status="not-said"]')).toBeVisible();
    await page.locator('upfront-dock').screenshot({ path: testInfo.outputPath('recap-with-unsaid.png') });

    // 2. E again: the recap is recorded for each of the three products, then the show ends.
    await page.keyboard.press('e');
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    const events = (await readEvents<Ev>(worker)).sort((a, b) => a.seq - b.seq);
    expect(events[0]).toMatchObject({ action: 'said', cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' } });
    expect(events.slice(1).map((e) => `${e.action} ${e.cardId} ${e.item.kind}`).sort()).toEqual([
      'said demo-card-cushion-cover policy',
      'said demo-card-hoodie policy',
      'said demo-card-serum policy',
    ]);
    const [session] = await readStore<{ id: string; head: string }>(worker, 'sessions');

    // 13. The studio's list: coverage per session; the timeline: the head whole, copyable.
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/sessions`);
    const row = studio.locator(`tr[data-session-id="${session.id}"]`);
    await expect(row.locator('.coverage-cell')).toHaveText('1/3 said · 0 skipped · 2 not said');
    await row.getByRole('button', { name: 'Timeline' }).click();
    const detail = studio.locator('section.session-detail');
    await expect(detail.locator('.chain-head code')).toHaveText(session.head);
    for (const id of ['demo-card-hoodie', 'demo-card-cushion-cover', 'demo-card-serum']) {
      await expect(detail.locator(`[data-card-id="${id}"] .coverage-policy`)).toHaveAttribute('data-status', 'said');
    }
    await studio.locator('table.sessions').screenshot({ path: testInfo.outputPath('studio-session-list.png') });
    await detail.locator('.detail-facts').screenshot({ path: testInfo.outputPath('studio-chain-head.png') });
  } finally {
    await context.close();
  }
});
