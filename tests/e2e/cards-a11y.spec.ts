import { expect, test, type Frame, type Page } from '@playwright/test';
import { axeSerious, focusConsole } from './cards-helpers';
import { CONSOLE, launch, sidebarFrame } from './harness';

/** A 1920 × 1080 screen less the browser's own bars and the taskbar. */
const SCREEN_1080P = { width: 1920, height: 960 };

async function liveSidebar(page: Page, extensionId: string) {
  await page.setViewportSize(SCREEN_1080P);
  await page.goto(CONSOLE);
  const sidebar = await sidebarFrame(page, extensionId);
  await sidebar.getByLabel('Host name').fill('Lina');
  await sidebar.getByRole('button', { name: 'Go live' }).click();
  await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
  return sidebar;
}

/** The essentials are on screen with the sidebar's scroll area at its top: nothing to scroll for. */
async function expectEssentialsOnScreen(sidebar: Frame, label: string) {
  const scrollTop = await sidebar.locator('.sidebar-main').evaluate((el) => el.scrollTop);
  expect(scrollTop, `${label}: scrolled`).toBe(0);
  const height = await sidebar.evaluate(() => innerHeight);
  for (const sel of ['#card-title', '.caveats', '.item.selected', '.mark-bar', '.run-sheet']) {
    const boxes = await sidebar.locator(sel).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (const b of boxes) expect(b.bottom, `${label}: ${sel} below the fold`).toBeLessThanOrEqual(height + 0.5);
  }
}

test('the sidebar has no serious or critical axe violations in any state', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.setViewportSize(SCREEN_1080P);
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    const results: Record<string, unknown> = {};
    const scan = async (state: string) => {
      const v = await axeSerious(sidebar);
      results[state] = v;
      expect(v, `${state}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
    };
    await scan('not live');
    await sidebar.getByLabel('Host name').fill('Lina');
    await sidebar.getByRole('button', { name: 'Go live' }).click();
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
    await focusConsole(page);
    await scan('live, caveat');
    for (const k of ['s', 'u', ']']) await page.keyboard.press(k);
    await expect(sidebar.locator('tr.highlight')).toBeVisible();
    await scan('size chart in inches, row highlighted');
    await page.keyboard.press('j');
    await expect(sidebar.getByRole('alert').filter({ hasText: 'Not said yet' })).toBeVisible();
    await scan('must-say gate');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('2');
    await expect(sidebar.locator('.item-scale svg')).toBeVisible();
    await scan('scale drawing');
    await page.keyboard.press('?');
    await scan('help');
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    await expect(sidebar.getByRole('dialog', { name: /recap the returns/ })).toBeVisible();
    await scan('recap');
    // The scan can fail: an image without a text alternative is a critical violation.
    await sidebar.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'data:,x' })));
    expect((await axeSerious(sidebar)).map((v) => v.id)).toContain('image-alt');
    await testInfo.attach('axe.json', { body: JSON.stringify(results, null, 2), contentType: 'application/json' });
  } finally {
    await context.close();
  }
});

test('each section, screenshotted; the essentials fit a 1080p screen at the default width', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    const sidebar = await liveSidebar(page, extensionId);
    const dock = page.locator('upfront-dock');
    expect((await dock.boundingBox())?.width).toBe(380);
    const save = async (name: string, sel: string) => {
      await sidebar.locator(sel).first().screenshot({ path: testInfo.outputPath(`section-${name}.png`) });
    };
    await focusConsole(page);

    // Hoodie: caveats and run sheet; then the size chart opened, in inches, a row highlighted.
    await expectEssentialsOnScreen(sidebar, 'hoodie');
    await save('run-sheet', '.run-sheet');
    await save('caveats', '.caveats');
    for (const k of ['s', 'u', ']', ']']) await page.keyboard.press(k);
    await expect(sidebar.locator('tr.highlight th')).toHaveText('M');
    await expectEssentialsOnScreen(sidebar, 'hoodie, size chart');
    await save('size-chart', '.item-size');
    await dock.screenshot({ path: testInfo.outputPath('dock-hoodie-size.png') });
    await page.keyboard.press('5');
    await save('note-material', '.item-note.selected');
    await page.keyboard.press('4');
    await save('policy-deck-default', '.item-policy');
    await page.keyboard.press('m');
    await page.keyboard.press('1');
    await page.keyboard.press('m');
    await expect(sidebar.locator('.must-left')).toContainText('All must-say said');
    await save('mark-bar', '.mark-bar');

    // Cover: scale drawing beside the A4 sheet; the gate.
    await page.keyboard.press('j');
    await expect(sidebar.locator('#card-title')).toHaveText(/Stretch cushion/);
    await page.keyboard.press('u');
    await page.keyboard.press('2');
    await expect(sidebar.locator('.item-scale .scale-sentence')).toHaveText('About as tall as two A4 sheets, about as wide as three A4 sheets.');
    await expectEssentialsOnScreen(sidebar, 'cover, scale');
    await save('scale', '.item-scale');
    await page.keyboard.press('4');
    await save('note-demo-prompt', '.item-note.selected');
    await page.keyboard.press('j');
    await save('gate', '.gate');
    await dock.screenshot({ path: testInfo.outputPath('dock-cover-gate.png') });
    await page.keyboard.press('j');

    // Serum: its own policy (an override of the deck default).
    await expect(sidebar.locator('#card-title')).toHaveText(/serum/);
    await page.keyboard.press('3');
    await expect(sidebar.locator('.item-policy.selected')).toContainText('This product’s own policy');
    await expectEssentialsOnScreen(sidebar, 'serum, policy');
    await save('policy-override', '.item-policy');
    await page.keyboard.press('?');
    await save('help', '.help');
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    await save('recap', '.recap');
  } finally {
    await context.close();
  }
});

test('stays smooth with a 300-product deck', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    await sidebarFrame(page, extensionId);
    // Seed a 300-product deck straight into the extension's database, from the worker.
    await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['cards', 'decks'], 'readwrite');
      const cards = tx.objectStore('cards');
      const hoodie = await new Promise<Record<string, unknown>>((res) => {
        const q = cards.get('demo-card-hoodie');
        q.onsuccess = () => res(q.result);
      });
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) {
        const id = `big-${i}`;
        ids.push(id);
        cards.put({ ...hoodie, id, sku: `BIG-${String(i).padStart(3, '0')}`, name: { en: `Product number ${i + 1}` }, demo: false });
      }
      tx.objectStore('decks').put({ id: 'big-deck', name: 'AAA 300 products', cardIds: ids, market: 'US', languages: ['en'], defaultPolicyId: 'demo-policy-eu', updatedAt: 1 });
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    await page.reload();
    const sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByLabel('Deck')).toHaveValue('big-deck');
    await expect(sidebar.locator('.run-list li')).toHaveCount(300);
    await expect(sidebar.locator('#card-title')).toHaveText('Product number 1');

    // Switch 100 times inside the sidebar; time each switch to the new title being painted.
    const perSwitch = await sidebar.evaluate(async () => {
      const title = document.getElementById('card-title')!;
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const before = title.textContent;
        const t0 = performance.now();
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
        while (document.getElementById('card-title')!.textContent === before) await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { median: times[50], p95: times[95] };
    });
    await testInfo.attach('switch-times.json', { body: JSON.stringify(perSwitch), contentType: 'application/json' });
    expect(perSwitch.p95).toBeLessThan(100);
    await expect(sidebar.locator('#card-title')).toHaveText('Product number 101');
    await expect(sidebar.locator('.run-row.current')).toContainText('BIG-100');
    // US market: inches by default.
    await sidebar.locator('#run-search').focus();
    await sidebar.locator('#run-search').press('Escape');
    await page.keyboard.press('s');
    await expect(sidebar.getByRole('columnheader', { name: 'Chest (in)' })).toBeVisible();
    await page.locator('upfront-dock').screenshot({ path: testInfo.outputPath('dock-300-products.png') });
  } finally {
    await context.close();
  }
});
