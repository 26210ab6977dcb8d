import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { axeSerious, focusConsole } from './cards-helpers';
import { CONSOLE, download, goLive, launch, readEvents, readStore, sidebarFrame, verifyCli } from './harness';

interface Ev {
  seq: number;
  id: string;
  item: { kind: string; id: string };
  action: string;
  corrects?: string;
}

// Issue 20 end to end, in real Chromium with the built extension: the producer writes a
// don't-say item, the readiness check flags a risky term and the producer keeps it with a
// reason; the host goes live, presses C on the console page, and the exported log holds the
// correction, which verifies.
test('don’t say: a claim written in the studio, a flagged term accepted with a reason, C on air, the correction in the export', async ({}, testInfo) => {
  const out = testInfo.outputPath();
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    // --- The producer edits the hoodie. ---
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/card/demo-card-hoodie`);
    const editor = studio.locator('form.card-editor');
    await editor.getByLabel('Name (English)').fill('The best oversized cotton hoodie');
    const section = editor.locator('#section-dontSay');
    await section.getByRole('button', { name: /Add a don't-say claim/ }).click();
    await section.getByLabel("Don't say 1 (English)").fill('waterproof');
    await section.getByLabel('Say instead 1 (English)').fill('water-repellent');
    await section.getByLabel("Don't say 1 (Chinese (China))").fill('防水');
    await section.getByLabel('Say instead 1 (Chinese (China))').fill('防泼水');
    await expect(editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    // The editor's own preview is the sidebar's card: the box is there.
    await expect(studio.frameLocator('aside.preview iframe').locator('[data-testid="dont-say"]')).toContainText('water-repellent');
    await expect
      .poll(async () => (await readCards(worker)).find((c) => c.id === 'demo-card-hoodie')?.dontSay)
      .toEqual([{ id: expect.any(String), claim: { en: 'waterproof', 'zh-CN': '防水' }, say: { en: 'water-repellent', 'zh-CN': '防泼水' } }]);

    // --- Readiness flags "best" on the EU deck; the producer keeps it, by keyboard, with a reason. ---
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/deck/demo-deck`);
    const readiness = studio.getByRole('region', { name: 'Ready to go live?' });
    const flag = readiness.locator('li[data-code="risky-term"]');
    await expect(flag).toHaveCount(1);
    await expect(flag).toContainText('Name (English) uses “best”');
    await expect(flag.getByRole('link', { name: /^Fix/ })).toHaveAttribute('href', '#/card/demo-card-hoodie?field=name&language=en');
    expect((await new AxeBuilder({ page: studio }).include('.readiness').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await flag.getByRole('button', { name: /^Accept…/ }).focus();
    await studio.keyboard.press('Enter');
    const reason = flag.getByLabel('Why keep “best”? (kept on the product with the date)');
    await expect(reason).toBeFocused();
    await studio.keyboard.type('Voted best hoodie by Which? 2026, report on file');
    await studio.keyboard.press('Enter');
    await expect(readiness.locator('li[data-code="risky-term-accepted"]')).toContainText('“best” in Name (English), accepted: Voted best hoodie by Which? 2026, report on file');
    await expect(readiness.locator('li[data-code="risky-term"]')).toHaveCount(0);
    const hoodie = (await readCards(worker)).find((c) => c.id === 'demo-card-hoodie')!;
    expect(hoodie.acceptedTerms).toEqual([{ term: 'best', field: 'name', language: 'en', reason: 'Voted best hoodie by Which? 2026, report on file', at: expect.any(Number) }]);

    // --- The host goes live on the console and presses C there. ---
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    const box = sidebar.getByRole('group', { name: /Don't say/ });
    await expect(box).toContainText('waterproof');
    await expect(box).toContainText('Say instead: water-repellent');
    await goLive(sidebar, 'Lina');
    await expect(sidebar.locator('#card-title')).toHaveText(/hoodie/i);
    expect(await axeSerious(sidebar)).toEqual([]);
    await focusConsole(page);
    await page.keyboard.press('c');
    await expect(box.getByRole('status')).toHaveText(/Correction recorded/);
    await page.screenshot({ path: testInfo.outputPath('dont-say-live.png') });
    await sidebar.getByRole('button', { name: 'End session' }).click();
    await sidebar.getByRole('button', { name: /End without recap/ }).click();
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();

    const events = (await readEvents<Ev>(worker)).sort((a, b) => a.seq - b.seq);
    const dontSayId = hoodie.dontSay![0].id;
    expect(events.map((e) => [e.item.kind, e.item.id, e.action, e.corrects])).toEqual([['dontSay', dontSayId, 'correction', undefined]]);

    // --- The export holds the correction, and verifies. ---
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/sessions`);
    const sessions = studio.locator('section.sessions-area');
    await expect(sessions.getByRole('row', { name: /Lina/ })).toBeVisible();
    const jsonFile = await download(studio, () => sessions.getByRole('button', { name: 'Export listed as JSON' }).click(), out);
    const csvFile = await download(studio, () => sessions.getByRole('button', { name: 'Export listed as CSV' }).click(), out);
    const log = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(log.events.map((e: Ev) => [e.item.kind, e.action])).toEqual([['dontSay', 'correction']]);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csvFile, 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.item_kind, r.item_text, r.action, r.corrects])).toEqual([['dontSay', 'waterproof → water-repellent', 'correction', '']]);
    const verified = verifyCli(jsonFile);
    expect(verified.status, verified.out).toBe(0);

    // The timeline shows it, and the coverage of must-say items does not count it.
    await sessions.getByRole('row', { name: /Lina/ }).getByRole('button', { name: 'Timeline' }).click();
    const detail = studio.locator('section.session-detail');
    await expect(detail.locator('[data-card-id="demo-card-hoodie"] tr[data-seq="1"]')).toContainText("Don't say: waterproof → water-repellent");
    await expect(detail.locator('[data-card-id="demo-card-hoodie"] .coverage li')).toHaveAttribute('data-status', 'not-said');
  } finally {
    await context.close();
  }
});

interface StoredCard {
  id: string;
  dontSay?: { id: string; claim: Record<string, string>; say?: Record<string, string> }[];
  acceptedTerms?: unknown[];
}

const readCards = (worker: Parameters<typeof readStore>[0]) => readStore<StoredCard>(worker, 'cards');
