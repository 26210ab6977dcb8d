import type { Card } from '../schema/card';
import { mustSayStatus, trailOf, type Disclosure, type MustSayStatus } from './disclosed';
import { isCancelled, joinReturns, type LineReturns } from './join';
import { DEFAULT_GRACE_MS, matchOrders, type MatchedLine, type UnmatchedLine } from './match';
import { showsOf, snapshotCards, type LogInput, type Show } from './shows';
import type { OrderLine, ReturnLine } from './types';

export interface LoopInput extends LogInput {
  orders: readonly OrderLine[];
  returns: readonly ReturnLine[];
  /** How long after a show ends its orders still count (default DEFAULT_GRACE_MS). */
  graceMs?: number;
}

/** A matched order line with what came back and what the host had disclosed before it. */
export interface LoopLine extends MatchedLine, LineReturns {
  /** Every event about the product before the order (lib/returns/disclosed.ts). */
  before: Disclosure[];
  mustSay: MustSayStatus;
}

export type LoopUnmatched = UnmatchedLine & LineReturns;

/** The whole loop, derived from the log and the orders (nothing here is stored). */
export interface Loop {
  graceMs: number;
  shows: Show[];
  /** Card content by snapshot hash. */
  cards: Map<string, Card | undefined>;
  lines: LoopLine[];
  unmatched: LoopUnmatched[];
  /** Cancelled lines: not sales, left out of every count. */
  cancelled: OrderLine[];
  /** Returns with no imported order line. */
  orphanReturns: ReturnLine[];
}

export function buildLoop(input: LoopInput): Loop {
  const graceMs = input.graceMs ?? DEFAULT_GRACE_MS;
  const shows = showsOf(input);
  const cards = snapshotCards(input.snapshots);
  const cardsNow = new Map((input.cards ?? []).map((c) => [c.id, c]));
  const sold = input.orders.filter((o) => !isCancelled(o));
  const cancelled = input.orders.filter(isCancelled);
  const join = joinReturns(input.orders, input.returns);
  const { matched, unmatched } = matchOrders(sold, shows, { graceMs });
  // Orders at the same point of a show share one `before` list (trailOf), so its status once.
  const statusOf = new Map<Disclosure[], MustSayStatus>();
  const lines = matched.map((m): LoopLine => {
    const { before } = trailOf(m.show, m.product.cardId, m.line.orderedAt);
    let mustSay = before.length > 0 ? statusOf.get(before) : undefined;
    if (!mustSay) {
      // The card as the show knew it, else as it is now: only needed when nothing came before the order.
      const fallback = before.length > 0 ? undefined : (latestCard(m.show, m.product.cardId, cards) ?? cardsNow.get(m.product.cardId));
      mustSay = mustSayStatus(before, cards, fallback);
      if (before.length > 0) statusOf.set(before, mustSay);
    }
    const { returns, returned, reasons } = join.of(m.line);
    // Spelled out: spreading two objects per line cost more than the rest of the join.
    return { line: m.line, show: m.show, product: m.product, offsetMs: m.offsetMs, inGrace: m.inGrace, returns, returned, reasons, before, mustSay };
  });
  return {
    graceMs,
    shows,
    cards,
    lines,
    unmatched: unmatched.map((u) => ({ ...u, ...join.of(u.line) })),
    cancelled,
    orphanReturns: join.orphans,
  };
}

/** The card as the show's last event about it cites it. */
function latestCard(show: Show, cardId: string, cards: ReadonlyMap<string, Card | undefined>): Card | undefined {
  const { before } = trailOf(show, cardId, Infinity);
  return before.length > 0 ? cards.get(before[before.length - 1].cardHash) : undefined;
}
