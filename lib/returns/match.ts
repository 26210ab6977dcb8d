import type { OrderLine, OrderSource } from './types';
import { skuMatcher } from './sku';
import type { Show, ShowProduct } from './shows';

/** Orders placed this long after a show ended still count for it (viewers finish checking out). */
export const DEFAULT_GRACE_MS = 30 * 60_000;

/**
 * The consoles (lib/platforms.ts ids) whose shows an order file's orders can come from. A TikTok
 * Shop order was placed in a TikTok Shop show, a 抖店 order in a Douyin one; a Shopify store or
 * Upfront's own template can sell through any show.
 */
export const SOURCE_PLATFORMS: Record<OrderSource, readonly string[] | 'any'> = {
  tiktok: ['tiktok-shop'],
  douyin: ['douyin-buyin', 'douyin-fxg'],
  shopify: 'any',
  upfront: 'any',
};

export function platformFits(source: OrderSource, platform: string): boolean {
  const platforms = SOURCE_PLATFORMS[source];
  return platforms === 'any' || platforms.includes(platform);
}

/**
 * Why an order line has no show: `no-show`: no show on its platform was live at its order time
 * (or in the grace window after one); `no-such-sku`: shows were, but none had its SKU on the
 * deck; `several-shows`: more than one show had it, and the time does not tell them apart.
 */
export type UnmatchedWhy = 'no-show' | 'no-such-sku' | 'several-shows';

export interface MatchedLine {
  line: OrderLine;
  show: Show;
  product: ShowProduct;
  /** Order time into the stream (may run past the show's end, in the grace window). */
  offsetMs: number;
  /** Ordered after the show ended, in the grace window. */
  inGrace: boolean;
}

export interface UnmatchedLine {
  line: OrderLine;
  why: UnmatchedWhy;
  /** The shows that overlap (several-shows). */
  sessionIds?: string[];
}

export interface MatchResult {
  matched: MatchedLine[];
  unmatched: UnmatchedLine[];
}

export interface MatchOptions {
  graceMs?: number;
}

/**
 * Attaches each order line to the show it was bought in: a show on a platform its source fits,
 * live at its order time or ended at most `graceMs` before it, with its SKU (or the SKU its
 * variant SKU extends, lib/returns/sku.ts) on the deck. A show the order fell inside wins over
 * one it only followed within the grace window (back-to-back shows of one deck); two of the
 * same kind make it `several-shows`. Derived each time, never stored: a newly merged log or a
 * new import changes the answer.
 */
export function matchOrders(lines: readonly OrderLine[], shows: readonly Show[], options: MatchOptions = {}): MatchResult {
  const grace = Math.max(0, options.graceMs ?? DEFAULT_GRACE_MS);
  const sorted = shows.slice().sort((a, b) => a.start - b.start);
  // The latest end among shows[0..i], so the search back from a time can stop early.
  const reach: number[] = [];
  sorted.forEach((s, i) => reach.push(Math.max(s.end, i > 0 ? reach[i - 1] : -Infinity)));
  const matchers = new Map<Show, (sku: string) => ShowProduct | undefined>();
  const productOf = (show: Show, sku: string) => {
    let m = matchers.get(show);
    if (!m) matchers.set(show, (m = skuMatcher(show.products)));
    return m(sku);
  };
  const matched: MatchedLine[] = [];
  const unmatched: UnmatchedLine[] = [];
  for (const line of lines) {
    const t = line.orderedAt;
    const live: { show: Show; product: ShowProduct }[] = [];
    const after: { show: Show; product: ShowProduct }[] = [];
    let anyShow = false;
    for (let i = lastStartingBy(sorted, t); i >= 0 && reach[i] + grace >= t; i--) {
      const show = sorted[i];
      if (show.end + grace < t || !platformFits(line.source, show.session.platform)) continue;
      anyShow = true;
      const product = productOf(show, line.sku);
      if (product) (t <= show.end ? live : after).push({ show, product });
    }
    const found = live.length > 0 ? live : after;
    if (found.length === 1) {
      const { show, product } = found[0];
      matched.push({ line, show, product, offsetMs: t - show.start, inGrace: t > show.end });
    } else if (found.length > 1) {
      unmatched.push({ line, why: 'several-shows', sessionIds: found.map((f) => f.show.session.id).sort() });
    } else unmatched.push({ line, why: anyShow ? 'no-such-sku' : 'no-show' });
  }
  return { matched, unmatched };
}

/** Index of the last show starting at or before t (-1 if none). */
function lastStartingBy(sorted: readonly Show[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
