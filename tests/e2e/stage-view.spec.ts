import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { focusConsole } from './cards-helpers';
import { CONSOLE, goLive, launch, readEvents, sidebarFrame } from './harness';

interface Ev {
  seq: number;
  action: string;
  cardId: string;
  item: { kind: string; id: string };
  language: string;
  offsetMs: number;
  stage?: { layout: string };
}

// Issue 18 end to end: the host drives the viewers' stage window from the console with keys.
test('the host puts the size chart on stage, switches the viewer language, moves on and takes it off; the log holds when each was on screen', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Lina');

    // V on the console page opens the stage window, a popup of its own.
    await focusConsole(page);
    const [stage] = await Promise.all([context.waitForEvent('page', (p) => p.url().includes('/stage.html')), page.keyboard.press('v')]);
    await stage.waitForLoadState('domcontentloaded');
    const shot = (name: string) => stage.locator('main.stage').screenshot({ path: testInfo.outputPath(`${name}.png`) });
    await expect(stage.locator('main.stage')).toHaveAttribute('data-stage', 'on');
    await expect(stage.locator('.stage-name')).toHaveText(/hoodie/i);

    // S selects the size chart; O puts it on stage.
    await page.keyboard.press('s');
    await page.keyboard.press('o');
    await expect(stage.locator('.stage-panel')).toHaveAttribute('data-item', 'size:size');
    await expect(stage.locator('.stage-item table')).toBeVisible();
    await expect(sidebar.locator('.stage-now')).toHaveAttribute('data-on-stage', 'size:size');
    await shot('1-size-en');

    // L: the viewer language; the stage follows and the log records a new showing in zh-CN.
    await page.keyboard.press('l');
    await expect(stage.locator('.stage-name')).toHaveAttribute('lang', 'zh-CN');
    await shot('2-size-zh');

    // Readable at a glance: large text, no serious or critical axe violation (contrast included).
    const fontSize = await stage.locator('.stage-item td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(40);
    const axe = await new AxeBuilder({ page: stage }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // J: the next product. Its name goes on stage and the size chart comes off, recorded.
    await page.keyboard.press('j');
    // The hoodie's must-say items are unsaid: the gate asks, the same key again goes on.
    await expect(sidebar.getByText('Not said yet')).toBeVisible();
    await page.keyboard.press('j');
    await expect(stage.locator('.stage-panel')).not.toHaveAttribute('data-item', /./);
    await expect(stage.locator('.stage-name')).not.toHaveText(/卫衣|hoodie/i);
    await shot('3-next-product');

    // Pick a caveat and put it on, then take it off again with O.
    await page.keyboard.press('1');
    await page.keyboard.press('o');
    await expect(stage.locator('.stage-panel')).toHaveAttribute('data-item', /^caveat:/);
    await shot('4-caveat');
    await page.keyboard.press('o');
    await expect(stage.locator('.stage-panel')).not.toHaveAttribute('data-item', /./);

    const events = (await readEvents<Ev>(worker)).sort((a, b) => a.seq - b.seq);
    const staged = events.filter((e) => e.stage);
    expect(staged.map((e) => `${e.action} ${e.item.kind} ${e.language}`)).toEqual([
      'shown size en',
      'hidden size en',
      'shown size zh-CN',
      'hidden size zh-CN',
      'shown caveat zh-CN',
      'hidden caveat zh-CN',
    ]);
    expect(staged.every((e) => e.stage?.layout === 'lower-third')).toBe(true);
    for (let i = 1; i < staged.length; i++) expect(staged[i].offsetMs).toBeGreaterThanOrEqual(staged[i - 1].offsetMs);

    // The stage window shows nothing interactive: no button, link or field takes focus.
    const focusable = await stage.evaluate(() => document.querySelectorAll('button:not([inert] *), a[href], input, select, textarea').length);
    expect(focusable).toBe(0);

    // Closing the window while something is on stage takes it off, recorded.
    await page.keyboard.press('o');
    await expect(sidebar.locator('.stage-now')).toHaveAttribute('data-on-stage', /^caveat:/);
    await stage.close();
    await expect.poll(async () => (await readEvents<Ev>(worker)).filter((e) => e.stage).length).toBe(8);
    await expect(sidebar.locator('.stage-now')).toHaveAttribute('data-on-stage', /^caveat:/); // the sidebar learns on its next change
  } finally {
    await context.close();
  }
});

