import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CONSOLE, launch, ROOT, sidebarFrame } from './harness';

/** Pastes tab-separated text into the focused grid cell the way a spreadsheet's copy does. */
async function pasteTsv(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.locator(selector).evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test('a producer builds a deck from a Shopify CSV, fixes what the readiness check reports, and the host sees it', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/import`);
    await studio.getByLabel('New deck name').fill('Friday show');
    await studio.getByLabel('Choose a file to import').setInputFiles(path.join(ROOT, 'docs/examples/shopify-products.csv'));

    // Preview first: two products to add, the archived one skipped; nothing written yet.
    await expect(studio.getByText('2 to add, 0 to update, 1 skipped')).toBeVisible();
    await expect(studio.getByRole('cell', { name: 'TEE-100' })).toBeVisible();
    await studio.screenshot({ path: testInfo.outputPath('1-import-preview.png'), fullPage: true });
    await studio.getByRole('button', { name: 'Import 2 products' }).click();
    await expect(studio.getByText('Imported: 2 added, 0 updated.')).toBeVisible();
    await studio.getByRole('link', { name: 'Open the deck' }).click();

    // The readiness check lists what is missing.
    const readiness = studio.locator('section.readiness');
    await expect(readiness.getByText('The size chart has empty values.')).toBeVisible();
    await expect(readiness.getByText('No image.')).toBeVisible();
    await expect(readiness.locator('li[data-code="no-policy"]')).toHaveCount(2);
    await studio.screenshot({ path: testInfo.outputPath('2-deck-not-ready.png'), fullPage: true });

    // A default return policy for the deck, from the EU template.
    await studio.getByRole('button', { name: '+ New policy' }).click();
    await studio.getByRole('button', { name: 'Save policy' }).click();
    await expect(readiness.locator('li[data-code="no-policy"]')).toHaveCount(0);

    // Fix the size chart: follow the link, paste measurements from a spreadsheet.
    await readiness.locator('li[data-code="size-chart-incomplete"]').getByRole('link').click();
    await expect(studio.getByRole('heading', { name: 'Product TEE-100' })).toBeVisible();
    await pasteTsv(studio, '[aria-label="Size of row 1"]', 'Size\tChest\tLength\nS\t104\t66\nM\t110\t69\nL\t116\t72\n');
    await expect(studio.getByLabel('Length for size L')).toHaveValue('72');
    await studio.getByLabel('Fit advice (English)').fill('Runs large: take one size down.');
    // A wrong value is named on its field and kept as a draft, not saved.
    await studio.getByLabel('Chest for size M').fill('abc');
    await expect(studio.getByText('Enter a number.')).toBeVisible();
    await expect(studio.getByText(/Draft saved/)).toBeVisible();
    await studio.getByLabel('Chest for size M').fill('110');
    await expect(studio.getByText('✓ Saved')).toBeVisible();
    const preview = studio.frameLocator('iframe.preview-frame');
    await expect(preview.getByText('Runs large: take one size down.')).toBeVisible();
    await studio.screenshot({ path: testInfo.outputPath('3-editor.png'), fullPage: true });

    // Fix the missing image: a photo from disk, resized and stored.
    await studio.goBack();
    await readiness.locator('li[data-code="no-image"]').getByRole('link').click();
    await expect(studio.getByRole('heading', { name: 'Product MUG-350' })).toBeVisible();
    await studio.getByLabel('Choose an image from disk').setInputFiles({ name: 'notes.txt', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
    await expect(studio.getByText('This file is not an image.', { exact: false })).toBeVisible();
    await studio.getByLabel('Choose an image from disk').setInputFiles(path.join(ROOT, 'tests/fixtures/mug.png'));
    await expect(studio.locator('.image-picker img.thumb')).toBeVisible();
    await expect(studio.getByText('✓ Saved')).toBeVisible();

    await studio.goBack();
    await expect(readiness.getByText('Ready to go live.')).toBeVisible();
    await expect(studio.frameLocator('iframe.preview-frame').locator('.run-sheet')).toContainText('Stoneware mug 350 ml');
    await studio.screenshot({ path: testInfo.outputPath('4-deck-ready.png'), fullPage: true });

    // Reorder by keyboard: the mug's ↑ button, then the handle with Space and arrows.
    await studio.getByRole('button', { name: 'Move Stoneware mug 350 ml up' }).click();
    await expect(studio.locator('.deck-row').first()).toHaveAttribute('data-sku', 'MUG-350');
    await studio.getByRole('button', { name: 'Reorder Stoneware mug 350 ml' }).focus();
    // dnd-kit measures the list between key presses: give it a frame each time.
    for (const key of ['Space', 'ArrowDown', 'Space']) {
      await studio.keyboard.press(key);
      await studio.waitForTimeout(150);
    }
    await expect(studio.locator('.deck-row').first()).toHaveAttribute('data-sku', 'TEE-100');

    // Hand cards: one product per page when printed.
    await studio.getByRole('link', { name: 'Print hand cards' }).click();
    await expect(studio.locator('article.hand-card')).toHaveCount(2);
    await studio.emulateMedia({ media: 'print' });
    await expect(studio.locator('.studio-nav')).toBeHidden();
    await studio.screenshot({ path: testInfo.outputPath('4b-print.png'), fullPage: true });
    await studio.emulateMedia({ media: 'screen' });

    // The host, on the console: the deck is there, with the pasted chart and the stored photo.
    const consolePage = await context.newPage();
    await consolePage.goto(CONSOLE);
    const sidebar = await sidebarFrame(consolePage, extensionId);
    await sidebar.getByLabel('Deck', { exact: true }).selectOption({ label: 'Friday show' });
    await expect(sidebar.getByRole('heading', { name: 'Boxy cotton T-shirt' })).toBeVisible();
    await expect(sidebar.getByText('Runs large: take one size down.')).toBeVisible();
    await sidebar.getByRole('button', { name: /Stoneware mug/ }).click();
    await expect(sidebar.locator('img.card-image')).toHaveAttribute('src', /^blob:chrome-extension:\/\//);
    await consolePage.screenshot({ path: testInfo.outputPath('5-host-sidebar.png') });

    // The producer moves the deck to the trash while the host shows it: the sidebar moves to the
    // first deck left, with no error, and its next start is fine too.
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/decks`);
    studio.once('dialog', (dialog) => void dialog.accept());
    await studio.getByRole('row', { name: /Friday show/ }).getByRole('button', { name: 'Delete' }).click();
    await expect(studio.getByRole('link', { name: 'Friday show' })).toHaveCount(0);
    await expect(sidebar.getByLabel('Deck', { exact: true })).not.toContainText('Friday show');
    await expect(sidebar.locator('.card-title')).not.toHaveText('Stoneware mug 350 ml');
    await expect(sidebar.getByRole('alert')).toHaveCount(0);
    await consolePage.reload();
    const reopened = await sidebarFrame(consolePage, extensionId);
    await expect(reopened.locator('.card-title')).toBeVisible();
    await expect(reopened.getByRole('alert')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('imports refuse junk, huge and broken files with a clear message and change nothing', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  try {
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/import`);
    const input = studio.getByLabel('Choose a file to import');
    // 50 MB: Playwright passes files this large by path.
    const huge = testInfo.outputPath('huge.csv');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x41));
    const started = Date.now();
    await input.setInputFiles(huge);
    await expect(studio.getByText(/The file is 50 MB; the limit is 10 MB/)).toBeVisible();
    expect(Date.now() - started).toBeLessThan(15_000);
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await input.setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: junk });
    await expect(studio.getByText('This is not a text file.', { exact: false })).toBeVisible();
    await input.setInputFiles({ name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004rest') });
    await expect(studio.getByText(/Excel workbook/)).toBeVisible();
    // A broken row blocks the whole import, naming the row and column.
    await input.setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Handle,Title,Variant SKU,Variant Grams\ncap,Cap,CAP-1,heavy\n,,,\n'),
    });
    await expect(studio.getByText('Row 2, column Variant Grams:')).toBeVisible();
    await expect(studio.getByRole('button', { name: /Import 1 product/ })).toBeDisabled();
    await studio.screenshot({ path: testInfo.outputPath('import-errors.png'), fullPage: true });
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/products`);
    await expect(studio.locator('tr[data-sku="CAP"]')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
