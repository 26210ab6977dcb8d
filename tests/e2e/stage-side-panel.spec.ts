import { expect, test } from '@playwright/test';
import { CONSOLE, launch, readEvents, sidebarFrame } from './harness';

interface Ev {
  seq: number;
  action: string;
  cardId: string;
  item: { kind: string; id: string };
  stage?: { layout: string };
}

// Issue 18 in the side-panel mode: the host drives the viewers' stage window from the extension's
// side panel instead of the sidebar docked on the console.
test('from the side panel the host opens the stage, puts the size chart on and takes it off; the log holds when it was on screen', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const consolePage = await context.newPage();
    await consolePage.goto(CONSOLE);
    await sidebarFrame(consolePage, extensionId); // the console tab has said hello

    // The side panel shows sidebar.html as a top-level page; headless Chromium has no side panel
    // UI, so the same page opens in a tab and finds the console tab on its own.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidebar.html`);
    await expect(panel.getByRole('button', { name: /collapse/i })).toHaveCount(0); // panel mode
    await panel.getByLabel('Host name').fill('Mei');
    await panel.getByRole('button', { name: 'Go live' }).click();
    await expect(panel.getByText(/Live · Mei/)).toBeVisible();

    // The Stage view button opens the stage window, a popup of its own, with the product's name.
    const stageBar = panel.locator('section.stage-bar');
    const [stage] = await Promise.all([
      context.waitForEvent('page', (p) => p.url().includes('/stage.html')),
      stageBar.getByRole('button', { name: /Stage view/ }).click(),
    ]);
    await stage.waitForLoadState('domcontentloaded');
    await expect(stage.locator('main.stage')).toHaveAttribute('data-stage', 'on');
    await expect(stage.locator('.stage-name')).toHaveText(/hoodie/i);
    await expect(stage.locator('.stage-panel')).not.toHaveAttribute('data-item', /./);

    // S selects the size chart in the panel; O puts it on stage.
    await panel.bringToFront();
    await panel.keyboard.press('s');
    await panel.keyboard.press('o');
    await expect(stage.locator('.stage-panel')).toHaveAttribute('data-item', 'size:size');
    await expect(stage.locator('.stage-item table')).toBeVisible();
    await expect(stageBar.locator('.stage-now')).toHaveAttribute('data-on-stage', 'size:size');
    await stage.locator('main.stage').screenshot({ path: testInfo.outputPath('side-panel-size-on-stage.png') });

    // The same button, now "Take off stage", takes it off; the product's name stays.
    await stageBar.getByRole('button', { name: 'Take off stage' }).click();
    await expect(stage.locator('.stage-panel')).not.toHaveAttribute('data-item', /./);
    await expect(stage.locator('.stage-name')).toHaveText(/hoodie/i);
    await expect(stageBar.locator('.stage-now')).toHaveAttribute('data-on-stage', '');

    // On again, then the stage window closes: what was on it is taken off, recorded.
    await stageBar.getByRole('button', { name: 'Put on stage' }).click();
    await expect(stage.locator('.stage-panel')).toHaveAttribute('data-item', 'size:size');
    await stage.close();
    await expect.poll(async () => (await readEvents<Ev>(worker)).filter((e) => e.stage).length).toBe(4);

    const staged = (await readEvents<Ev>(worker)).sort((a, b) => a.seq - b.seq).filter((e) => e.stage);
    expect(staged.map((e) => `${e.action} ${e.item.kind}:${e.item.id}`)).toEqual(['shown size:size', 'hidden size:size', 'shown size:size', 'hidden size:size']);
    expect(new Set(staged.map((e) => e.cardId))).toEqual(new Set(['demo-card-hoodie']));
    expect(staged.every((e) => e.stage?.layout === 'lower-third')).toBe(true);
  } finally {
    await context.close();
  }
});
