import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import type { LocalizedText } from '../../lib/schema/common';
import { NotTranslated } from './NotTranslated';

export interface Lang {
  /** The language host-facing text is wanted in (the session's, else the deck's first). */
  language: string;
  /** The deck's languages, tried in order when the wanted one is missing. */
  fallbacks: readonly string[];
}

/** Producer text in the wanted language; a fallback is marked so a missing translation shows. */
export function Text({ value, language, fallbacks, missing }: { value: LocalizedText | undefined; missing?: boolean } & Lang) {
  const { t } = useTranslation();
  const r = localize(value, language, fallbacks);
  if (!r) return missing ? <span className="missing-inline">{t('missing.value')}</span> : null;
  return (
    <>
      <span lang={r.language} data-fallback={r.fallback || undefined} title={r.fallback ? t('cardView.fallbackLanguage', { language: r.language }) : undefined}>
        {r.text}
      </span>
      {r.fallback && (
        <>
          {' '}
          <NotTranslated shown={r.language} wanted={language} />
        </>
      )}
    </>
  );
}
