import { cardItems, effectivePolicyId, type CardItem } from '../cards/items';
import type { DeckBundle } from '../schema/deck';
import type { Card } from '../schema/card';
import type { Item } from '../schema/session';

export const markKey = (cardId: string, item: Item) => `${cardId}|${item.kind}|${item.id}`;

/** The must-say items of a card not yet recorded as said. */
export function unsaidMustSay(cardId: string, items: readonly CardItem[], said: (key: string) => boolean): CardItem[] {
  return items.filter((i) => i.mustSay && !said(markKey(cardId, i)));
}

export type CardProgress = 'done' | 'skipped' | 'open';

/**
 * One word per card for the run sheet: every must-say item said ("done"), some moved on from
 * unsaid ("skipped"), or not yet ("open"). Computed per deck and marks, not per card switch.
 */
export function deckProgress(
  bundle: DeckBundle | null,
  said: ReadonlySet<string>,
  skipped: ReadonlySet<string>,
  items: ReadonlyMap<string, CardItem[]> = deckItems(bundle),
): Map<string, CardProgress> {
  const out = new Map<string, CardProgress>();
  if (!bundle) return out;
  for (const card of bundle.cards) out.set(card.id, cardProgress(card, items.get(card.id) ?? [], said, skipped));
  return out;
}

/**
 * Every card's items, by card id. They depend on the deck alone, so the run sheet works them out
 * once per deck instead of for 300 cards after every recorded mark.
 */
export function deckItems(bundle: DeckBundle | null): Map<string, CardItem[]> {
  const out = new Map<string, CardItem[]>();
  if (!bundle) return out;
  const policies = new Map(bundle.policies.map((p) => [p.id, p]));
  for (const card of bundle.cards) {
    const pid = effectivePolicyId(card, bundle.deck.defaultPolicyId);
    out.set(card.id, cardItems(card, pid === undefined ? undefined : policies.get(pid)));
  }
  return out;
}

function cardProgress(card: Card, items: readonly CardItem[], said: ReadonlySet<string>, skipped: ReadonlySet<string>): CardProgress {
  const must = items.filter((i) => i.mustSay);
  // A card with nothing must-say is done once anything on it was said.
  if (must.length === 0) return items.some((i) => said.has(markKey(card.id, i))) ? 'done' : 'open';
  const open = must.filter((i) => !said.has(markKey(card.id, i)));
  if (open.length === 0) return 'done';
  if (open.some((i) => skipped.has(markKey(card.id, i)))) return 'skipped';
  return 'open';
}

/** A product's must-say items never said, each skipped by the host's choice or simply not said. */
export interface UnsaidOnCard {
  card: Card;
  items: { item: CardItem; skipped: boolean }[];
}

/**
 * Every must-say item of the deck not recorded as said, by product in run-sheet order: what the
 * host is told before ending a show (products not reached, or reached and skipped).
 */
export function unsaidInDeck(
  bundle: DeckBundle | null,
  said: ReadonlySet<string>,
  skipped: ReadonlySet<string>,
  items: ReadonlyMap<string, CardItem[]> = deckItems(bundle),
): UnsaidOnCard[] {
  if (!bundle) return [];
  return bundle.cards
    .map((card) => ({
      card,
      items: unsaidMustSay(card.id, items.get(card.id) ?? [], (k) => said.has(k)).map((item) => ({ item, skipped: skipped.has(markKey(card.id, item)) })),
    }))
    .filter((u) => u.items.length > 0);
}
