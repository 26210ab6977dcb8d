import { test } from '@playwright/test';
import { goLive, launch, serveAt, sidebarFrame } from './harness';
test('dbg', async ({}, testInfo) => {
  const { context, extensionId } = await launch('/tmp/prof-' + Date.now());
  await serveAt(context, 'https://shop.tiktok.com/streamer/live/product/dashboard', 'hostile/clickjack.html');
  const page = await context.newPage();
  await page.goto('https://shop.tiktok.com/streamer/live/product/dashboard');
  const f = await sidebarFrame(page, extensionId);
  await f.locator('.sidebar').waitFor();
  await goLive(f, 'X');
  f.page().on('console', (m) => console.log('C:', m.text()));
  await f.evaluate(() => { (window as any).__log = []; const io = new IntersectionObserver((es) => { for (const e of es) (window as any).__log.push(`${Math.round(performance.now())} vis=${(e as any).isVisible}`); }, { threshold: [0, 1], trackVisibility: true, delay: 100 } as any); io.observe(document.querySelector('.sidebar')!); });
  await page.waitForTimeout(500);
  for (const step of ['decoy-pe-none', 'decoy-pe-auto', 'remove', 'plain-div', 'remove2']) {
    await page.evaluate((step) => {
      const w = window as any;
      if (step === 'decoy-pe-none') w.coverWithDecoy();
      if (step === 'decoy-pe-auto') document.getElementById('decoy')!.style.pointerEvents = 'auto';
      if (step === 'remove' || step === 'remove2') w.removeDecoy();
      if (step === 'plain-div') { const d = document.createElement('div'); d.id = 'decoy'; d.style.cssText = 'position:fixed;right:0;top:0;width:600px;height:100vh;z-index:2147483647;background:rgba(255,0,0,.5);pointer-events:none'; document.body.append(d); }
    }, step);
    await page.waitForTimeout(500);
    await f.evaluate((s) => (window as any).__log.push('--- after ' + s + ' obscured=' + document.querySelectorAll('.obscured').length), step);
  }
  console.log((await f.evaluate(() => (window as any).__log)).join('\n'));
  console.log(await page.evaluate(() => [...document.querySelectorAll(':popover-open')].map(e => e.tagName + '#' + e.id).join(',')));
  await context.close();
});
