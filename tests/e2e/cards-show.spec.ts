import { expect, test } from '@playwright/test';
import { focusConsole, focusSidebar } from './cards-helpers';
import { CONSOLE, launch, readEvents, readStore, sidebarFrame } from './harness';

interface Ev {
  seq: number;
  action: string;
  cardId: string;
  item: { kind: string; id: string };
}

test('a whole show driven by keyboard only, from the console page and inside the sidebar', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    const dock = page.locator('upfront-dock');
    const title = sidebar.locator('#card-title');
    const shot = (name: string) => dock.screenshot({ path: testInfo.outputPath(`${name}.png`) });

    // Go live: type the host name, Enter.
    await sidebar.getByLabel('Host name').focus();
    await page.keyboard.type('Lina');
    await page.keyboard.press('Enter');
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();

    // --- Focus on the console page: the content script forwards the keys. ---
    await focusConsole(page);
    await expect(title).toHaveText('Oversized cotton hoodie');
    await page.keyboard.press('m'); // the must-say caveat is selected on arrival
    await expect(sidebar.locator('li.item-caveat')).toHaveAttribute('data-state', 'recorded');
    await page.keyboard.press('s');
    await expect(sidebar.locator('li.item-size.selected table')).toBeVisible();
    await page.keyboard.press('u');
    await expect(sidebar.getByRole('columnheader', { name: 'Chest (in)' })).toBeVisible();
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect(sidebar.locator('tr.highlight th')).toHaveText('M');
    await expect(sidebar.locator('tr.highlight td').first()).toHaveText('46.5');
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-size')).toHaveAttribute('data-state', 'recorded');
    await shot('show-1-hoodie-size-in');
    await page.keyboard.press('j'); // all must-say said: no gate
    await expect(title).toHaveText(/Stretch cushion cover/);

    // Moving on with the must-say caveat unsaid: the gate, then J again goes on (skipped).
    await page.keyboard.press('j');
    const gate = sidebar.getByRole('alert').filter({ hasText: 'Not said yet' });
    await expect(gate).toContainText('Not suitable for cushions larger than 60 cm');
    await expect(title).toHaveText(/Stretch cushion cover/);
    await shot('show-2-gate');
    await page.keyboard.press('j');
    await expect(title).toHaveText(/Vitamin C serum/);
    await expect(sidebar.locator('.run-row', { hasText: 'DEMO-COVER-60' }).locator('.run-status.skipped')).toBeVisible();
    await page.keyboard.press('2'); // the scale item
    await expect(sidebar.locator('li.item-scale.selected svg')).toBeVisible();
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-scale')).toHaveAttribute('data-state', 'recorded');

    // --- Focus inside the sidebar: the same keys, handled by the sidebar itself. ---
    await focusSidebar(sidebar);
    await page.keyboard.press('k'); // serum's caveat is unsaid: the gate again
    await expect(gate).toBeVisible();
    await page.keyboard.press('Escape'); // stay
    await expect(gate).toHaveCount(0);
    await page.keyboard.press('1');
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-caveat')).toHaveAttribute('data-state', 'recorded');
    await page.keyboard.press('?');
    await expect(sidebar.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sidebar.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
    // Search by SKU, Enter goes there (nothing unsaid on the serum now: no gate).
    await page.keyboard.press('/');
    await page.keyboard.type('hoodie');
    await page.keyboard.press('Enter');
    await expect(title).toHaveText('Oversized cotton hoodie');
    await page.keyboard.press('4'); // the hoodie's return policy
    await expect(sidebar.locator('li.item-policy.selected')).toContainText('You can return it within 14 days');
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-policy')).toHaveAttribute('data-state', 'recorded');

    // End: E shows the return-policy recap, E again records it and ends.
    await page.keyboard.press('e');
    const recap = sidebar.getByRole('dialog', { name: 'Before you end: recap the returns' });
    await expect(recap).toContainText('Once the seal is broken');
    await shot('show-3-recap');
    await page.keyboard.press('e');
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();

    const events = (await readEvents<Ev>(worker)).sort((a, b) => a.seq - b.seq);
    const line = (e: Ev) => `${e.action} ${e.cardId} ${e.item.kind}:${e.item.id}`;
    expect(events.slice(0, 6).map((e) => `${e.seq} ${line(e)}`)).toEqual([
      '1 said demo-card-hoodie caveat:demo-caveat-wash',
      '2 said demo-card-hoodie size:size',
      '3 skipped demo-card-cushion-cover caveat:demo-caveat-depth',
      '4 said demo-card-serum scale:scale',
      '5 said demo-card-serum caveat:demo-caveat-skin',
      '6 said demo-card-hoodie policy:demo-policy-eu',
    ]);
    // The recap: the policy said for each product it covers whose policy was not said yet
    // (sent together, so in either order).
    expect(events.slice(6).map(line).sort()).toEqual(['said demo-card-cushion-cover policy:demo-policy-eu', 'said demo-card-serum policy:demo-policy-eu-sealed']);
    const [session] = await readStore<{ endedAt?: number; lastSeq: number }>(worker, 'sessions');
    expect(session).toMatchObject({ lastSeq: 8 });
    expect(session.endedAt).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
