import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Frame, type Page } from '@playwright/test';
import { ROOT } from './harness';

/** Puts keyboard focus on the console page itself (not its fields, not the sidebar frame). */
export async function focusConsole(page: Page) {
  await page.locator('#chat').focus();
  await page.locator('#chat').evaluate((el) => (el as HTMLElement).blur());
  expect(await page.evaluate(() => document.hasFocus() && document.activeElement === document.body)).toBe(true);
}

/** Puts keyboard focus inside the sidebar frame's document (on its body, not in a field). */
export async function focusSidebar(sidebar: Frame) {
  await sidebar.locator('#run-search').focus();
  await sidebar.locator('#run-search').press('Escape');
  expect(await sidebar.evaluate(() => document.hasFocus() && document.activeElement === document.body)).toBe(true);
}

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core inside the sidebar frame (an extension page in a closed shadow root, which a
 * page-level scan cannot enter), or a page's main frame, and returns the serious and critical
 * violations. axe ships `label-content-name-mismatch` (WCAG 2.5.3: a control's name contains its
 * visible text) as experimental and off; it is turned on here.
 */
export async function axeSerious(frame: Frame): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await frame.evaluate(AXE);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
