// Import of a 1,000-product deck file (docs/deck-file.md), driven through the studio like a
// producer: choose the file, wait for the preview (read and validated), confirm, wait for
// "Imported". The figure is validate + store, the producer's reading time left out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoRecords, launch, openExtensionPage } from '../browser.mjs';
import { budget } from '../budgets.mjs';

export async function deckImport({ runs, products, report, log }) {
  const { context, worker, extensionId } = await launch();
  try {
    const file = await writeDeckFile(worker, products);
    const validate = [];
    const store = [];
    const total = [];
    for (let i = 0; i < runs; i++) {
      await removeImported(worker, products);
      const studio = await openExtensionPage(context, extensionId, 'studio.html#/import');
      const input = studio.locator('.import input[type=file]');
      await input.waitFor();
      await studio.evaluate(() => {
        const w = window;
        w.benchImport = {};
        document.addEventListener('change', (e) => e.target instanceof HTMLInputElement && e.target.type === 'file' && (w.benchImport.chosen = performance.now()), true);
        new MutationObserver(() => {
          if (!w.benchImport.preview && document.querySelector('.import-preview .actions button.primary')) w.benchImport.preview = performance.now();
          if (!w.benchImport.done && document.querySelector('.import p.ok')) w.benchImport.done = performance.now();
        }).observe(document.body, { subtree: true, childList: true });
      });
      await input.setInputFiles(file);
      const confirm = studio.locator('.import-preview .actions button.primary');
      await confirm.waitFor({ timeout: 60_000 });
      if (!(await confirm.textContent()).includes(String(products))) throw new Error(`preview did not offer ${products} products: ${await confirm.textContent()}`);
      await confirm.evaluate((b) => {
        window.benchImport.confirmed = performance.now();
        b.click();
      });
      await studio.locator('.import p.ok').waitFor({ timeout: 60_000 });
      const t = await studio.evaluate(() => window.benchImport);
      validate.push(t.preview - t.chosen);
      store.push(t.done - t.confirmed);
      total.push(validate.at(-1) + store.at(-1));
      log(`  import ${i + 1}: read + validate ${Math.round(validate.at(-1))} ms, store ${Math.round(store.at(-1))} ms`);
      await studio.close();
    }
    report(`import of a ${products.toLocaleString('en')}-product deck (validate + store)`, 'ms', total, budget('median', 500));
    report('  of which read + validate (file chosen → preview)', 'ms', validate, 'info');
    report('  of which store (confirm → imported)', 'ms', store, 'info');
  } finally {
    await context.close();
  }
}

/** A deck file of `count` products copied from the demo cards, with the demo policies. */
async function writeDeckFile(worker, count) {
  const demo = await demoRecords(worker);
  const now = Date.now();
  const cards = Array.from({ length: count }, (_, i) => {
    const { demo: _d, ...base } = demo.cards[i % demo.cards.length];
    return { ...base, id: `import-card-${i}`, sku: `IMPORT-${String(i).padStart(4, '0')}`, name: Object.fromEntries(Object.entries(base.name).map(([l, t]) => [l, `${t} #${i + 1}`])), updatedAt: now };
  });
  const policies = demo.policies.map(({ demo: _d, ...p }) => ({ ...p, id: `import-${p.id}`, updatedAt: now }));
  for (const c of cards) if (c.policyId) c.policyId = `import-${c.policyId}`;
  const deck = { id: 'import-deck', name: `Imported ${count}`, cardIds: cards.map((c) => c.id), market: 'EU', languages: ['en', 'zh-CN'], defaultPolicyId: policies[0].id, updatedAt: now };
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'upfront-bench-import-')), `bench-${count}.upfront-deck.json`);
  writeFileSync(file, `${JSON.stringify({ format: 'upfront-deck', version: 1, deck, cards, policies, images: [] }, null, 2)}\n`);
  return file;
}

/** Takes the imported products, policies and deck out again, so every run adds them afresh. */
async function removeImported(worker, count) {
  await worker.evaluate(async (count) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('upfront');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['cards', 'decks', 'policies'], 'readwrite');
      for (let i = 0; i < count; i++) tx.objectStore('cards').delete(`import-card-${i}`);
      tx.objectStore('decks').delete('import-deck');
      tx.objectStore('policies').delete(IDBKeyRange.bound('import-', 'import-\uffff'));
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}
