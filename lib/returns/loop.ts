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

/**
 * What the loop derives from the log alone (the shows, with their products and events, and the
 * cards by snapshot hash): the background keeps it while only order and return lines change, so
 * an import joins its lines to shows it already knows.
 */
export interface LogPart {
  shows: Show[];
  /** Card content by snapshot hash. */
  cards: Map<string, Card | undefined>;
  /** The cards as they are now, by id. */
  cardsNow: Map<string, Card>;
  /**
   * Must-say status by trail split (orders at the same point of a show share one `before` list,
   * lib/returns/disclosed.ts), and of products with nothing before the order, by show and card:
   * kept with the log part, so a new import works out no status a previous one did.
   */
  statuses: { byTrail: WeakMap<Disclosure[], MustSayStatus>; untouched: WeakMap<Show, Map<string, MustSayStatus>> };
}

export function logPartOf(log: LogInput): LogPart {
  return {
    shows: showsOf(log),
    cards: snapshotCards(log.snapshots),
    cardsNow: new Map((log.cards ?? []).map((c) => [c.id, c])),
    statuses: { byTrail: new WeakMap(), untouched: new WeakMap() },
  };
}

export function buildLoop(input: LoopInput): Loop {
  return joinLoop(logPartOf(input), input.orders, input.returns, input.graceMs);
}

/** The loop of a log's shows and a set of order and return lines. */
export function joinLoop(part: LogPart, orders: readonly OrderLine[], returns: readonly ReturnLine[], graceMs = DEFAULT_GRACE_MS): Loop {
  const sold = orders.filter((o) => !isCancelled(o));
  const cancelled = orders.filter(isCancelled);
  const join = joinReturns(orders, returns);
  const { shows, cards } = part;
  const { matched, unmatched } = matchOrders(sold, shows, { graceMs });
  const lines = matched.map((m): LoopLine => {
    const { before } = trailOf(m.show, m.product.cardId, m.line.orderedAt);
    const mustSay = statusOf(part, m.show, m.product.cardId, before);
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

/** The must-say status of an order with `before` disclosed, worked out once per trail split. */
function statusOf({ cards, cardsNow, statuses }: LogPart, show: Show, cardId: string, before: Disclosure[]): MustSayStatus {
  if (before.length > 0) {
    let status = statuses.byTrail.get(before);
    if (!status) statuses.byTrail.set(before, (status = mustSayStatus(before, cards)));
    return status;
  }
  let byCard = statuses.untouched.get(show);
  if (!byCard) statuses.untouched.set(show, (byCard = new Map()));
  let status = byCard.get(cardId);
  // The card as the show knew it, else as it is now: only needed when nothing came before the order.
  if (!status) byCard.set(cardId, (status = mustSayStatus(before, cards, latestCard(show, cardId, cards) ?? cardsNow.get(cardId))));
  return status;
}

/** The card as the show's last event about it cites it. */
function latestCard(show: Show, cardId: string, cards: ReadonlyMap<string, Card | undefined>): Card | undefined {
  const { before } = trailOf(show, cardId, Infinity);
  return before.length > 0 ? cards.get(before[before.length - 1].cardHash) : undefined;
}
