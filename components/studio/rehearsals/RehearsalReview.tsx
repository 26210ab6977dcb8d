import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOffset } from '../../../lib/export/offset';
import { formatDateTime, formatTime } from '../../../lib/format';
import type { Client } from '../../../lib/messaging/client';
import type { RehearsalReview } from '../../../lib/rehearsal/types';
import { errorCode } from '../producer/data';
import { useSortable } from '../shell/sortable';

/** One rehearsal, product by product: when the host reached it, how long it took, what was said and skipped. */
export function RehearsalReviewTable({ call, rehearsalId }: { call: Client; rehearsalId: string }) {
  const { t, i18n } = useTranslation();
  const [review, setReview] = useState<RehearsalReview | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    call('rehearsal.review', { rehearsalId }).then(
      (r) => current && (setReview(r), setError(undefined)),
      (err) => current && setError(errorCode(err)),
    );
    return () => {
      current = false;
    };
  }, [call, rehearsalId]);
  const table = useSortable(review?.products ?? [], {
    product: (p) => p.name ?? p.sku,
    reached: (p) => p.firstAt,
    time: (p) => p.durationMs,
    said: (p) => p.said,
    skipped: (p) => p.skipped.length,
  });
  if (error) {
    return (
      <p role="alert" className="error">
        {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
      </p>
    );
  }
  if (!review) return <p role="status">{t('common.loading')}</p>;
  const { rehearsal } = review;
  return (
    <section aria-labelledby="rehearsal-review-title" className="rehearsal-review" data-testid="rehearsal-review">
      <h3 id="rehearsal-review-title">{t('rehearsal.reviewOf', { host: rehearsal.host, when: formatDateTime(rehearsal.startedAt, i18n.language) })}</h3>
      {review.products.length === 0 ? (
        <p className="empty">{t('rehearsal.noProducts')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {table.header('product', t('rehearsal.product'))}
              {table.header('reached', t('rehearsal.reached'))}
              {table.header('time', t('rehearsal.time'))}
              {table.header('said', t('rehearsal.said'))}
              {table.header('skipped', t('rehearsal.skippedItems'))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((p) => (
              <tr key={p.cardId} data-card={p.cardId}>
                <th scope="row">
                  {p.name ?? p.sku} <span className="muted">{p.sku}</span>
                </th>
                <td>{formatTime(p.firstAt, i18n.language, { seconds: true })}</td>
                <td>
                  <code>{formatOffset(p.durationMs)}</code>
                </td>
                <td>{p.said}</td>
                <td className={p.skipped.length > 0 ? 'skipped' : undefined}>
                  {p.skipped.length === 0 ? t('rehearsal.none') : p.skipped.map((s) => s.text ?? t(`item.${s.kind}`)).join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
