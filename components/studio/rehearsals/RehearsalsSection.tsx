import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOffset } from '../../../lib/export/offset';
import { formatDateTime } from '../../../lib/format';
import type { Client } from '../../../lib/messaging/client';
import type { RehearsalSummary } from '../../../lib/rehearsal/types';
import type { OnChanged } from '../changes';
import { errorCode } from '../producer/data';
import { useSortable } from '../shell/sortable';
import { RehearsalReviewTable } from './RehearsalReview';
import './rehearsals.css';

/**
 * Issue 20: the rehearsals hosts ran, for the producer to review (what was skipped, how long each
 * product took), and to discard. Read with rehearsal.list, never with the session requests.
 */
export function RehearsalsSection({ call, onChanged, confirm }: { call: Client; onChanged: OnChanged; confirm: (text: string) => boolean }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<RehearsalSummary[] | null>(null);
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();
  const load = useCallback(
    () =>
      call('rehearsal.list', {}).then(
        (rows) => (setList(rows), setError(undefined)),
        (err) => setError(errorCode(err)),
      ),
    [call],
  );
  useEffect(() => {
    void load();
    return onChanged((c) => {
      // A mark recorded in an open rehearsal changes nothing listed here (ended rehearsals only).
      if (c?.scope === undefined || (c.scope === 'rehearsal' && !c.mark) || c.scope === 'library') void load();
    });
  }, [load, onChanged]);
  const table = useSortable(
    list ?? [],
    {
      started: (r) => r.startedAt,
      host: (r) => r.host,
      deck: (r) => r.deckName,
      length: (r) => (r.endedAt ?? r.startedAt) - r.startedAt,
      products: (r) => r.productsReached,
      skipped: (r) => r.skippedCount,
      status: (r) => (r.kept ? 0 : 1),
    },
  );
  async function discard(id: string) {
    if (!confirm(t('rehearsal.discardConfirm'))) return;
    try {
      await call('rehearsal.discard', { rehearsalId: id });
      if (open === id) setOpen(undefined);
      await load();
    } catch (err) {
      setError(errorCode(err));
    }
  }
  const when = (ms: number) => formatDateTime(ms, i18n.language);
  return (
    <section aria-labelledby="rehearsals-title" className="rehearsals">
      <h2 id="rehearsals-title">{t('rehearsal.title')}</h2>
      <p className="muted">{t('rehearsal.intro')}</p>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {list === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="empty" data-testid="rehearsals-empty">
          {t('rehearsal.empty')}
        </p>
      ) : (
        <table className="rehearsal-list">
          <thead>
            <tr>
              {table.header('started', t('rehearsal.started'))}
              {table.header('host', t('rehearsal.host'))}
              {table.header('deck', t('rehearsal.deck'))}
              {table.header('length', t('rehearsal.length'))}
              {table.header('products', t('rehearsal.products'))}
              {table.header('skipped', t('rehearsal.skipped'))}
              {table.header('status', t('rehearsal.status'))}
              <th scope="col">
                <span className="visually-hidden">{t('decks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.id} data-rehearsal-id={r.id}>
                <td>{when(r.startedAt)}</td>
                <td>{r.host}</td>
                <td>{r.deckName}</td>
                <td>
                  <code>{formatOffset((r.endedAt ?? r.startedAt) - r.startedAt)}</code>
                </td>
                <td>{r.productsReached}</td>
                <td>{r.skippedCount}</td>
                <td>
                  {r.kept ? t('rehearsal.kept') : t('rehearsal.notDecided')}
                  {r.endReason === 'auto' ? ` (${t('rehearsal.autoEnded')})` : ''}
                </td>
                <td className="row">
                  <button type="button" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? undefined : r.id)}>
                    {open === r.id ? t('rehearsal.hideReview') : t('rehearsal.review')}
                  </button>
                  <button type="button" className="danger" onClick={() => void discard(r.id)}>
                    {t('rehearsal.discard')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && list?.some((r) => r.id === open) && <RehearsalReviewTable call={call} rehearsalId={open} />}
    </section>
  );
}
