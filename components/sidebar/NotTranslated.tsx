import { useTranslation } from 'react-i18next';
import { useLanguageName } from '../common/language-name';

/**
 * The visible mark on host-facing text shown in another language than the viewer's, so the host
 * knows to translate on the fly or say "I'll check", never reads English to a Spanish audience
 * unawares.
 */
export function NotTranslated({ shown, wanted }: { shown: string; wanted: string }) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  return (
    <span className="not-translated" title={t('cardView.fallbackLanguage', { language: ln(shown) })} data-wanted={wanted} data-shown={shown}>
      {t('cardView.notTranslated')}
    </span>
  );
}
