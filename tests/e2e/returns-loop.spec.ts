import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axeSerious, focusConsole } from './cards-helpers';
import { importPayload } from '../../lib/returns/line-columns';
import { orderLine as line, returnOf as ret } from './orders-helpers';
import { CONSOLE, download, goLive, launch, readEvents, ROOT, sidebarFrame, EXTENSION_DIR } from './harness';

interface Ev {
  seq: number;
  at: number;
  action: string;
  cardId: string;
}


test('a recorded show, its orders and returns: look up an order, print and verify its evidence, read the analysis, see the readiness problem', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const out = testInfo.outputPath();
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    // --- A short show: the hoodie's size chart shown and its caveat said, then End. ---
    const page = await context.newPage();
    await page.goto(CONSOLE);
    const sidebar = await sidebarFrame(page, extensionId);
    await goLive(sidebar, 'Lina');
    const caveat = sidebar.locator('li.item-caveat');
    await caveat.getByRole('button', { name: /Mark said/ }).click();
    await expect(caveat).toHaveAttribute('data-state', 'recorded');
    await focusConsole(page);
    await page.keyboard.press('e');
    await page.keyboard.press('e');
    await expect(sidebar.getByRole('button', { name: 'Go live' })).toBeVisible();
    const recorded = (await readEvents<Ev>(worker)).sort((a, b) => a.seq - b.seq);
    expect(recorded[0].action).toBe('said');
    // Bought after everything the show recorded (the caveat, then the end-of-show recap).
    const said = { at: recorded[recorded.length - 1].at };

    // --- Orders and returns arrive (reading the files is another part; here the lines the studio
    // sends, through the background's own orders.import, so it knows they changed). ---
    const hoodies = Array.from({ length: 20 }, (_, i) => line(`57700${String(i).padStart(2, '0')}`, 'DEMO-HOODIE-01-M', said.at + 1000 + i));
    const covers = Array.from({ length: 40 }, (_, i) => line(`58800${String(i).padStart(2, '0')}`, 'DEMO-COVER-60', said.at + 2000 + i));
    const stray = line('5990000', 'DEMO-HOODIE-01-L', said.at - 3_600_000);
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/returns`);
    const payload = importPayload({ orders: [...hoodies, ...covers, stray], returns: [...hoodies.slice(0, 12).map((o) => ret(o, 'size_fit')), ...covers.slice(0, 3).map((o) => ret(o, 'changed_mind'))] });
    expect(await studio.evaluate((payload) => chrome.runtime.sendMessage({ type: 'orders.import', payload }), payload)).toMatchObject({ ok: true });

    // --- After-sales looks up two orders. ---
    const returns = studio.locator('section.returns-area');
    await returns.getByLabel(/Order ids/).fill(`${hoodies[0].orderId}\n${stray.orderId}`);
    await returns.getByRole('button', { name: 'Look up' }).click();
    const evidence = returns.getByRole('article', { name: `Order ${hoodies[0].orderId} · DEMO-HOODIE-01-M` });
    await expect(evidence.getByTestId('show')).toContainText('Lina');
    await expect(evidence.getByTestId('offset')).toHaveText(/^\d\d:\d\d:\d\d/);
    await expect(evidence.locator('[data-must-say]')).toHaveAttribute('data-must-say', 'said');
    await expect(evidence.getByRole('table').first()).toContainText('Dark colours bleed');
    await expect(returns.getByRole('article', { name: /Order 5990000/ })).toContainText('no show on this platform was live');

    // Print: the browser's dialog is replaced by a count of the pages marked; then print to PDF.
    await studio.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed = document.querySelectorAll('.print-target').length);
    });
    await evidence.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => studio.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await studio.emulateMedia({ media: 'print' });
    await expect(studio.locator('.print-target')).toBeVisible();
    await expect(studio.locator('section.sessions-area')).toBeHidden();
    await expect(studio.locator('.print-target button')).toHaveCount(2);
    await expect(studio.locator('.print-target button').first()).toBeHidden();
    const pdf = await studio.pdf({ path: path.join(out, 'evidence.pdf') });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await studio.emulateMedia({ media: 'screen' });
    await studio.evaluate(() => window.dispatchEvent(new Event('afterprint')));

    // The evidence pack: a real download, checked by the command line against nothing but itself.
    const pack = await download(studio, () => evidence.getByRole('button', { name: 'Download evidence pack (JSON)' }).click(), out);
    expect(path.basename(pack)).toBe(`order-${hoodies[0].orderId}.upfront-evidence.json`);
    const cli = spawnSync('npm', ['run', '--silent', 'verify-log', '--', pack], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status, `${cli.stdout}${cli.stderr}`).toBe(0);
    expect(JSON.parse(readFileSync(pack, 'utf8')).events.map((e: Ev) => e.seq)).toEqual(recorded.map((e) => e.seq));

    // --- The team lead reads the analysis. ---
    await returns.getByText('Returns analysis', { exact: true }).click();
    const analysis = returns.locator('section.returns-analysis');
    await expect(analysis.getByTestId('returns-summary')).toContainText('15 of 60 units returned (25%)');
    await expect(analysis.getByRole('figure', { name: 'Reason mix by product' }).locator('svg').first()).toBeVisible();
    await expect(analysis.getByRole('table', { name: 'Product' }).getByRole('row', { name: /DEMO-HOODIE-01/ })).toContainText('size / fit 12');
    await expect(analysis.getByRole('heading', { name: '1 order line not attached to a show' })).toBeVisible();
    await studio.screenshot({ path: testInfo.outputPath('returns.png'), fullPage: true });
    const axe = await axeSerious(studio.mainFrame());
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    const csv = await download(studio, () => analysis.getByRole('button', { name: 'Download CSV' }).click(), out);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFFdimension,key,orders/);

    // --- The producer sees what the returns ask of the deck. ---
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/deck/demo-deck`);
    const ready = studio.getByRole('region', { name: 'Ready to go live?' });
    const problem = ready.locator('li[data-code="returns-size-fit"]');
    await expect(problem).toContainText('12 returns; size/fit returns');
    await expect(problem.getByRole('link', { name: /^Fix/ })).toHaveAttribute('href', '#/card/demo-card-hoodie?field=sizeChart');
  } finally {
    await context.close();
  }
});

test('the sidebar never loads charting code; the studio loads it on demand', () => {
  const chunks = path.join(EXTENSION_DIR, 'chunks');
  const withPlot = readdirSync(chunks).filter((f) => readFileSync(path.join(chunks, f), 'utf8').includes('plot-d6a7b5'));
  expect(withPlot).toHaveLength(1);
  const entry = (html: string) => /src="\/chunks\/([^"]+)"/.exec(readFileSync(path.join(EXTENSION_DIR, html), 'utf8'))![1];
  const sidebar = entry('sidebar.html');
  const imports = (file: string) => [...readFileSync(path.join(chunks, file), 'utf8').matchAll(/chunks\/([\w-]+\.js)/g)].map((m) => m[1]);
  // Everything the sidebar's entry reaches, statically or not.
  const reached = new Set<string>([sidebar]);
  for (const f of reached) for (const i of imports(f)) reached.add(i);
  expect([...reached]).not.toContain(withPlot[0]);
  expect(imports(entry('studio.html'))).toContain(withPlot[0]);
});
