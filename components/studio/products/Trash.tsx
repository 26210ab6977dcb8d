import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Client } from '../../../lib/messaging/client';
import { errorCode, type ProducerLists } from '../producer/data';

/** Deleted products and decks, restorable until the producer empties them for good. */
export function Trash({ data, call, confirm }: { data: ProducerLists; call: Client; confirm: (text: string) => boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string>();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(undefined);
    } catch (err) {
      setError(errorCode(err));
    }
  };
  return (
    <section aria-labelledby="trash-title">
      <h2 id="trash-title">{t('trash.title')}</h2>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {data.trash.length === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <ul className="plain trash">
          {data.trash.map((e) => (
            <li key={e.key} className="row">
              <span className="badge">{t(`trash.kind.${e.kind}`)}</span>
              <strong>{e.label}</strong>
              <span className="hint">{t('trash.deletedAt', { when: formatDateTime(e.deletedAt, i18n.language) })}</span>
              <button type="button" onClick={() => void act(() => call('trash.restore', { key: e.key }))}>
                {t('trash.restore')}
              </button>
              <button type="button" className="danger" onClick={() => confirm(t('trash.purgeConfirm', { label: e.label })) && void act(() => call('trash.purge', { key: e.key }))}>
                {t('trash.purge')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
