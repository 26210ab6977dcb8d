import { useTranslation } from 'react-i18next';
import { uiLanguageFor } from '../../lib/i18n';
import { generatedLanguage } from '../../lib/sidebar/viewer';

/**
 * The translator for text Upfront writes for viewers (the return-policy paragraph, the scale
 * sentence): in the viewer language when Upfront speaks it, else English, and then `translated`
 * is false so the caller marks it "not translated" instead of passing English off silently.
 */
export function useViewerT(viewer: string) {
  const { i18n } = useTranslation();
  const language = generatedLanguage(viewer);
  return { t: i18n.getFixedT(language), language, translated: uiLanguageFor(viewer) !== undefined };
}
