import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type CDPSession, type Frame, type Page } from '@playwright/test';
import { buildDeckPackage } from '../../lib/deckfile/package';
import { CONSOLE, launch, sidebarFrame } from './harness';

const COUNT = 300;
const WIDTH = 400;
const HEIGHT = 300;
const NOW = Date.UTC(2026, 11, 1, 12);

/**
 * Distinct WebP photos drawn in the page (gradients, shapes and grain seeded by index), encoded
 * by Chromium itself, in batches so each answer stays small. 400×300, not the 800 px a studio
 * stores: encoding 300 photos at 800×600 took 100–150 s of this test on a busy two-core machine.
 * The unit tests round-trip 300 photo-sized (45 KB) files through the same package code.
 */
async function drawPhotos(page: Page, from: number, count: number): Promise<string[]> {
  return page.evaluate(
    async ({ from, count, W, H }) => {
      const out: string[] = [];
      const encoded: Promise<Blob>[] = [];
      const grain = new OffscreenCanvas(256, 256);
      const tile = grain.getContext('2d')!;
      const noise = tile.createImageData(256, 256);
      let n = from + 7;
      for (let p = 0; p < noise.data.length; p += 4) {
        n = (n * 1103515245 + 12345) & 0x7fffffff;
        noise.data[p] = noise.data[p + 1] = noise.data[p + 2] = n & 0xff;
        noise.data[p + 3] = 255;
      }
      tile.putImageData(noise, 0, 0);
      for (let i = from; i < from + count; i++) {
        const canvas = new OffscreenCanvas(W, H);
        const g = canvas.getContext('2d')!;
        let x = (i + 1) * 2654435761;
        const r = () => {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          return ((x >>> 0) % 10000) / 10000;
        };
        const sky = g.createLinearGradient(0, 0, W, H);
        sky.addColorStop(0, `hsl(${(i * 37) % 360} 60% 75%)`);
        sky.addColorStop(1, `hsl(${(i * 91) % 360} 45% 30%)`);
        g.fillStyle = sky;
        g.fillRect(0, 0, W, H);
        for (let k = 0; k < 40; k++) {
          g.fillStyle = `hsl(${r() * 360} ${40 + r() * 50}% ${20 + r() * 60}% / ${0.3 + r() * 0.6})`;
          g.beginPath();
          g.ellipse(r() * W, r() * H, 5 + r() * 70, 5 + r() * 70, r() * 3, 0, 7);
          g.fill();
        }
        // Grain, as a camera gives: a seeded noise tile laid over at an offset of its own.
        g.save();
        g.globalAlpha = 0.22;
        g.translate(-r() * 256, -r() * 256);
        g.fillStyle = g.createPattern(grain, 'repeat')!;
        g.fillRect(0, 0, W + 256, H + 256);
        g.restore();
        // Encoded together: Chromium encodes off the page's thread.
        encoded.push(canvas.convertToBlob({ type: 'image/webp', quality: 0.8 }));
      }
      for (const blob of await Promise.all(encoded)) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (let j = 0; j < bytes.length; j += 0x8000) s += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
        out.push(btoa(s));
      }
      return out;
    },
    { from, count, W: WIDTH, H: HEIGHT },
  );
}

/** CSP violations reported in a page or frame (Chromium logs one per refused load). */
async function watchCsp(session: CDPSession, into: string[]) {
  session.on('Log.entryAdded', ({ entry }) => {
    if (/Content Security Policy/i.test(entry.text)) into.push(entry.text);
  });
  session.on('Runtime.consoleAPICalled', (e) => {
    const text = e.args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
    if (/Content Security Policy/i.test(text)) into.push(text);
  });
  await session.send('Log.enable');
  await session.send('Runtime.enable');
}

async function cardImage(frame: Frame) {
  const img = frame.locator('img.card-image');
  await expect(img).toHaveAttribute('src', /^blob:chrome-extension:\/\//);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(WIDTH);
  return img.getAttribute('src');
}

test('a 300-product deck with a photo each: imported as a package, shown by reference in the sidebar, edited live, exported to the same bytes', async ({}, testInfo) => {
  test.setTimeout(240_000);
  const { context, extensionId } = await launch(testInfo.outputPath('profile'));
  const csp: string[] = [];
  try {
    const studio = await context.newPage();
    await watchCsp(await context.newCDPSession(studio), csp);
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/import`);
    const t0 = Date.now();
    const marks: string[] = [];
    const mark = (what: string) => {
      marks.push(`${what} ${Date.now() - t0} ms`);
      writeFileSync(testInfo.outputPath('marks.txt'), marks.join('\n'));
    };

    // The deck package a producer brings from another machine: distinct photos, 40–120 KB each.
    const photos: string[] = [];
    for (let from = 0; from < COUNT; from += 50) photos.push(...(await drawPhotos(studio, from, 50)));
    mark('drawn');
    const bytes = photos.map((p) => Buffer.from(p, 'base64'));
    const sizes = bytes.map((b) => b.byteLength).sort((a, b) => a - b);
    writeFileSync(testInfo.outputPath('photo-sizes.txt'), `min ${sizes[0]} B, median ${sizes[COUNT / 2]} B, max ${sizes[COUNT - 1]} B\n`);
    const ids = bytes.map((b) => createHash('sha256').update(b).digest('hex'));
    expect(new Set(ids).size).toBe(COUNT);
    const cards = ids.map((id, i) => ({
      id: `photo-card-${i}`,
      sku: `PH-${String(i).padStart(4, '0')}`,
      name: { en: `Photo product ${i}` },
      category: 'home' as const,
      image: `upfront-image:${id}`,
      scaleRefs: [],
      caveats: [],
      notes: [],
      updatedAt: NOW,
    }));
    const deck = { id: 'photo-deck', name: 'Photo deck', cardIds: cards.map((c) => c.id), market: 'EU', languages: ['en'], updatedAt: NOW };
    const images = ids.map((id, i) => ({ id, type: 'image/webp' as const, width: WIDTH, height: HEIGHT, data: photos[i] }));
    const pkg = Buffer.from(buildDeckPackage({ deck, cards, policies: [], images }));

    // Large files go to the page by path.
    const pkgPath = testInfo.outputPath('photo-deck.upfront-deck.zip');
    writeFileSync(pkgPath, pkg);
    await studio.getByLabel('Choose a file to import').setInputFiles(pkgPath);
    mark('packaged');
    await expect(studio.getByText(`${COUNT} to add, 0 to update, 0 skipped`)).toBeVisible({ timeout: 30_000 });
    mark('previewed');
    await studio.getByRole('button', { name: `Import ${COUNT} products` }).click();
    await expect(studio.getByText(`Imported: ${COUNT} added, 0 updated.`)).toBeVisible({ timeout: 60_000 });
    mark('imported');

    // Export on this machine: the same bytes as the package imported.
    await studio.getByRole('link', { name: 'Open the deck' }).click();
    const [download] = await Promise.all([studio.waitForEvent('download', { timeout: 60_000 }), studio.getByRole('button', { name: 'Export deck file' }).click()]);
    expect(download.suggestedFilename()).toBe('Photo-deck.upfront-deck.zip');
    const exported = readFileSync((await download.path())!);
    expect(exported.equals(pkg)).toBe(true);
    mark('exported');

    // The host picks the deck on the console: the first card's photo, by reference.
    const consolePage = await context.newPage();
    await consolePage.goto(CONSOLE);
    let sidebar = await sidebarFrame(consolePage, extensionId);
    await watchCsp(await context.newCDPSession(sidebar), csp);
    await sidebar.getByLabel('Deck', { exact: true }).selectOption({ label: 'Photo deck' });
    await expect(sidebar.locator('.card-title')).toHaveText('Photo product 0');
    const first = await cardImage(sidebar);
    await sidebar.locator('body').press('j');
    await expect(sidebar.locator('.card-title')).toHaveText('Photo product 1');
    expect(await cardImage(sidebar)).not.toBe(first);

    // A producer renames the card on screen in the studio: it reaches the open sidebar.
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/card/photo-card-1`);
    await studio.getByLabel('Name (English)').fill('Photo product 1, renamed');
    await expect(studio.getByText('✓ Saved')).toBeVisible();
    await expect(sidebar.locator('.card-title')).toHaveText('Photo product 1, renamed');
    await cardImage(sidebar);

    // A console reload with no show live opens on the deck the host picked.
    await consolePage.reload();
    sidebar = await sidebarFrame(consolePage, extensionId);
    await watchCsp(await context.newCDPSession(sidebar), csp);
    await expect(sidebar.getByLabel('Deck', { exact: true })).toHaveValue('photo-deck');
    await expect(sidebar.locator('.card-title')).toHaveText('Photo product 0');
    await cardImage(sidebar);
    await consolePage.screenshot({ path: testInfo.outputPath('photo-deck-sidebar.png') });

    // The studio's previews of the deck show the photos too, and no image load was refused.
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/deck/photo-deck`);
    const preview = studio.frameLocator('iframe.preview-frame').locator('img.card-image');
    await expect(preview).toHaveAttribute('src', /^(blob:chrome-extension:|data:image\/webp;)/);
    await expect.poll(() => preview.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(WIDTH);
    mark('end');
    expect(csp).toEqual([]);
  } finally {
    await context.close();
  }
});
