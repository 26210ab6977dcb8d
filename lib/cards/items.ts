import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { Item, ItemKind } from '../schema/session';

/** A disclosure item as the sidebar lists it: what the host can show or say about a card. */
export interface CardItem extends Item {
  mustSay: boolean;
}

/**
 * The disclosure items of a card, in the order the sidebar shows them (and the digit keys
 * pick them). The size chart, scale and return policy each count as one item; each caveat and
 * note is its own item.
 */
export function cardItems(card: Card, policy: ReturnPolicy | undefined): CardItem[] {
  const items: CardItem[] = [];
  // Caveats first: a must-say "not suitable if" is the item the host must not miss.
  for (const c of card.caveats) items.push({ kind: 'caveat', id: c.id, mustSay: c.mustSay });
  if (card.sizeChart) items.push({ kind: 'size', id: 'size', mustSay: false });
  if (card.dimensions && Object.keys(card.dimensions).length > 0) items.push({ kind: 'scale', id: 'scale', mustSay: false });
  if (policy) items.push({ kind: 'policy', id: policy.id, mustSay: false });
  for (const n of card.notes) items.push({ kind: 'note', id: n.id, mustSay: false });
  return items;
}

export function hasItem(card: Card, policy: ReturnPolicy | undefined, item: Item): boolean {
  return cardItems(card, policy).some((i) => i.kind === item.kind && i.id === item.id);
}

export const ITEM_KINDS: readonly ItemKind[] = ['caveat', 'size', 'scale', 'policy', 'note', 'dontSay'];

/** The policy a card is sold under: its own override, else the deck's default. */
export function effectivePolicyId(card: Card, deckDefault: string | undefined): string | undefined {
  return card.policyId ?? deckDefault;
}

/**
 * What a disclosure event refers to: the card and the policy as they were. Bookkeeping fields
 * (updatedAt, demo) are left out so that saving a card unchanged does not change its hash.
 */
export function snapshotContent(card: Card, policy: ReturnPolicy | undefined): unknown {
  const { updatedAt: _u, demo: _d, ...cardContent } = card;
  let policyContent: unknown = null;
  if (policy) {
    const { updatedAt: _pu, demo: _pd, ...rest } = policy;
    policyContent = rest;
  }
  return { card: cardContent, policy: policyContent };
}
