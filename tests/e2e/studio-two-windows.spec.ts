import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { launch, readStore } from './harness';

interface StoredCard {
  id: string;
  sku: string;
  name: Record<string, string>;
  acceptedTerms?: { term: string; reason: string }[];
}

// The producer the night before, with the studio open in two windows: Readiness' Accept… in one
// while the same product is open in the card editor in the other. Nothing either did may vanish,
// and a text changed in both is never overwritten unasked.
test('two studio windows: an acceptance in Readiness and typing in the open editor are both stored; a text changed in both is the producer’s choice', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  const hoodie = async () => (await readStore<StoredCard>(worker, 'cards')).find((c) => c.id === 'demo-card-hoodie')!;
  try {
    // --- Window 1: the card editor on the hoodie. ---
    const first = await context.newPage();
    await first.goto(`chrome-extension://${extensionId}/studio.html#/card/demo-card-hoodie`);
    const editor = first.locator('form.card-editor');
    const name = editor.getByLabel('Name (English)');
    await name.fill('The best oversized cotton hoodie');
    await expect.poll(async () => (await hoodie()).name.en).toBe('The best oversized cotton hoodie');
    const sku = (await hoodie()).sku;

    // --- Window 2: Readiness flags "best"; the producer keeps it with a reason, by keyboard. ---
    const second = await context.newPage();
    await second.goto(`chrome-extension://${extensionId}/studio.html#/deck/demo-deck`);
    const readiness = second.getByRole('region', { name: 'Ready to go live?' });
    const flag = readiness.locator('li[data-code="risky-term"]');
    await expect(flag).toContainText('Name (English) uses “best”');
    await flag.getByRole('button', { name: /^Accept…/ }).focus();
    await second.keyboard.press('Enter');
    await expect(flag.getByLabel(/Why keep “best”/)).toBeFocused();
    await second.keyboard.type('Voted best hoodie 2026, report on file');
    await second.keyboard.press('Enter');
    await expect(readiness.locator('li[data-code="risky-term-accepted"]')).toContainText('Voted best hoodie 2026');

    // --- Back in window 1, still open since before the acceptance: the producer types on. ---
    await first.bringToFront();
    await name.press('End');
    await name.pressSequentially(', unisex');
    await expect.poll(async () => (await hoodie()).name.en).toBe('The best oversized cotton hoodie, unisex');
    const both = await hoodie();
    expect(both.acceptedTerms).toEqual([expect.objectContaining({ term: 'best', reason: 'Voted best hoodie 2026, report on file' })]);
    await expect(readiness.locator('li[data-code="risky-term-accepted"]')).toContainText('Voted best hoodie 2026');

    // --- A text changed in both windows. The editor's card is a draft for a moment (no SKU), so
    // its name is not saved yet when window 2 saves another name, as another editor would. ---
    await editor.getByLabel('SKU').fill('');
    await name.fill('Hoodie, mine');
    await expect(editor.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
    await second.evaluate(async () => {
      const got = await chrome.runtime.sendMessage({ type: 'card.get', payload: { cardId: 'demo-card-hoodie' } });
      const base = got.data.card;
      const reply = await chrome.runtime.sendMessage({ type: 'card.save', payload: { card: { ...base, name: { ...base.name, en: 'Hoodie, theirs' } }, base } });
      if (!reply.ok) throw new Error(JSON.stringify(reply));
    });
    const notice = first.getByRole('region', { name: 'Changed in another window while you were editing it' });
    await expect(notice).toContainText('Name (English)');
    await expect(notice).toContainText('Here: Hoodie, mine');
    await expect(notice).toContainText('In the other window: Hoodie, theirs');
    await expect(name).toHaveValue('Hoodie, mine');
    await first.screenshot({ path: testInfo.outputPath('changed-elsewhere.png') });
    const axe = await new AxeBuilder({ page: first }).include('.changed-elsewhere').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Keep mine, by keyboard; the SKU back; the editor's name is stored, the acceptance still is.
    await notice.getByRole('button', { name: 'Keep mine' }).focus();
    await first.keyboard.press('Enter');
    await expect(notice).toHaveCount(0);
    expect((await hoodie()).name.en).toBe('Hoodie, theirs');
    await editor.getByLabel('SKU').fill(sku);
    await expect.poll(async () => (await hoodie()).name.en).toBe('Hoodie, mine');
    expect((await hoodie()).acceptedTerms).toEqual([expect.objectContaining({ term: 'best' })]);
  } finally {
    await context.close();
  }
});

interface StoredPolicy {
  id: string;
  windowDays: number;
  condition?: Record<string, string>;
  exceptions?: Record<string, string>;
  updatedAt: number;
}

// The same night, a return policy: its editor open from the deck in one window while another
// window saves the policy (as Translations or Accept… do, with their base). Nothing either did
// may vanish, and a text changed in both is the producer's choice.
test('two studio windows: the open policy editor takes in the other window’s change, and a text changed in both is the producer’s choice', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  const policy = async () => (await readStore<StoredPolicy>(worker, 'policies')).find((p) => p.id === 'demo-policy-eu')!;
  const otherWindowSaves = (page: import('@playwright/test').Page, change: { windowDays?: number; conditionEn?: string }) =>
    page.evaluate(async (change) => {
      const list = await chrome.runtime.sendMessage({ type: 'policy.list', payload: {} });
      const base = list.data.find((p: { id: string }) => p.id === 'demo-policy-eu');
      const next = { ...base, ...(change.windowDays ? { windowDays: change.windowDays } : {}), ...(change.conditionEn ? { condition: { ...base.condition, en: change.conditionEn } } : {}) };
      const reply = await chrome.runtime.sendMessage({ type: 'policy.save', payload: { policy: next, base } });
      if (!reply.ok) throw new Error(JSON.stringify(reply));
    }, change);
  try {
    // --- Window 1: the deck, its default policy open in the policy editor. ---
    const first = await context.newPage();
    await first.goto(`chrome-extension://${extensionId}/studio.html#/deck/demo-deck`);
    await first.getByRole('button', { name: 'Edit policy' }).click();
    const editor = first.locator('fieldset.policy-editor');
    const condition = editor.getByLabel('Condition (English)');
    await condition.fill('Unworn, tags on');

    // --- Window 2 changes the return window: it shows in window 1 at once, the typing stays. ---
    const second = await context.newPage();
    await second.goto(`chrome-extension://${extensionId}/studio.html#/products`);
    await otherWindowSaves(second, { windowDays: 30 });
    await expect(editor.getByLabel('Return window (days, 0 = none)')).toHaveValue('30');
    await expect(condition).toHaveValue('Unworn, tags on');

    // --- Window 2 changes the same text window 1 is editing: the notice, both texts. ---
    await otherWindowSaves(second, { conditionEn: 'Unworn, theirs' });
    const notice = editor.getByRole('region', { name: 'Changed in another window while you were editing it' });
    await expect(notice).toContainText('Condition (English)');
    await expect(notice).toContainText('Here: Unworn, tags on');
    await expect(notice).toContainText('In the other window: Unworn, theirs');
    await expect(condition).toHaveValue('Unworn, tags on');
    const axe = await new AxeBuilder({ page: first }).include('fieldset.policy-editor').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Keep mine, by keyboard; Save policy: the text typed here and the other window's window are stored.
    await notice.getByRole('button', { name: 'Keep mine' }).focus();
    await first.keyboard.press('Enter');
    await expect(notice).toHaveCount(0);
    await editor.getByRole('button', { name: 'Save policy' }).focus();
    await first.keyboard.press('Enter');
    await expect(editor).toHaveCount(0);
    const stored = await policy();
    expect(stored.condition?.en).toBe('Unworn, tags on');
    expect(stored.windowDays).toBe(30);
  } finally {
    await context.close();
  }
});
