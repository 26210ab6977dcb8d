import type { Category } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import { MUST_SAY_STATUSES } from './disclosed';
import { addReasons, type ReasonUnits } from './join';
import type { Loop, LoopLine } from './loop';
import type { UnmatchedWhy } from './match';

/** Below this many orders a rate is noise: counts are shown with a warning, never a bare percentage. */
export const MIN_ORDERS = 30;

/** Which orders an analysis covers: order time (epoch ms, inclusive) and the shows' decks. */
export interface AnalysisFilter {
  from?: number;
  to?: number;
  deckIds?: string[];
}

export interface Tally {
  /** Distinct orders. */
  orders: number;
  /** Order lines. */
  lines: number;
  /** Units ordered and returned (returned ÷ ordered is the return rate). */
  ordered: number;
  returned: number;
  reasons: ReasonUnits;
  /** Fewer than MIN_ORDERS orders. */
  small: boolean;
}

export interface Group extends Tally {
  key: string;
  /** For products: the name as the show's card had it; for shows: who and when. */
  name?: LocalizedText;
  category?: Category;
  host?: string;
  startedAt?: number;
  deckName?: string;
}

export const DIMENSIONS = ['product', 'host', 'show', 'category', 'market', 'mustSay'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface WeekRow extends Tally {
  /** The Monday (UTC) the week of order times starts on, YYYY-MM-DD. */
  week: string;
}

export interface Analysis {
  filter: AnalysisFilter;
  graceMs: number;
  minOrders: number;
  total: Tally;
  groups: Record<Dimension, Group[]>;
  /** By the week the orders were placed (a cohort: its returns count in the week of the order). */
  weekly: WeekRow[];
  /** Lines in the filter's dates with no show (no deck filter then: they have no deck). */
  unmatched: number;
  unmatchedByWhy: Partial<Record<UnmatchedWhy, number>>;
  cancelled: number;
  orphanReturns: number;
}

class Counter {
  private readonly orderIds = new Set<number>();
  lines = 0;
  ordered = 0;
  returned = 0;
  readonly reasons: ReasonUnits = {};
  /** `orderKey` numbers the line's order (small integers hash faster than the order's id). */
  add(l: LoopLine, orderKey: number): void {
    this.orderIds.add(orderKey);
    this.lines += 1;
    this.ordered += l.line.quantity;
    this.returned += l.returned;
    addReasons(this.reasons, l.reasons);
  }
  tally(): Tally {
    return { orders: this.orderIds.size, lines: this.lines, ordered: this.ordered, returned: this.returned, reasons: { ...this.reasons }, small: this.orderIds.size < MIN_ORDERS };
  }
}

const inDates = (t: number, f: AnalysisFilter) => (f.from === undefined || t >= f.from) && (f.to === undefined || t <= f.to);

const DAY = 86_400_000;
const weeksByDay = new Map<number, string>();

/** Monday 00:00 UTC of the week holding t, as YYYY-MM-DD. */
export function weekOf(t: number): string {
  const day = Math.floor(t / DAY);
  let week = weeksByDay.get(day);
  if (week === undefined) {
    week = mondayOf(t);
    if (weeksByDay.size > 10_000) weeksByDay.clear();
    weeksByDay.set(day, week);
  }
  return week;
}

function mondayOf(t: number): string {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

/**
 * Return rate and reason mix by product, host, show, category, market and by whether the
 * product's must-say items were said before the order, with a weekly trend, over the matched
 * lines the filter keeps.
 */
export function analyse(loop: Loop, filter: AnalysisFilter = {}): Analysis {
  const decks = filter.deckIds && filter.deckIds.length > 0 ? new Set(filter.deckIds) : undefined;
  const lines = loop.lines.filter((l) => inDates(l.line.orderedAt, filter) && (!decks || decks.has(l.show.session.deckId)));
  const total = new Counter();
  const groups = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, { counter: Counter; group: Omit<Group, keyof Tally> }>()])) as Record<
    Dimension,
    Map<string, { counter: Counter; group: Omit<Group, keyof Tally> }>
  >;
  const weeks = new Map<string, Counter>();
  const orderNumbers = new Map<string, number>();
  let order = 0;
  const bump = (dim: Dimension, key: string, l: LoopLine, extra?: () => Omit<Group, keyof Tally | 'key'>) => {
    let g = groups[dim].get(key);
    if (!g) groups[dim].set(key, (g = { counter: new Counter(), group: { key, ...extra?.() } }));
    g.counter.add(l, order);
  };
  for (const l of lines) {
    const s = l.show.session;
    const id = `${l.line.source}\n${l.line.orderId}`;
    order = orderNumbers.get(id) ?? orderNumbers.size;
    if (order === orderNumbers.size) orderNumbers.set(id, order);
    total.add(l, order);
    bump('product', l.product.sku, l, () => ({ name: l.product.name, category: l.product.category }));
    bump('host', s.host, l);
    bump('show', s.id, l, () => ({ host: s.host, startedAt: s.startedAt, deckName: s.deckName }));
    bump('category', l.product.category ?? 'other', l);
    bump('market', s.market, l);
    bump('mustSay', l.mustSay, l);
    const week = weekOf(l.line.orderedAt);
    let w = weeks.get(week);
    if (!w) weeks.set(week, (w = new Counter()));
    w.add(l, order);
  }
  const sorted = (dim: Dimension): Group[] => {
    const list = [...groups[dim].values()].map(({ counter, group }) => ({ ...group, ...counter.tally() }));
    if (dim === 'mustSay') return list.sort((a, b) => MUST_SAY_STATUSES.indexOf(a.key as never) - MUST_SAY_STATUSES.indexOf(b.key as never));
    return list.sort((a, b) => b.ordered - a.ordered || a.key.localeCompare(b.key));
  };
  const unmatched = decks ? [] : loop.unmatched.filter((u) => inDates(u.line.orderedAt, filter));
  const unmatchedByWhy: Analysis['unmatchedByWhy'] = {};
  for (const u of unmatched) unmatchedByWhy[u.why] = (unmatchedByWhy[u.why] ?? 0) + 1;
  return {
    filter,
    graceMs: loop.graceMs,
    minOrders: MIN_ORDERS,
    total: total.tally(),
    groups: Object.fromEntries(DIMENSIONS.map((d) => [d, sorted(d)])) as Record<Dimension, Group[]>,
    weekly: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, c]) => ({ week, ...c.tally() })),
    unmatched: unmatched.length,
    unmatchedByWhy,
    cancelled: loop.cancelled.filter((o) => inDates(o.orderedAt, filter)).length,
    orphanReturns: loop.orphanReturns.length,
  };
}

/** Returned ÷ ordered units, or undefined when nothing was ordered. Show it only beside the counts. */
export function returnRate(t: Pick<Tally, 'ordered' | 'returned'>): number | undefined {
  return t.ordered > 0 ? t.returned / t.ordered : undefined;
}
