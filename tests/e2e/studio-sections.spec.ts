import { expect, test, type Page } from '@playwright/test';
import { axeSerious, type AxeViolation } from './cards-helpers';
import { CONSOLE, goLive, launch, sidebarFrame } from './harness';

/** The sections this issue asked for; a section mounted later is found in the navigation too. */
const EXPECTED = ['Products', 'Decks', 'Import', 'Translations', 'Sessions & logs', 'Rehearsals', 'Trash (0)', 'Returns', 'Settings'];

const nav = (studio: Page) => studio.getByRole('navigation', { name: 'Studio sections' });
const settled = (studio: Page) => expect(studio.getByRole('main').getByText('Loading…')).toHaveCount(0);

test('every studio section: reached by keyboard, its own route, the back button, and no serious axe violation', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    // One recorded disclosure, so Sessions has a row and a timeline to scan.
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Lina');
    await sidebar.locator('li.item').first().getByRole('button', { name: /Mark said/ }).click();
    await expect(sidebar.locator('li.item').first().getByRole('button', { name: /recorded/i })).toBeVisible();

    const studio = await context.newPage();
    const base = `chrome-extension://${extensionId}/studio.html`;
    await studio.goto(base);
    // The studio opens on Products, and the address says so (an empty route names nothing).
    await expect(studio).toHaveURL(`${base}#/products`);
    await expect(nav(studio).getByRole('link', { name: 'Products' })).toHaveAttribute('aria-current', 'page');
    // The navigation comes right after the bar's language picker in the tab order.
    await studio.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await studio.keyboard.press('Tab');
    await expect(studio.getByTestId('ui-language')).toBeFocused();
    await studio.keyboard.press('Tab');
    await expect(nav(studio).getByRole('link', { name: 'Products' })).toBeFocused();

    const results: Record<string, AxeViolation[]> = {};
    const scan = async (name: string) => {
      await settled(studio);
      results[name] = await axeSerious(studio.mainFrame());
      await studio.screenshot({ path: testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`) });
      expect(results[name], `${name}: ${JSON.stringify(results[name], null, 1)}`).toEqual([]);
    };
    await scan('products');
    const sections = await nav(studio)
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => ({ id: (a as HTMLElement).dataset.section!, name: a.textContent! })));
    for (const name of EXPECTED) expect(sections.map((s) => s.name)).toContain(name);
    for (const { id, name } of sections.slice(1)) {
      const link = nav(studio).getByRole('link', { name, exact: true });
      await link.focus();
      await studio.keyboard.press('Enter');
      await expect(studio).toHaveURL(`${base}#/${id}`);
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(nav(studio).locator('[aria-current="page"]')).toHaveCount(1);
      // Focus lands on the section's heading, so the keyboard goes on from there.
      await expect(studio.getByRole('main').locator('h2').first()).toBeFocused();
      await scan(id);
    }

    // The back button walks the sections back.
    await studio.goBack();
    await expect(studio).toHaveURL(`${base}#/returns`);
    await expect(nav(studio).getByRole('link', { name: 'Returns' })).toHaveAttribute('aria-current', 'page');
    await studio.goBack();
    await expect(nav(studio).getByRole('link', { name: /^Trash/ })).toHaveAttribute('aria-current', 'page');

    // The views inside sections: the session timeline, a deck, its hand cards, a card.
    await studio.goto(`${base}#/sessions`);
    await studio.getByRole('row', { name: /Lina/ }).getByRole('button', { name: 'Timeline' }).click();
    await expect(studio.locator('section.session-detail')).toBeVisible();
    await expect(studio).toHaveURL(/#\/sessions\/[^/]+$/);
    await scan('session timeline');
    // Back closes the timeline; Forward (the link) opens it again.
    await studio.goBack();
    await expect(studio.locator('section.session-detail')).toHaveCount(0);
    await studio.goForward();
    await expect(studio.locator('section.session-detail')).toBeVisible();
    await nav(studio).getByRole('link', { name: 'Decks' }).click();
    await studio.getByRole('link', { name: 'Demo: autumn show (EU)' }).click();
    await expect(studio).toHaveURL(/#\/deck\//);
    await expect(nav(studio).getByRole('link', { name: 'Decks' })).toHaveAttribute('aria-current', 'page');
    await expect(studio.locator('section.readiness')).toBeVisible();
    await scan('deck editor');
    await studio.getByRole('link', { name: 'Print hand cards' }).click();
    await expect(studio.locator('article.hand-card').first()).toBeVisible();
    await scan('hand cards');
    await nav(studio).getByRole('link', { name: 'Products' }).click();
    await studio.getByRole('link', { name: 'DEMO-HOODIE-01' }).click();
    await expect(studio).toHaveURL(/#\/card\//);
    await expect(studio.getByLabel('SKU')).toHaveValue('DEMO-HOODIE-01');
    await scan('card editor');

    // An address that names nothing lands on Products, in place of the bad address.
    await studio.goto(`${base}#/no-such-section`);
    await expect(studio).toHaveURL(`${base}#/products`);
    await expect(nav(studio).getByRole('link', { name: 'Products' })).toHaveAttribute('aria-current', 'page');

    // The scan can fail: a control whose name does not contain its visible text (WCAG 2.5.3).
    await studio.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('button'), { textContent: 'Cards in English', ariaLabel: 'Switch the language' })));
    expect((await axeSerious(studio.mainFrame())).map((v) => v.id)).toContain('label-content-name-mismatch');
    await testInfo.attach('axe.json', { body: JSON.stringify(results, null, 2), contentType: 'application/json' });
  } finally {
    await context.close();
  }
});
