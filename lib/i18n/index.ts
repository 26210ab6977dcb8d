import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import ja from './locales/ja.json';
import zhCN from './locales/zh-CN.json';

export const UI_LANGUAGES = ['en', 'zh-CN', 'es', 'ja'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
  es: { translation: es },
  ja: { translation: ja },
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language Upfront has for a language tag ("zh-Hans-CN", "es-419", "ja-JP"), or
 * undefined. Chinese of any script or region gets Simplified Chinese, the only Chinese we ship.
 */
export function uiLanguageFor(tag: string | undefined): UiLanguage | undefined {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  if (base === 'zh') return 'zh-CN';
  return UI_LANGUAGES.find((l) => l === base);
}

/** Picks a supported interface language for a browser UI language such as "zh-CN" or "en-GB". */
export function pickUiLanguage(browserLanguage: string | undefined): UiLanguage {
  return uiLanguageFor(browserLanguage) ?? 'en';
}

/** A ready i18next instance. Each page makes its own; tests pass the language they need. */
export async function createI18n(language: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: pickUiLanguage(language),
    fallbackLng: 'en',
    // Only the four languages: no "es-ES" → "es" lookups that would miss and log.
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
