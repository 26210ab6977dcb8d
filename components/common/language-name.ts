import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../lib/sessions/choices';

/** Names a language tag in the interface language ("es" → "西班牙语"): codes are never shown raw. */
export function useLanguageName(): (tag: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useCallback((tag: string) => languageName(tag, locale), [locale]);
}
