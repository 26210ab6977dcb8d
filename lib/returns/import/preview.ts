import type { OrderFileFormat, OrderLayout, OrderLine, OrderSource, ReturnLine } from '../types';
import type { DateOrder, NeedsDateOrder, NeedsMapping, OrderFileRefused, ParseResult } from './index';

/** How many lines of each kind the preview shows. */
export const PREVIEW_LINES = 5;

/**
 * What the studio shows of a file read well: its counts and first lines. The lines themselves
 * stay where the file was read (lib/returns/import/reader-worker.ts) until they are stored.
 */
export interface OrdersPreview {
  ok: true;
  format: OrderFileFormat;
  source: OrderSource;
  orderCount: number;
  returnCount: number;
  /** Returns whose reason a person should review (an ambiguous reason text). */
  reviewCount: number;
  dateOrder?: DateOrder;
  layout?: OrderLayout;
  firstOrders: OrderLine[];
  firstReturns: ReturnLine[];
}

/** A file's reading as the studio shows it: a preview, or what to ask or fix. */
export type ReadResult = OrdersPreview | OrderFileRefused | NeedsMapping | NeedsDateOrder;

export function previewOf(result: ParseResult): ReadResult {
  if (!result.ok) return result;
  return {
    ok: true,
    format: result.format,
    source: result.source,
    orderCount: result.orders.length,
    returnCount: result.returns.length,
    reviewCount: result.returns.reduce((n, r) => n + (r.needsReview ? 1 : 0), 0),
    ...(result.dateOrder ? { dateOrder: result.dateOrder } : {}),
    ...(result.layout ? { layout: result.layout } : {}),
    firstOrders: result.orders.slice(0, PREVIEW_LINES),
    firstReturns: result.returns.slice(0, PREVIEW_LINES),
  };
}
