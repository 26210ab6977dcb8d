import type { Card } from '../schema/card';
import type { Action, DisclosureEvent, Item } from '../schema/session';
import type { Show } from './shows';

/** One disclosure about a product, as an order's trail lists it. */
export interface Disclosure {
  seq: number;
  eventId: string;
  at: number;
  /** Time into the stream. */
  offsetMs: number;
  item: Item;
  action: Action;
  language: string;
  /** The card snapshot the event cites: what the card said at that moment. */
  cardHash: string;
  corrects?: string;
}

export const toDisclosure = (e: DisclosureEvent): Disclosure => ({
  seq: e.seq,
  eventId: e.id,
  at: e.at,
  offsetMs: e.offsetMs,
  item: e.item,
  action: e.action,
  language: e.language,
  cardHash: e.cardHash,
  ...(e.corrects !== undefined ? { corrects: e.corrects } : {}),
});

/** Each show's events by product, as disclosures, made once per show (many orders share them). */
interface Trail {
  list: Disclosure[];
  ordered: boolean;
  /** The splits made so far, by how many disclosures came before: orders share them. */
  splits: Map<number, { before: Disclosure[]; after: Disclosure[] }>;
}
const trails = new WeakMap<Show, Map<string, Trail>>();
const NO_TRAIL: Trail = { list: [], ordered: true, splits: new Map() };

function productTrail(show: Show, cardId: string): Trail {
  let byCard = trails.get(show);
  if (!byCard) {
    byCard = new Map();
    for (const e of show.events) {
      let t = byCard.get(e.cardId);
      if (!t) byCard.set(e.cardId, (t = { list: [], ordered: true, splits: new Map() }));
      const d = toDisclosure(e);
      if (t.list.length > 0 && t.list[t.list.length - 1].at > d.at) t.ordered = false;
      t.list.push(d);
    }
    trails.set(show, byCard);
  }
  return byCard.get(cardId) ?? NO_TRAIL;
}

/**
 * Every event of the show about one product, split at a time: what had been shown, said,
 * skipped or corrected by then (inclusive: an item said in the same millisecond as the order
 * was on air before the buyer's click reached the shop), and what came after. The lists are
 * shared between calls (every order at the same point of a show gets the same two): do not
 * change them.
 */
export function trailOf(show: Show, cardId: string, at: number): { before: Disclosure[]; after: Disclosure[] } {
  const { list, ordered, splits } = productTrail(show, cardId);
  if (!ordered) return { before: list.filter((d) => d.at <= at), after: list.filter((d) => d.at > at) };
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at <= at) lo = mid + 1;
    else hi = mid;
  }
  let split = splits.get(lo);
  if (!split) splits.set(lo, (split = { before: list.slice(0, lo), after: list.slice(lo) }));
  return split;
}

/**
 * Whether a product's must-say items had been said before an order: `said`: every one (said,
 * or corrected on air); `skipped`: not all said, and the host moved on past at least one;
 * `not-reached`: not all said and none skipped (the host had not got to them yet); `none`: the
 * card has no must-say item. Must-say items are the card's as it read at its last event before
 * the order, else as the show knew it.
 */
export type MustSayStatus = 'said' | 'skipped' | 'not-reached' | 'none';
export const MUST_SAY_STATUSES: readonly MustSayStatus[] = ['said', 'skipped', 'not-reached', 'none'];

export function mustSayStatus(before: readonly Disclosure[], cards: ReadonlyMap<string, Card | undefined>, fallback?: Card): MustSayStatus {
  const last = before.length > 0 ? cards.get(before[before.length - 1].cardHash) : undefined;
  const card = last ?? fallback;
  const mustSay = (card?.caveats ?? []).filter((c) => c.mustSay).map((c) => c.id);
  if (mustSay.length === 0) return 'none';
  const said = new Set<string>();
  const skipped = new Set<string>();
  for (const d of before) {
    if (d.item.kind !== 'caveat') continue;
    if (d.action === 'said' || d.action === 'correction') said.add(d.item.id);
    else if (d.action === 'skipped') skipped.add(d.item.id);
  }
  if (mustSay.every((id) => said.has(id))) return 'said';
  return mustSay.some((id) => skipped.has(id) && !said.has(id)) ? 'skipped' : 'not-reached';
}
