import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageChoices, languageName, marketChoices, platformName, regionName } from '../../lib/sessions/choices';
import { useActions, useSidebar } from './context';
import './sessions.css';

/**
 * Before the show: pick the deck, say who is hosting and for which market and language, go live.
 * The platform and console are recognised from the page, so they are shown, not asked.
 */
export function GoLive() {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const decks = useSidebar((s) => s.decks);
  const deckId = useSidebar((s) => s.deckId);
  const bundle = useSidebar((s) => s.bundle);
  const context = useSidebar((s) => s.context);
  const resumable = useSidebar((s) => s.resumable);
  const starting = useSidebar((s) => s.starting);
  const [host, setHost] = useState('');
  const markets = marketChoices(bundle);
  const languages = languageChoices(bundle);
  const [market, setMarket] = useState<string>();
  const [language, setLanguage] = useState<string>();
  const ids = { deck: useId(), host: useId(), market: useId(), language: useId(), rehearse: useId() };
  // A new deck brings its own market and languages: start from its defaults again.
  useEffect(() => {
    setMarket(undefined);
    setLanguage(undefined);
  }, [bundle?.deck.id]);
  if (decks.length === 0) return <p className="empty">{t('sidebar.noDecks')}</p>;
  // A session this console left open must be resumed or ended first (Resume.tsx).
  if (resumable.length > 0) return null;
  const chosenMarket = market ?? bundle?.deck.market ?? markets[0];
  const chosenLanguage = language && languages.includes(language) ? language : languages[0];
  return (
    <form
      className="go-live"
      onSubmit={(e) => {
        e.preventDefault();
        if (host.trim()) void actions.goLive(host.trim(), { market: chosenMarket, language: chosenLanguage });
      }}
    >
      <label htmlFor={ids.deck}>{t('sidebar.deck')}</label>
      <select id={ids.deck} value={deckId} onChange={(e) => void actions.selectDeck(e.target.value)}>
        {decks.map((d) => (
          <option key={d.id} value={d.id}>
            {d.demo ? `[${t('common.demo')}] ` : ''}
            {d.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.host}>{t('sidebar.host')}</label>
      <input id={ids.host} value={host} onChange={(e) => setHost(e.target.value)} maxLength={100} autoComplete="name" required />
      <div className="go-live-row">
        <span>
          <label htmlFor={ids.market}>{t('session.market')}</label>
          <select id={ids.market} value={chosenMarket} onChange={(e) => setMarket(e.target.value)}>
            {markets.map((m) => (
              <option key={m} value={m}>
                {regionName(m, i18n.language)} ({m})
              </option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor={ids.language}>{t('session.language')}</label>
          <select id={ids.language} value={chosenLanguage} onChange={(e) => setLanguage(e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, i18n.language)}
              </option>
            ))}
          </select>
        </span>
      </div>
      {context && (
        <p className="go-live-console">
          {t('session.console', { platform: platformName(context.platform) ?? t('session.customSite'), origin: new URL(context.origin).host })}
        </p>
      )}
      <div className="go-live-buttons">
        <button type="submit" className="primary" disabled={!host.trim() || !deckId || starting} aria-busy={starting}>
          {t('sidebar.goLive')}
        </button>
        {/* Issue 20: the same show, practised; its log is a rehearsal's, never a session's. */}
        <button
          type="button"
          disabled={!host.trim() || !deckId || starting}
          aria-busy={starting}
          aria-describedby={ids.rehearse}
          onClick={() => void actions.goLive(host.trim(), { market: chosenMarket, language: chosenLanguage }, true)}
        >
          {t('rehearsal.rehearse')}
        </button>
      </div>
      <p id={ids.rehearse} className="go-live-hint">
        {t('rehearsal.rehearseHint')}
      </p>
    </form>
  );
}
