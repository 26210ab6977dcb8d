import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../lib/i18n';

/**
 * The interface language picker, in the sidebar's header and the studio's. Each language is
 * named in itself (from its own locale file), so a user lost in a language they cannot read
 * still finds theirs. Changing it here is stored by the page (lib/i18n/preference.ts) and every
 * open Upfront page follows.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className={`language-switch${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="sr-only visually-hidden">
        {t('language.label')}
      </label>
      <select id={id} value={i18n.language} title={t('language.label')} onChange={(e) => void i18n.changeLanguage(e.target.value)} data-testid="ui-language">
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t('language.name', { lng: l })}
          </option>
        ))}
      </select>
    </span>
  );
}
