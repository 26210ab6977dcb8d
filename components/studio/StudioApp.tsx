import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import type { DeckSummary } from '../../lib/db/repository';
import { logToCsv } from '../../lib/export/log-csv';
import { logToJson } from '../../lib/export/log-json';
import type { Client } from '../../lib/messaging/client';
import type { Card } from '../../lib/schema/card';
import type { Session } from '../../lib/schema/session';
import { downloadText, fileSafe } from './download';

interface Props {
  call: Client;
  /** Subscribes to "data changed" pushes; returns an unsubscribe function. */
  onChanged: (listener: () => void) => () => void;
  confirm: (text: string) => boolean;
}

interface Data {
  decks: DeckSummary[];
  cards: Card[];
  sessions: Session[];
}

/** The full-tab studio: decks and products for producers, sessions and exports for the team. */
export function StudioApp({ call, onChanged, confirm }: Props) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [decks, cards, sessions] = await Promise.all([call('deck.list', {}), call('card.list', {}), call('session.list', {})]);
      setData({ decks, cards, sessions });
      setError(undefined);
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }, [call]);

  useEffect(() => {
    void load();
    return onChanged(() => void load());
  }, [load, onChanged]);

  const dateTime = (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);

  async function download(session: Session, format: 'csv' | 'json') {
    try {
      const log = await call('log.export', { sessionIds: [session.id] });
      const name = `upfront-${new Date(session.startedAt).toISOString().slice(0, 10)}-${fileSafe(session.host)}-${session.id.slice(0, 8)}`;
      if (format === 'csv') downloadText(`${name}.csv`, logToCsv(log), 'text/csv;charset=utf-8');
      else downloadText(`${name}.json`, logToJson(log, Date.now()), 'application/json');
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }

  async function removeDemo() {
    if (!confirm(t('studio.removeDemoConfirm'))) return;
    try {
      await call('demo.remove', {});
      setNotice(t('studio.demoRemoved'));
      await load();
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }

  return (
    <div className="studio">
      <header className="studio-bar">
        <h1>{t('studio.title')}</h1>
      </header>
      <main>
        {error && (
          <p role="alert" className="error">
            {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
        {!data ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <section aria-labelledby="decks-title">
              <h2 id="decks-title">{t('studio.decks')}</h2>
              <ul className="deck-list">
                {data.decks.map((d) => (
                  <li key={d.id}>
                    <strong>{d.name}</strong>
                    {d.demo && <span className="badge">{t('common.demo')}</span>} · {t('studio.cards', { count: d.cardCount })} ·{' '}
                    {t('studio.market')} {d.market} · {t('studio.languages')} {d.languages.join(', ')}
                  </li>
                ))}
              </ul>
              {data.decks.some((d) => d.demo) && (
                <button type="button" onClick={() => void removeDemo()}>
                  {t('studio.removeDemo')}
                </button>
              )}
            </section>

            <section aria-labelledby="products-title">
              <h2 id="products-title">{t('studio.products')}</h2>
              {data.cards.length === 0 ? (
                <p>{t('studio.noProducts')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('studio.sku')}</th>
                      <th scope="col">{t('studio.name')}</th>
                      <th scope="col">{t('studio.category')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.cards.map((c) => (
                      <tr key={c.id}>
                        <td>{c.sku}</td>
                        <td>
                          {localize(c.name, i18n.language, ['en'])?.text}
                          {c.demo && <span className="badge">{t('common.demo')}</span>}
                        </td>
                        <td>{t(`category.${c.category}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section aria-labelledby="sessions-title">
              <h2 id="sessions-title">{t('studio.sessions')}</h2>
              {data.sessions.length === 0 ? (
                <p>{t('studio.noSessions')}</p>
              ) : (
                <table className="sessions">
                  <thead>
                    <tr>
                      <th scope="col">{t('studio.started')}</th>
                      <th scope="col">{t('studio.ended')}</th>
                      <th scope="col">{t('studio.host')}</th>
                      <th scope="col">{t('studio.deck')}</th>
                      <th scope="col">{t('studio.platform')}</th>
                      <th scope="col">{t('studio.events')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('studio.downloadCsv')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.sessions.map((s) => (
                      <tr key={s.id} data-session-id={s.id}>
                        <td>{dateTime(s.startedAt)}</td>
                        <td>{s.endedAt ? dateTime(s.endedAt) : t('studio.stillLive')}</td>
                        <td>{s.host}</td>
                        <td>{s.deckName}</td>
                        <td>{s.platform}</td>
                        <td>{s.lastSeq}</td>
                        <td className="actions">
                          <button type="button" onClick={() => void download(s, 'csv')}>
                            {t('studio.downloadCsv')}
                          </button>
                          <button type="button" onClick={() => void download(s, 'json')}>
                            {t('studio.downloadJson')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
