import type { Category } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import type { ReasonUnits } from './join';
import type { Loop, LoopLine } from './loop';

/**
 * The matched lines of a loop as columns of numbers, made once per loop (lib/returns/analysis.ts
 * keeps them beside it): each dimension's group as a small integer, the order as a number, and
 * the lines put in order of their order, so that an order's lines are next to each other. An
 * analysis, with any filter, is then one pass over typed arrays, counting distinct orders per
 * group by "is this a new order" instead of a set of order ids per group.
 */

export const DIMENSIONS = ['product', 'host', 'show', 'category', 'market', 'mustSay'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a group shows besides its numbers: a product's name, a show's host and start. */
export interface GroupInfo {
  name?: LocalizedText;
  category?: Category;
  host?: string;
  startedAt?: number;
  deckName?: string;
}

export interface Column {
  /** Group keys, by group number. */
  keys: string[];
  /** Each line's group number. */
  of: Int32Array;
}

export interface LoopColumns {
  /** The loop's lines, in column order. */
  lines: LoopLine[];
  orderedAt: Float64Array;
  /** Order numbers, non-decreasing down the columns. */
  order: Int32Array;
  quantity: Int32Array;
  returned: Int32Array;
  /** The line's position in loop.lines: the first line of a group (in the loop's order) names it. */
  position: Int32Array;
  /** Reasons of the lines that had returns, by column index. */
  reasons: Map<number, ReasonUnits>;
  deck: Column;
  week: Column;
  dims: Record<Dimension, Column>;
}

const keyOf: Record<Dimension, (l: LoopLine) => string> = {
  product: (l) => l.product.sku,
  host: (l) => l.show.session.host,
  show: (l) => l.show.session.id,
  category: (l) => l.product.category ?? 'other',
  market: (l) => l.show.session.market,
  mustSay: (l) => l.mustSay,
};

/** What a group of a dimension shows, from one of its lines. */
export function groupInfo(dim: Dimension, l: LoopLine): GroupInfo {
  const s = l.show.session;
  if (dim === 'product') return { name: l.product.name, category: l.product.category };
  if (dim === 'show') return { host: s.host, startedAt: s.startedAt, deckName: s.deckName };
  return {};
}

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week holding t, as YYYY-MM-DD. */
export function weekOf(t: number): string {
  const d = new Date(Math.floor(t / DAY) * DAY);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - day * DAY).toISOString().slice(0, 10);
}

function numbering(): { of: (key: string) => number; keys: string[] } {
  const index = new Map<string, number>();
  const keys: string[] = [];
  return {
    keys,
    of: (key) => {
      let i = index.get(key);
      if (i === undefined) {
        index.set(key, (i = keys.length));
        keys.push(key);
      }
      return i;
    },
  };
}

const cache = new WeakMap<Loop, LoopColumns>();

export function columnsOf(loop: Loop): LoopColumns {
  const done = cache.get(loop);
  if (done) return done;
  const n = loop.lines.length;
  // Orders numbered by source, then id (the lines' own strings as keys: no joined string per line).
  const bySource = new Map<string, Map<string, number>>();
  let orderCount = 0;
  const orderOf = new Int32Array(n);
  loop.lines.forEach(({ line }, i) => {
    let ids = bySource.get(line.source);
    if (!ids) bySource.set(line.source, (ids = new Map()));
    let o = ids.get(line.orderId);
    if (o === undefined) ids.set(line.orderId, (o = orderCount++));
    orderOf[i] = o;
  });
  // Lines by order number, stable: a counting sort.
  const starts = new Int32Array(orderCount + 1);
  for (let i = 0; i < n; i++) starts[orderOf[i] + 1] += 1;
  for (let o = 0; o < orderCount; o++) starts[o + 1] += starts[o];
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[starts[orderOf[i]]++] = i;

  const groups = Object.fromEntries(DIMENSIONS.map((d) => [d, numbering()])) as Record<Dimension, ReturnType<typeof numbering>>;
  const decks = numbering();
  const weeks = numbering();
  const weekByDay = new Map<number, number>();
  const cols: LoopColumns = {
    lines: new Array<LoopLine>(n),
    orderedAt: new Float64Array(n),
    order: new Int32Array(n),
    quantity: new Int32Array(n),
    returned: new Int32Array(n),
    position: new Int32Array(n),
    reasons: new Map(),
    deck: { keys: decks.keys, of: new Int32Array(n) },
    week: { keys: weeks.keys, of: new Int32Array(n) },
    dims: Object.fromEntries(DIMENSIONS.map((d) => [d, { keys: groups[d].keys, of: new Int32Array(n) }])) as Record<Dimension, Column>,
  };
  for (let c = 0; c < n; c++) {
    const i = perm[c];
    const l = loop.lines[i];
    cols.lines[c] = l;
    cols.orderedAt[c] = l.line.orderedAt;
    cols.order[c] = orderOf[i];
    cols.quantity[c] = l.line.quantity;
    cols.returned[c] = l.returned;
    cols.position[c] = i;
    if (l.returned > 0) cols.reasons.set(c, l.reasons);
    cols.deck.of[c] = decks.of(l.show.session.deckId);
    const day = Math.floor(l.line.orderedAt / DAY);
    let w = weekByDay.get(day);
    if (w === undefined) weekByDay.set(day, (w = weeks.of(weekOf(l.line.orderedAt))));
    cols.week.of[c] = w;
    for (const d of DIMENSIONS) cols.dims[d].of[c] = groups[d].of(keyOf[d](l));
  }
  cache.set(loop, cols);
  return cols;
}
