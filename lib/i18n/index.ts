import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

/** Picks a supported interface language for a browser UI language such as "zh-CN" or "en-GB". */
export function pickUiLanguage(browserLanguage: string | undefined): UiLanguage {
  const lang = (browserLanguage ?? '').toLowerCase();
  if (lang.startsWith('zh')) return 'zh-CN';
  return 'en';
}

/** A ready i18next instance. Each page makes its own; tests pass the language they need. */
export async function createI18n(language: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: pickUiLanguage(language),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
