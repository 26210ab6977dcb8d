import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLATFORMS } from '../../lib/platforms';
import { launch, ROOT, sidebarFrame } from './harness';

type Locale = { studio: { title: string }; translations: { title: string }; sidebar: { openStudio: string; goLive: string } };
const locale = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'lib/i18n/locales', `${name}.json`), 'utf8')) as Locale;
const es = locale('es');
const ja = locale('ja');
const zhCN = locale('zh-CN');

/**
 * Chromium's UI language (browser.i18n.getUILanguage()) follows Playwright's `locale` (it
 * passes --lang), checked below, so no extra flag is needed.
 */
const CONSOLE = PLATFORMS[0].example;
const LOCALES = [
  { locale: 'zh-CN', ui: 'zh-CN', t: zhCN },
  { locale: 'es-ES', ui: 'es', t: es },
] as const;

for (const { locale, ui, t } of LOCALES) {
  test(`a ${locale} browser gets the sidebar and the studio in ${ui}`, async ({}, testInfo) => {
    const { context, extensionId } = await launch(testInfo.outputPath('profile'), { locale });
    try {
      const studio = await context.newPage();
      await studio.goto(`chrome-extension://${extensionId}/studio.html#/translations`);
      expect(await studio.evaluate(() => chrome.i18n.getUILanguage())).toBe(locale);
      await expect(studio.getByRole('heading', { level: 1, name: t.studio.title })).toBeVisible();
      await expect(studio).toHaveTitle(t.studio.title);
      await expect(studio.getByRole('heading', { name: t.translations.title })).toBeVisible();
      expect(await studio.evaluate(() => document.documentElement.lang)).toBe(ui);

      const page = await context.newPage();
      await page.goto(CONSOLE);
      const frame = await sidebarFrame(page, extensionId);
      await expect(frame.getByRole('button', { name: t.sidebar.openStudio })).toBeVisible();
      await expect(frame.getByRole('button', { name: t.sidebar.goLive })).toBeVisible();
      await expect(frame.getByTestId('ui-language')).toHaveValue(ui);
    } finally {
      await context.close();
    }
  });
}

async function shot(page: Page, name: string, testInfo: { outputPath: (n: string) => string }) {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: false });
}

test('switching language in the sidebar applies everywhere live and survives a reload', async ({}, testInfo) => {
  const { context, extensionId } = await launch(testInfo.outputPath('profile'), { locale: 'es-ES' });
  try {
    const studio = await context.newPage();
    await studio.goto(`chrome-extension://${extensionId}/studio.html#/translations`);
    await expect(studio.getByRole('heading', { level: 1, name: es.studio.title })).toBeVisible();

    const page = await context.newPage();
    await page.goto(CONSOLE);
    let frame = await sidebarFrame(page, extensionId);
    await expect(frame.getByRole('button', { name: es.sidebar.openStudio })).toBeVisible();
    await shot(page, 'sidebar-es.png', testInfo);
    await frame.getByTestId('ui-language').selectOption('ja');
    await expect(frame.getByRole('button', { name: ja.sidebar.openStudio })).toBeVisible();
    await shot(page, 'sidebar-ja.png', testInfo);

    // The studio, open in another tab, follows at once (storage.onChanged).
    await expect(studio.getByRole('heading', { level: 1, name: ja.studio.title })).toBeVisible();
    await expect(studio).toHaveTitle(ja.studio.title);
    await studio.bringToFront();
    await expect(studio.locator('.completeness')).toBeVisible();
    await studio.locator('.translations').scrollIntoViewIfNeeded();
    await shot(studio, 'studio-ja.png', testInfo);

    // Remembered in extension storage, not the console page's.
    await page.reload();
    frame = await sidebarFrame(page, extensionId);
    await expect(frame.getByRole('button', { name: ja.sidebar.openStudio })).toBeVisible();
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('ui.language');
    const stored = await studio.evaluate(() => chrome.storage.local.get('ui.language'));
    expect(stored).toEqual({ 'ui.language': 'ja' });

    // And back, from the studio this time.
    await studio.getByTestId('ui-language').selectOption('es');
    await expect(frame.getByRole('button', { name: es.sidebar.openStudio })).toBeVisible();
    await studio.reload();
    await expect(studio.getByRole('heading', { level: 1, name: es.studio.title })).toBeVisible();
    await expect(studio.locator('.completeness')).toBeVisible();
    await studio.locator('.translations').scrollIntoViewIfNeeded();
    await shot(studio, 'studio-es.png', testInfo);
  } finally {
    await context.close();
  }
});
