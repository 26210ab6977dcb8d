import { normaliseSku } from './sku';
import type { OrderLine, ReasonKey, ReturnLine } from './types';

export type ReasonUnits = Partial<Record<ReasonKey, number>>;

/** What came back of one order line. */
export interface LineReturns {
  returns: ReturnLine[];
  /** Units returned, at most the units ordered. */
  returned: number;
  reasons: ReasonUnits;
}

export interface ReturnsJoin {
  of: (line: OrderLine) => LineReturns;
  /** Returns whose order line is not among the imported orders (its order file not imported yet). */
  orphans: ReturnLine[];
}

/**
 * Order lines by source, then order id: keyed by the strings the lines already hold (a string's
 * hash is kept with it), not by a new joined string per line.
 */
export function byOrder<T extends { source: string; orderId: string }>(items: readonly T[]): (r: { source: string; orderId: string }) => T[] | undefined {
  const bySource = new Map<string, Map<string, T[]>>();
  for (const o of items) {
    let orders = bySource.get(o.source);
    if (!orders) bySource.set(o.source, (orders = new Map()));
    const list = orders.get(o.orderId);
    if (list) list.push(o);
    else orders.set(o.orderId, [o]);
  }
  return (r) => bySource.get(r.source)?.get(r.orderId);
}

/**
 * Joins returns to order lines: same source and order id, then the same line key, else the same
 * SKU, else the order's only line. Units past what was ordered are not counted (a return filed
 * twice); units the order file says came back with no return record (TikTok's "Sku Quantity of
 * return") count under `other`.
 */
export function joinReturns(orders: readonly OrderLine[], returns: readonly ReturnLine[]): ReturnsJoin {
  const linesOf = byOrder(orders);
  const byLine = new Map<string, ReturnLine[]>();
  const orphans: ReturnLine[] = [];
  for (const r of returns) {
    const lines = linesOf(r) ?? [];
    const line =
      lines.find((l) => l.lineKey === r.lineKey) ??
      lines.find((l) => normaliseSku(l.sku) === normaliseSku(r.sku) && normaliseSku(r.sku) !== '') ??
      (lines.length === 1 ? lines[0] : undefined);
    if (!line) {
      orphans.push(r);
      continue;
    }
    const list = byLine.get(line.key);
    if (list) list.push(r);
    else byLine.set(line.key, [r]);
  }
  const of = (line: OrderLine): LineReturns => {
    const found = byLine.get(line.key);
    if (!found && !line.returnedQuantity) return { returns: [], returned: 0, reasons: {} };
    const list = (found ?? []).slice().sort((a, b) => (a.returnedAt ?? 0) - (b.returnedAt ?? 0) || a.key.localeCompare(b.key));
    const reasons: ReasonUnits = {};
    let returned = 0;
    const add = (reason: ReasonKey, units: number) => {
      const take = Math.min(units, line.quantity - returned);
      if (take <= 0) return;
      reasons[reason] = (reasons[reason] ?? 0) + take;
      returned += take;
    };
    for (const r of list) add(r.reason, r.quantity);
    add('other', (line.returnedQuantity ?? 0) - returned);
    return { returns: list, returned, reasons };
  };
  return { of, orphans };
}

/** Order statuses that mean nothing was sold (cancelled or closed before payment). */
const CANCELLED = /cancel|取消|已关闭|交易关闭|キャンセル/i;
export const isCancelled = (line: OrderLine) => line.status !== undefined && CANCELLED.test(line.status);

export function addReasons(into: ReasonUnits, from: ReasonUnits): void {
  for (const [k, v] of Object.entries(from) as [ReasonKey, number][]) into[k] = (into[k] ?? 0) + v;
}
