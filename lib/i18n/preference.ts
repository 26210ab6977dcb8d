/**
 * The interface language the user chose, kept in extension storage (`storage.local`): shared by
 * the sidebar in every console tab, the side panel and the studio, and out of reach of the
 * console page (whose localStorage the page could read or clear). Every open Upfront page
 * follows a change live through `storage.onChanged`.
 */
import type { i18n } from 'i18next';
import { isUiLanguage, pickUiLanguage, type UiLanguage } from './index';

export const UI_LANGUAGE_KEY = 'ui.language';

/** The slice of `browser.storage.local` and `browser.storage.onChanged` this needs; tests fake it. */
export interface PreferenceArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Subscribes to changes of this area; returns an unsubscribe function. */
  subscribe(listener: (changes: Record<string, { newValue?: unknown }>) => void): () => void;
}

/** The stored choice, if any and still a language Upfront speaks. */
export async function storedUiLanguage(area: PreferenceArea): Promise<UiLanguage | undefined> {
  try {
    const value = (await area.get(UI_LANGUAGE_KEY))[UI_LANGUAGE_KEY];
    return isUiLanguage(value) ? value : undefined;
  } catch {
    // Storage unavailable (a test page, a broken profile): follow the browser.
    return undefined;
  }
}

/** The stored choice, else the browser's UI language. */
export async function initialUiLanguage(area: PreferenceArea, browserLanguage: string | undefined): Promise<UiLanguage> {
  return (await storedUiLanguage(area)) ?? pickUiLanguage(browserLanguage);
}

export async function saveUiLanguage(area: PreferenceArea, language: UiLanguage): Promise<void> {
  await area.set({ [UI_LANGUAGE_KEY]: language });
}

/**
 * Keeps an i18n instance and the stored choice in step: a language picked on this page is
 * stored (so other pages switch), and a language stored by another page is applied here.
 * `onApplied` runs after each change (pages set <html lang> and the title there).
 */
export function syncUiLanguage(instance: i18n, area: PreferenceArea, onApplied: (language: string) => void = () => undefined): () => void {
  const onLocal = (language: string) => {
    onApplied(language);
    if (isUiLanguage(language)) void saveUiLanguage(area, language).catch(() => undefined);
  };
  instance.on('languageChanged', onLocal);
  const unsubscribe = area.subscribe((changes) => {
    const next = changes[UI_LANGUAGE_KEY]?.newValue;
    // Applying it fires languageChanged, which stores the same value again: harmless, and
    // storage.onChanged does not fire for a value that did not change, so it cannot loop.
    if (isUiLanguage(next) && next !== instance.language) void instance.changeLanguage(next);
  });
  return () => {
    instance.off('languageChanged', onLocal);
    unsubscribe();
  };
}
