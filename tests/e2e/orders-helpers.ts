import type { OrderLine, ReturnLine } from '../../lib/returns/types';

/** A TikTok order line as the import stores it: one unit of `sku`, ordered at `orderedAt`. */
export const orderLine = (orderId: string, sku: string, orderedAt: number): OrderLine => ({
  key: `tiktok:${orderId}:${sku}`,
  source: 'tiktok',
  orderId,
  lineKey: sku,
  sku,
  quantity: 1,
  orderedAt,
  orderedAtText: new Date(orderedAt).toISOString(),
  fileName: 'tiktok-orders.csv',
  row: 2,
  timeZone: 'UTC',
  importedAt: orderedAt,
});

/** The return of that line, for `reason`. */
export const returnOf = ({ orderedAt: _a, orderedAtText: _t, ...o }: OrderLine, reason: ReturnLine['reason']): ReturnLine => ({ ...o, key: `${o.key}:R`, returnId: 'R', reason, fileName: 'tiktok-returns.csv' });
