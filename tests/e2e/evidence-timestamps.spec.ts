import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eventHash } from '../../lib/evidence/chain';
import { startTestTsa } from '../helpers/tsa-server';
import { CONSOLE, download, goLive, launch, readStore, sidebarFrame, verifyCli } from './harness';

// The whole path is real: the service worker asks a real RFC 3161 authority (`openssl ts` behind
// HTTP on 127.0.0.1, a CA made for this run) when the show goes live and when it ends; the studio
// exports the log with its proofs; the team lead's terminal verifies it, and a rewrite fails.
test('a show is time-stamped by an independent authority, and a rewritten log fails verification', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const tsa = await startTestTsa('Upfront E2E TSA');
  const out = testInfo.outputPath();
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    // The setting the studio saves once the browser granted the authority's origin (the browser's
    // permission prompt cannot be answered headless; the studio's side is a component test).
    await worker.evaluate((url) => chrome.storage.local.set({ proofSettings: { tsaUrl: url } }), tsa.url);
    // The harness refuses every other request (no network here), the service worker's included:
    // let the authority's through to the real server.
    await context.route(tsa.url, (route) => route.continue());

    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Lina');
    const first = sidebar.locator('li.item').first();
    await first.getByRole('button', { name: /Mark said/ }).click();
    await expect(first).toHaveAttribute('data-state', 'recorded');
    await sidebar.getByRole('button', { name: 'End session' }).click();
    await sidebar.getByRole('button', { name: /End without recap/ }).click();

    // Stamped at Go live (the header) and at the end, by the authority's clock.
    await expect.poll(async () => (await readStore<{ seq: number }>(worker, 'stamps')).map((s) => s.seq).sort(), { timeout: 20_000 }).toEqual([0, 1]);
    expect(tsa.answered).toBeGreaterThanOrEqual(2);

    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/sessions`);
    const sessions = studio.locator('section.sessions-area');
    const jsonFile = await download(studio, () => sessions.getByRole('button', { name: 'Export listed as JSON' }).click(), out);
    const log = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(log.version).toBe(3);
    expect(log.sessions[0].chainVersion).toBe(2);
    expect(log.proofs.stamps).toHaveLength(2);
    expect(log.proofs.keys).toHaveLength(1);

    // The studio's verifier and the terminal say the same.
    await studio.getByLabel('Log file to verify').setInputFiles(jsonFile);
    const ok = studio.locator('[data-verified="true"]');
    await expect(ok).toContainText('2 time-stamps');
    await expect(ok).toContainText('Upfront E2E TSA');
    await expect(ok).toContainText('header covered by the chain');
    await ok.screenshot({ path: testInfo.outputPath('verify-with-stamps.png') });
    const good = verifyCli(jsonFile);
    expect(good.status, good.out).toBe(0);
    expect(good.out).toMatch(/timestamps: 2 \(first .*, last .*, up to event 1; by Upfront E2E TSA, Upfront tests\)/);

    // Someone with the file rewrites the session — said becomes skipped — and recomputes every hash.
    const forged = structuredClone(log);
    let prev = forged.events[0].prev;
    for (const e of forged.events) {
      e.action = 'skipped';
      e.prev = prev;
      const { hash: _old, ...rest } = e;
      e.hash = eventHash(rest);
      prev = e.hash;
    }
    forged.sessions[0].head = prev;
    const forgedFile = path.join(out, 'rewritten.json');
    writeFileSync(forgedFile, JSON.stringify(forged, null, 2));
    const bad = verifyCli(forgedFile);
    expect(bad.status, bad.out).toBe(1);
    expect(bad.out).toContain('[stamp-head]');
    expect(bad.out).toContain('changed, removed or added after it was stamped');

    // Settings says every ended show has its time-stamp.
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/settings`);
    await expect(studio.getByText('Every ended show has its time-stamp.')).toBeVisible();
  } finally {
    await context.close();
    await tsa.close();
  }
});
