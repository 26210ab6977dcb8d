import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useSidebar } from './context';

/** Before the show: pick the deck, say who is hosting, go live. */
export function GoLive() {
  const { t } = useTranslation();
  const actions = useActions();
  const decks = useSidebar((s) => s.decks);
  const deckId = useSidebar((s) => s.deckId);
  const [host, setHost] = useState('');
  const deckField = useId();
  const hostField = useId();
  if (decks.length === 0) return <p className="empty">{t('sidebar.noDecks')}</p>;
  return (
    <form
      className="go-live"
      onSubmit={(e) => {
        e.preventDefault();
        if (host.trim()) void actions.goLive(host.trim());
      }}
    >
      <label htmlFor={deckField}>{t('sidebar.deck')}</label>
      <select id={deckField} value={deckId} onChange={(e) => void actions.selectDeck(e.target.value)}>
        {decks.map((d) => (
          <option key={d.id} value={d.id}>
            {d.demo ? `[${t('common.demo')}] ` : ''}
            {d.name}
          </option>
        ))}
      </select>
      <label htmlFor={hostField}>{t('sidebar.host')}</label>
      <input id={hostField} value={host} onChange={(e) => setHost(e.target.value)} maxLength={100} autoComplete="name" required />
      <button type="submit" className="primary" disabled={!host.trim() || !deckId}>
        {t('sidebar.goLive')}
      </button>
    </form>
  );
}
