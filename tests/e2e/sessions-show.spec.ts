import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { focusConsole } from './cards-helpers';
import { CONSOLE, download, launch, readEvents, readStore, ROOT, sidebarFrame, verifyCli } from './harness';

interface Ev {
  id: string;
  seq: number;
  action: string;
  cardId: string;
  corrects?: string;
  sessionId: string;
}

test('a whole show with a crash and a correction, then the team lead finds, exports, verifies and merges the log', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const out = testInfo.outputPath();
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    // --- The host goes live on the console: deck, name, market and language. ---
    let page = await context.newPage();
    await page.goto(CONSOLE);
    let sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByText('Console: TikTok Shop LIVE Manager · shop.tiktok.com')).toBeVisible();
    await sidebar.getByLabel('Host name').fill('Lina');
    await sidebar.getByLabel('Market', { exact: true }).selectOption('GB');
    await sidebar.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page.locator('upfront-dock').screenshot({ path: testInfo.outputPath('1-go-live.png') });
    await sidebar.getByRole('button', { name: 'Go live' }).click();
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();

    // Says the hoodie's must-say caveat, then corrects it on air.
    const caveat = sidebar.locator('li.item-caveat');
    await caveat.getByRole('button', { name: /Mark said/ }).click();
    await expect(caveat).toHaveAttribute('data-state', 'recorded');
    const correct = caveat.getByRole('button', { name: /Record an on-air correction/ });
    await correct.focus();
    await page.keyboard.press('Enter'); // keyboard-reachable
    await expect(caveat.getByRole('button', { name: 'Record correction' })).toBeFocused();
    await page.locator('upfront-dock').screenshot({ path: testInfo.outputPath('2-correction.png') });
    await page.keyboard.press('Enter');
    await expect(caveat.getByText('Correction recorded')).toBeVisible();

    // --- The browser tab dies mid-show. Reopening the console offers to resume. ---
    await page.close();
    page = await context.newPage();
    await page.goto(CONSOLE);
    sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByRole('heading', { name: 'A session is still open on this console' })).toBeVisible();
    await expect(sidebar.getByText(/Lina · .* · 2 events/)).toBeVisible();
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toHaveCount(0);
    await page.locator('upfront-dock').screenshot({ path: testInfo.outputPath('3-resume.png') });
    await sidebar.getByRole('button', { name: 'Resume session' }).click();
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
    await expect(sidebar.locator('li.item-caveat')).toHaveAttribute('data-state', 'recorded');

    // Next product: says its caveat; then the serum, moving on past its caveat (skipped by choice).
    await focusConsole(page);
    await page.keyboard.press('j');
    await expect(sidebar.locator('#card-title')).toHaveText(/弹力抱枕套/);
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-caveat')).toHaveAttribute('data-state', 'recorded');
    await page.keyboard.press('j');
    await expect(sidebar.locator('#card-title')).toHaveText(/维生素 C 精华液/);
    await page.keyboard.press('k');
    await page.keyboard.press('k'); // gate, then go on anyway: 'skipped'
    await expect(sidebar.locator('#card-title')).toHaveText(/弹力抱枕套/);

    // The console is reloaded mid-show (a host's usual fix for a stuck page): the sidebar comes
    // back on the product the host was on, not on the first. The background is told once the
    // host stops moving; wait for that before reloading.
    await expect
      .poll(async () => Object.values(await worker.evaluate(() => chrome.storage.local.get(null))))
      .toContain('demo-card-cushion-cover');
    await page.reload();
    sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
    await expect(sidebar.locator('#card-title')).toHaveText(/弹力抱枕套/);

    await sidebar.getByRole('button', { name: 'End session' }).click();
    await sidebar.getByRole('button', { name: /End without recap/ }).click();
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();

    const events = await readEvents<Ev>(worker);
    const mine = events.sort((a, b) => a.seq - b.seq);
    expect(mine.map((e) => e.action)).toEqual(['said', 'correction', 'said', 'skipped']);
    expect(mine[1].corrects).toBe(mine[0].id);
    expect(new Set(mine.map((e) => e.sessionId)).size).toBe(1);
    // The ended show's log is moved into pages by the background, each event unchanged.
    await expect.poll(async () => (await readStore(worker, 'events')).length).toBe(0);
    const pages = await readStore<{ events: Ev[] }>(worker, 'eventPages');
    expect(pages.flatMap((p) => p.events).sort((a, b) => a.seq - b.seq)).toEqual(mine);

    // --- The team lead opens the studio's sessions. ---
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/sessions`);
    const sessions = studio.locator('section.sessions-area');
    await expect(sessions.getByRole('row', { name: /Lina/ })).toBeVisible();
    await expect(sessions.getByText(/1 ended session has not been exported yet/)).toBeVisible();
    await sessions.getByLabel('Host').selectOption('Lina');
    await sessions.getByLabel('Product').selectOption('demo-card-serum');
    await expect(sessions.getByRole('row')).toHaveCount(2);
    const row = sessions.getByRole('row', { name: /Lina/ });
    await expect(row).toContainText('TikTok Shop LIVE Manager');
    await expect(row).toContainText('GB · zh-CN');
    await row.getByRole('button', { name: 'Timeline' }).click();
    const detail = studio.locator('section.session-detail');
    await expect(detail.locator('[data-card-id="demo-card-hoodie"] .coverage li')).toHaveAttribute('data-status', 'said');
    await expect(detail.locator('[data-card-id="demo-card-hoodie"]')).toContainText('corrected on air');
    await expect(detail.locator('[data-card-id="demo-card-hoodie"]')).toContainText('(corrects #1)');
    await expect(detail.locator('[data-card-id="demo-card-serum"] .coverage li')).toHaveAttribute('data-status', 'skipped');
    await expect(detail.locator('tr[data-seq="1"] code')).toHaveText(/^00:00:\d\d$/);
    await studio.screenshot({ path: testInfo.outputPath('4-studio-timeline.png'), fullPage: true });

    // Export: JSON and CSV of the listed (filtered) sessions, real downloads.
    const jsonFile = await download(studio, () => sessions.getByRole('button', { name: 'Export listed as JSON' }).click(), out);
    const csvFile = await download(studio, () => sessions.getByRole('button', { name: 'Export listed as CSV' }).click(), out);
    await expect(sessions.getByText(/has not been exported yet/)).toHaveCount(0);
    const log = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(log).toMatchObject({ format: 'upfront-log', version: 3, filter: { host: 'Lina', cardId: 'demo-card-serum' } });
    expect(log.events).toHaveLength(4); // whole session, so the chain verifies
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.product, r.action])).toEqual([['维生素 C 精华液 30 毫升', 'skipped']]); // product filter; zh-CN names

    // Verify in the studio: the untouched file, then a tampered copy.
    await studio.getByLabel('Log file to verify').setInputFiles(jsonFile);
    await expect(studio.locator('[data-verified="true"]')).toContainText(/verifies/);
    const tampered = path.join(out, 'tampered.json');
    const forged = JSON.parse(readFileSync(jsonFile, 'utf8'));
    forged.events.splice(1, 1); // delete the correction
    writeFileSync(tampered, JSON.stringify(forged, null, 2));
    await studio.getByLabel('Log file to verify').setInputFiles(tampered);
    const failed = studio.locator('[data-verified="false"]');
    await expect(failed).toContainText('does not verify');
    await expect(failed).toContainText('First break: an event is missing or out of order');
    await expect(failed).toContainText('event #2');
    await failed.screenshot({ path: testInfo.outputPath('5-verify-failed.png') });

    // The same from a terminal.
    const good = verifyCli(jsonFile);
    expect(good.status, good.out).toBe(0);
    expect(good.out).toMatch(/^OK .*1 session\(s\), 4 event\(s\)/m);
    const bad = verifyCli(tampered);
    expect(bad.status, bad.out).toBe(1);
    expect(bad.out).toContain('First break at events[1] [seq]');

    // Team view: merge a log from another machine, then export the merged set.
    await sessions.getByRole('button', { name: 'Clear filters' }).click();
    await studio.getByLabel('Log files to import').setInputFiles([path.join(ROOT, 'docs/examples/sample-log.json'), jsonFile]);
    const results = studio.getByRole('table', { name: 'Import results' });
    await expect(results.locator('tr[data-status="added"]')).toHaveCount(2);
    await expect(results.locator('tr[data-status="unchanged"]')).toHaveCount(1);
    await expect(sessions.getByRole('row', { name: /小美/ })).toContainText('Imported from sample-log.json');
    await studio.screenshot({ path: testInfo.outputPath('6-studio-merged.png'), fullPage: true });
    const merged = await download(studio, () => sessions.getByRole('button', { name: 'Export listed as JSON' }).click(), out);
    const mergedCheck = verifyCli(merged);
    expect(mergedCheck.status, mergedCheck.out).toBe(0);
    expect(mergedCheck.out).toMatch(/3 session\(s\), 12 event\(s\)/);
    const mergedLog = JSON.parse(readFileSync(merged, 'utf8'));
    expect(mergedLog.sessions.filter((s: { origin?: { importedFrom?: string } }) => s.origin?.importedFrom === 'sample-log.json')).toHaveLength(2);
  } finally {
    await context.close();
  }
});

test('verify-log refuses a missing file and explains usage', () => {
  const none = spawnSync('npm', ['run', '--silent', 'verify-log'], { cwd: ROOT, encoding: 'utf8' });
  expect(none.status).toBe(2);
  expect(() => execFileSync('npm', ['run', '--silent', 'verify-log', '--', 'no-such-file.json'], { cwd: ROOT, stdio: 'pipe' })).toThrow();
});
