import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../lib/messaging/client';
import { deckProblems } from '../../../lib/readiness';
import { errorCode, newId, type ProducerLists } from '../producer/data';
import { routeHref, type Route } from '../producer/route';
import { useSortable } from '../shell/sortable';
import { useLanguageName } from '../../common/language-name';

/** Decks (run sheets): create, open, duplicate, delete to the trash. */
export function DeckList({ data, call, go, confirm }: { data: ProducerLists; call: Client; go: (r: Route) => void; confirm: (text: string) => boolean }) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(undefined);
    } catch (err) {
      setError(errorCode(err));
    }
  };
  const table = useSortable(
    data.decks.map((deck) => ({ deck, problems: deckProblems(deck, data.cards, data.policies) })),
    { name: (r) => r.deck.name, products: (r) => r.deck.cardIds.length, market: (r) => r.deck.market, languages: (r) => r.deck.languages.join(', '), readiness: (r) => r.problems.length },
  );
  async function create() {
    const id = newId();
    await act(async () => {
      await call('deck.save', { deck: { id, name: name.trim(), cardIds: [], market: 'EU', languages: ['en'], updatedAt: 0 } });
      setName('');
      go({ view: 'deck', id });
    });
  }
  return (
    <section aria-labelledby="decks-title">
      <div className="row spread">
        <h2 id="decks-title">{t('decks.title')}</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void create();
          }}
        >
          <label>
            {t('decks.newName')} <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </label>
          <button type="submit" className="primary" disabled={!name.trim()}>
            + {t('decks.create')}
          </button>
        </form>
      </div>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {data.decks.length === 0 ? (
        <p>{t('decks.empty')}</p>
      ) : (
        <table className="deck-list">
          <thead>
            <tr>
              {table.header('name', t('decks.name'))}
              {table.header('products', t('decks.products'))}
              {table.header('market', t('decks.market'))}
              {table.header('languages', t('decks.languages'))}
              {table.header('readiness', t('readiness.title'))}
              <th scope="col">
                <span className="visually-hidden">{t('decks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map(({ deck: d, problems }) => {
              return (
                <tr key={d.id}>
                  <td>
                    <a href={routeHref({ view: 'deck', id: d.id })}>{d.name}</a>
                    {d.demo && <span className="badge">{t('common.demo')}</span>}
                  </td>
                  <td>{d.cardIds.length}</td>
                  <td>{d.market}</td>
                  <td>{d.languages.map(ln).join(', ')}</td>
                  <td>{problems.length === 0 ? <span className="ok">✓ {t('readiness.ready')}</span> : t('readiness.count', { count: problems.length })}</td>
                  <td className="actions">
                    <button
                      type="button"
                      onClick={() => void act(() => call('deck.duplicate', { deckId: d.id, id: newId(), name: t('decks.copyName', { name: d.name }).slice(0, 200) }))}
                    >
                      {t('decks.duplicate')}
                    </button>
                    <button type="button" className="danger" onClick={() => confirm(t('decks.deleteConfirm', { name: d.name })) && void act(() => call('deck.delete', { deckId: d.id }))}>
                      {t('decks.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
