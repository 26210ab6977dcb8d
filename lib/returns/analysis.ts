import type { Category } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import { columnsOf, DIMENSIONS, groupInfo, type Column, type Dimension, type LoopColumns } from './columns';
import { MUST_SAY_STATUSES } from './disclosed';
import { addReasons, type ReasonUnits } from './join';
import type { Loop } from './loop';
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

export { DIMENSIONS, weekOf, type Dimension } from './columns';

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

const inDates = (t: number, f: AnalysisFilter) => (f.from === undefined || t >= f.from) && (f.to === undefined || t <= f.to);

/** Per group of one column: the tallies as typed arrays, distinct orders counted as the lines go by in order of their order. */
class Tallies {
  readonly orders: Int32Array;
  readonly lines: Int32Array;
  readonly ordered: Float64Array;
  readonly returned: Float64Array;
  readonly reasons: (ReasonUnits | undefined)[];
  /** The last order counted, and the first line (in the loop's order) of each group. */
  private readonly lastOrder: Int32Array;
  readonly first: Int32Array;
  constructor(readonly column: Column) {
    const n = column.keys.length;
    this.orders = new Int32Array(n);
    this.lines = new Int32Array(n);
    this.ordered = new Float64Array(n);
    this.returned = new Float64Array(n);
    this.reasons = new Array(n);
    this.lastOrder = new Int32Array(n).fill(-1);
    this.first = new Int32Array(n).fill(2 ** 31 - 1);
  }
  add(c: number, cols: LoopColumns): void {
    const g = this.column.of[c];
    const order = cols.order[c];
    if (this.lastOrder[g] !== order) {
      this.lastOrder[g] = order;
      this.orders[g] += 1;
    }
    this.lines[g] += 1;
    this.ordered[g] += cols.quantity[c];
    if (cols.returned[c] > 0) {
      this.returned[g] += cols.returned[c];
      addReasons((this.reasons[g] ??= {}), cols.reasons.get(c)!);
    }
    if (cols.position[c] < this.first[g]) this.first[g] = cols.position[c];
  }
  tally(g: number): Tally {
    const orders = this.orders[g];
    return { orders, lines: this.lines[g], ordered: this.ordered[g], returned: this.returned[g], reasons: { ...this.reasons[g] }, small: orders < MIN_ORDERS };
  }
  /** The groups with lines, as rows. */
  rows(): number[] {
    const out: number[] = [];
    for (let g = 0; g < this.lines.length; g++) if (this.lines[g] > 0) out.push(g);
    return out;
  }
}

/**
 * Return rate and reason mix by product, host, show, category, market and by whether the
 * product's must-say items were said before the order, with a weekly trend, over the matched
 * lines the filter keeps. One pass over the loop's columns (./columns.ts), made once per loop.
 */
export function analyse(loop: Loop, filter: AnalysisFilter = {}): Analysis {
  const cols = columnsOf(loop);
  const deckFilter = filter.deckIds && filter.deckIds.length > 0 ? new Set(filter.deckIds) : undefined;
  const deckKept = deckFilter ? cols.deck.keys.map((id) => deckFilter.has(id)) : undefined;
  const total = new Tallies({ keys: ['total'], of: new Int32Array(cols.lines.length) });
  const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, new Tallies(cols.dims[d])])) as Record<Dimension, Tallies>;
  const weeks = new Tallies(cols.week);
  const all = filter.from === undefined && filter.to === undefined && !deckKept;
  for (let c = 0; c < cols.lines.length; c++) {
    if (!all && (!inDates(cols.orderedAt[c], filter) || (deckKept && !deckKept[cols.deck.of[c]]))) continue;
    total.add(c, cols);
    for (const d of DIMENSIONS) dims[d].add(c, cols);
    weeks.add(c, cols);
  }
  const sorted = (dim: Dimension): Group[] => {
    const t = dims[dim];
    const list = t.rows().map((g): Group => ({ key: t.column.keys[g], ...groupInfo(dim, loop.lines[t.first[g]]), ...t.tally(g) }));
    if (dim === 'mustSay') return list.sort((a, b) => MUST_SAY_STATUSES.indexOf(a.key as never) - MUST_SAY_STATUSES.indexOf(b.key as never));
    return list.sort((a, b) => b.ordered - a.ordered || a.key.localeCompare(b.key));
  };
  const unmatched = deckFilter ? [] : loop.unmatched.filter((u) => inDates(u.line.orderedAt, filter));
  const unmatchedByWhy: Analysis['unmatchedByWhy'] = {};
  for (const u of unmatched) unmatchedByWhy[u.why] = (unmatchedByWhy[u.why] ?? 0) + 1;
  return {
    filter,
    graceMs: loop.graceMs,
    minOrders: MIN_ORDERS,
    total: total.tally(0),
    groups: Object.fromEntries(DIMENSIONS.map((d) => [d, sorted(d)])) as Record<Dimension, Group[]>,
    weekly: weeks
      .rows()
      .map((g) => ({ week: cols.week.keys[g], ...weeks.tally(g) }))
      .sort((a, b) => a.week.localeCompare(b.week)),
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
