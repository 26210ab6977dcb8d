import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import type { OrdersPreview } from '../../../../lib/returns/import/preview';

/** ISO-like UTC text, so the person can check the conversion against another tool. */
const utcText = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/**
 * How the first lines of a file were read: the time as the file wrote it beside the time it was
 * read as in the chosen zone and in UTC, so a wrong zone or date order shows before anything is
 * stored.
 */
export function OrderPreview({ result, timeZone }: { result: OrdersPreview; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const review = result.reviewCount;
  const local = (ms: number) => formatDateTime(ms, i18n.language, { seconds: true, timeZone });
  return (
    <div className="orders-preview">
      <p role="status" className="counts">
        {t('orders.counts', { orders: result.orderCount, returns: result.returnCount })}
        {review > 0 && ` · ${t('orders.review', { count: review })}`}
        {result.dateOrder && ` · ${t('orders.readAsOrder', { order: t(`orders.dateOrder.${result.dateOrder}`) })}`}
      </p>
      {result.firstOrders.length > 0 && (
        <table className="plan">
          <caption>{t('orders.firstOrders', { count: result.firstOrders.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orders.col.row')}</th>
              <th scope="col">{t('orders.col.orderId')}</th>
              <th scope="col">{t('orders.col.sku')}</th>
              <th scope="col">{t('orders.col.quantity')}</th>
              <th scope="col">{t('orders.col.inFile')}</th>
              <th scope="col">{t('orders.col.readAs', { zone: timeZone })}</th>
              <th scope="col">{t('orders.col.utc')}</th>
              <th scope="col">{t('orders.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {result.firstOrders.map((o) => (
              <tr key={o.key}>
                <td>{o.row}</td>
                <td>{o.orderId}</td>
                <td>{o.sku}</td>
                <td>{o.quantity}</td>
                <td>{o.orderedAtText}</td>
                <td>{local(o.orderedAt)}</td>
                <td>{utcText(o.orderedAt)}</td>
                <td>{o.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.firstReturns.length > 0 && (
        <table className="plan">
          <caption>{t('orders.firstReturns', { count: result.firstReturns.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orders.col.row')}</th>
              <th scope="col">{t('orders.col.orderId')}</th>
              <th scope="col">{t('orders.col.sku')}</th>
              <th scope="col">{t('orders.col.quantity')}</th>
              <th scope="col">{t('orders.col.reason')}</th>
              <th scope="col">{t('orders.col.inFile')}</th>
              <th scope="col">{t('orders.col.utc')}</th>
            </tr>
          </thead>
          <tbody>
            {result.firstReturns.map((r) => (
              <tr key={r.key}>
                <td>{r.row}</td>
                <td>{r.orderId}</td>
                <td>{r.sku}</td>
                <td>{r.quantity}</td>
                <td>
                  {t(`orders.reason.${r.reason}`)}
                  {r.needsReview && <span className="badge">{t('orders.needsReview')}</span>}
                  {(r.reasonText ?? r.reasonCode) && <span className="hint"> ({r.reasonText ?? r.reasonCode})</span>}
                </td>
                <td>{r.returnedAtText}</td>
                <td>{r.returnedAt !== undefined ? utcText(r.returnedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
