import { useTranslation } from 'react-i18next';
import { templateForMarket } from '../../../lib/cards/policy-templates';
import { formatList } from '../../../lib/format';
import { marketProfile, missingSuggestedLanguages } from '../../../lib/markets';
import { languageName, regionName } from '../../../lib/sessions/choices';
import type { Deck } from '../../../lib/schema/deck';

/**
 * What the deck's market implies (lib/markets): units, the return-policy template and the
 * consumer rule behind it, and the languages to prepare, with one click to add a missing one.
 */
export function MarketProfileView({ deck, onAddLanguage }: { deck: Deck; onAddLanguage: (language: string) => void }) {
  const { t, i18n } = useTranslation();
  const profile = marketProfile(deck.market);
  const market = `${regionName(deck.market, i18n.language)} (${deck.market})`;
  if (!profile) {
    return (
      <div className="market-profile" data-market={deck.market}>
        <p>{t('markets.unknown', { market })}</p>
      </div>
    );
  }
  const template = templateForMarket(deck.market);
  const missing = missingSuggestedLanguages(deck.market, deck.languages);
  return (
    <div className="market-profile" data-market={deck.market}>
      <h3>{t('markets.title', { market })}</h3>
      <dl>
        <dt>{t('markets.unitsLabel')}</dt>
        <dd>{t(profile.lengthUnit === 'in' ? 'markets.units.imperial' : 'markets.units.metric')}</dd>
        <dt>{t('markets.templateLabel')}</dt>
        <dd>{t(`editor.template.${template.id}`)}</dd>
        <dt>{t('markets.ruleLabel')}</dt>
        <dd>
          {t(`markets.rules.${profile.rule}`)} {t('markets.restockingNote')}
        </dd>
        <dt>{t('markets.languagesLabel')}</dt>
        <dd>{formatList(profile.languages.map((l) => languageName(l, i18n.language)), i18n.language)}</dd>
      </dl>
      {missing.length > 0 && (
        <p className="suggest">
          {t('markets.suggest')}{' '}
          {missing.map((l) => (
            <button type="button" key={l} onClick={() => onAddLanguage(l)} data-add-language={l}>
              {t('markets.addLanguage', { language: languageName(l, i18n.language) })}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
