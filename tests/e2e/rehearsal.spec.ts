import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Rehearsal, RehearsalEvent } from '../../lib/rehearsal/types';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { axeSerious, focusConsole } from './cards-helpers';
import { CONSOLE, download, goLive, launch, readEvents, readStore, sidebarFrame, verifyCli } from './harness';

// Issue 20: a rehearsal, then a live show of the same deck in the same tab, in real Chromium.
// The rehearsal's marks read as practice, its events (the stage's too) land in the rehearsal
// log only, the exported log holds the live show alone and verifies, and the studio's
// Rehearsals section shows the kept rehearsal for review.
test('rehearse, keep it, then go live on the same deck: the export holds only the live events; the studio reviews the rehearsal', async ({}, testInfo) => {
  const out = testInfo.outputPath('downloads');
  mkdirSync(out, { recursive: true });
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    let sidebar = await sidebarFrame(page, extensionId);

    // --- Rehearse: the same sidebar and keys, a REHEARSAL banner. ---
    await sidebar.getByLabel('Host name').fill('Lina');
    await sidebar.getByRole('button', { name: 'Rehearse' }).click();
    await expect(sidebar.getByTestId('rehearsal-banner')).toContainText('REHEARSAL');
    await expect(sidebar.getByText('Rehearsal · Lina')).toBeVisible();
    await expect(sidebar.getByText(/Live · Lina/)).toHaveCount(0);
    expect(await axeSerious(sidebar)).toEqual([]);

    await focusConsole(page);
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-caveat').first().getByRole('button', { name: /practised in the rehearsal/ })).toHaveText('✓ Practised');
    await expect(sidebar.getByText(/Recorded/)).toHaveCount(0);
    // The console is reloaded mid-rehearsal: the sidebar comes back in the rehearsal, mark kept.
    await page.reload();
    sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByTestId('rehearsal-banner')).toContainText('REHEARSAL');
    await expect(sidebar.locator('li.item-caveat').first().getByRole('button', { name: /practised in the rehearsal/ })).toHaveText('✓ Practised');
    await focusConsole(page);
    // The stage works as in a show: the size chart goes on stage.
    await page.keyboard.press('s');
    await page.keyboard.press('o');
    await expect(sidebar.locator('.stage-now')).toHaveAttribute('data-on-stage', 'size:size');
    // On to the next product, then past its must-say caveat unsaid (the gate, then again: skipped).
    await page.keyboard.press('j');
    await expect(sidebar.locator('#card-title')).toHaveText(/cushion cover/i);
    await page.keyboard.press('j');
    await expect(sidebar.getByText('Not said yet')).toBeVisible();
    await page.keyboard.press('j');
    await expect(sidebar.locator('#card-title')).toHaveText(/serum/i);
    await page.screenshot({ path: testInfo.outputPath('1-rehearsal.png') });
    // The card the sidebar settles on is told after 300 ms: the review's time per product.
    await expect
      .poll(async () => (await readStore<RehearsalEvent>(worker, 'rehearsalEvents')).some((e) => e.action === 'viewed' && e.cardId === 'demo-card-serum'))
      .toBe(true);

    await sidebar.getByRole('button', { name: 'End rehearsal' }).click();
    await sidebar.getByRole('button', { name: 'End without recap' }).click();
    const ended = sidebar.getByRole('region', { name: 'Rehearsal ended' });
    await expect(ended).toBeVisible();
    expect(await axeSerious(sidebar)).toEqual([]);
    await ended.getByRole('button', { name: 'Keep for review' }).click();
    await expect(ended).toHaveCount(0);
    await expect(sidebar.getByTestId('rehearsal-banner')).toHaveCount(0);

    // In the real database: a rehearsal and its log, and no session, event or snapshot at all.
    const rehearsals = await readStore<Rehearsal>(worker, 'rehearsals');
    expect(rehearsals).toHaveLength(1);
    expect(rehearsals[0]).toMatchObject({ host: 'Lina', kept: true, endReason: 'host' });
    const practised = (await readStore<RehearsalEvent>(worker, 'rehearsalEvents')).sort((a, b) => a.seq - b.seq);
    expect(practised.filter((e) => e.action !== 'viewed').map((e) => `${e.action} ${e.item?.kind}`)).toEqual(['said caveat', 'shown size', 'hidden size', 'skipped caveat']);
    expect(await readStore<Session>(worker, 'sessions')).toEqual([]);
    expect(await readEvents(worker)).toEqual([]);
    expect(await readStore(worker, 'snapshots')).toEqual([]);

    // --- Go live on the same deck in the same tab. ---
    await goLive(sidebar, 'Lina');
    await expect(sidebar.getByTestId('rehearsal-banner')).toHaveCount(0);
    const liveCaveat = sidebar.locator('li.item-caveat').first();
    await expect(liveCaveat).toHaveAttribute('data-state', 'none');
    await focusConsole(page);
    await page.keyboard.press('m');
    await expect(liveCaveat.getByRole('button', { name: /recorded/i })).toHaveText('✓ Recorded');
    await page.keyboard.press('k');
    await page.keyboard.press('m');
    await expect(sidebar.locator('li.item-caveat').first()).toHaveAttribute('data-state', 'recorded');
    await sidebar.getByRole('button', { name: 'End session' }).click();
    await sidebar.getByRole('button', { name: 'End without recap' }).click();
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    // A live show's end offers no keep or discard: that is a rehearsal's alone.
    await expect(sidebar.getByRole('region', { name: 'Rehearsal ended' })).toHaveCount(0);

    const sessions = await readStore<Session>(worker, 'sessions');
    expect(sessions).toHaveLength(1);
    const live = (await readEvents<DisclosureEvent>(worker)).sort((a, b) => a.seq - b.seq);
    expect(live.map((e) => e.action)).toEqual(['said', 'said']);
    expect(live.every((e) => e.sessionId === sessions[0].id)).toBe(true);
    expect(sessions[0].id).not.toBe(rehearsals[0].id);
    // The rehearsal log is as it was.
    expect(await readStore<RehearsalEvent>(worker, 'rehearsalEvents')).toHaveLength(practised.length);

    // --- The studio: export the log (only the live events), then review the rehearsal. ---
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/sessions`);
    const area = studio.locator('section.sessions-area');
    await expect(area.getByRole('row', { name: /Lina/ })).toHaveCount(1);
    const jsonFile = await download(studio, () => area.getByRole('button', { name: 'Export listed as JSON' }).click(), out);
    const log = JSON.parse(readFileSync(jsonFile, 'utf8')) as { sessions: Session[]; events: DisclosureEvent[] };
    expect(log.sessions.map((s) => s.id)).toEqual([sessions[0].id]);
    expect(log.events.map((e) => e.id).sort()).toEqual(live.map((e) => e.id).sort());
    const rehearsalIds = new Set([rehearsals[0].id, ...practised.map((e) => e.id)]);
    expect(readFileSync(jsonFile, 'utf8').split(/[^0-9a-f-]+/).filter((word) => rehearsalIds.has(word))).toEqual([]);
    const verified = verifyCli(jsonFile);
    expect(verified.status, verified.out).toBe(0);

    await studio.goto(`chrome-extension://${extensionId}/studio.html#/rehearsals`);
    const list = studio.locator('section.rehearsals');
    const row = list.getByRole('row', { name: /Lina/ });
    await expect(row).toContainText('Kept');
    await expect(row.getByRole('cell').nth(4)).toHaveText('3');
    await expect(row.getByRole('cell').nth(5)).toHaveText('1');
    await row.getByRole('button', { name: 'Review' }).click();
    const review = studio.getByTestId('rehearsal-review');
    await expect(review.locator('tr[data-card="demo-card-cushion-cover"]')).toContainText('Not suitable for cushions larger than 60 cm');
    await expect(review.locator('tr[data-card="demo-card-hoodie"]')).toContainText('None');
    expect(await axeSerious(studio.mainFrame())).toEqual([]);
    await studio.screenshot({ path: testInfo.outputPath('2-studio-rehearsals.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('the side panel rehearses the console tab in front; the console sidebar opens on that rehearsal, with no Go live; each mark shows in the other view at once', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const consolePage = await context.newPage();
    await consolePage.goto(CONSOLE);
    await sidebarFrame(consolePage, extensionId); // the console tab has said hello
    // Headless Chromium has no side panel: the same page, top level, in a tab of its own.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidebar.html`);
    await panel.getByLabel('Host name').fill('Mei');
    await panel.getByRole('button', { name: 'Rehearse' }).click();
    await expect(panel.getByTestId('rehearsal-banner')).toContainText('REHEARSAL');
    expect(await axeSerious(panel.mainFrame())).toEqual([]);
    await panel.locator('li.item.must-say').first().getByRole('button', { name: /Mark said/ }).click();
    await expect(panel.locator('li.item.must-say').first().getByRole('button', { name: /practised in the rehearsal/ })).toBeVisible();

    // The console's own sidebar opens on the same rehearsal, and Go live is not offered there.
    await consolePage.reload();
    const overlay = await sidebarFrame(consolePage, extensionId);
    await expect(overlay.getByTestId('rehearsal-banner')).toContainText('REHEARSAL');
    await expect(overlay.getByText('Rehearsal · Mei')).toBeVisible();
    await expect(overlay.getByRole('button', { name: 'Go live' })).toHaveCount(0);

    // From here both views are open on the rehearsal: a mark made in one shows in the other
    // from the push, mark by mark, with no reload. (Pressed by keyboard: the sidebar was just reloaded.)
    const practised = /practised in the rehearsal/;
    const overlayPolicy = overlay.locator('li.item-policy').first().getByRole('button', { name: /Mark said/ });
    await overlayPolicy.focus();
    await overlayPolicy.press('Enter');
    await expect(overlay.locator('li.item-policy').first().getByRole('button', { name: practised })).toBeVisible();
    await expect(panel.locator('li.item-policy').first().getByRole('button', { name: practised })).toHaveText('✓ Practised');
    await panel.locator('li.item-size').first().getByRole('button', { name: /Mark said/ }).click();
    await expect(overlay.locator('li.item-size').first().getByRole('button', { name: practised })).toHaveText('✓ Practised');
    expect(await axeSerious(overlay)).toEqual([]);
    expect(await readStore<Session>(worker, 'sessions')).toEqual([]);
    const rehearsals = await readStore<Rehearsal>(worker, 'rehearsals');
    expect(rehearsals.map((r) => [r.host, r.endedAt])).toEqual([['Mei', undefined]]);
  } finally {
    await context.close();
  }
});
