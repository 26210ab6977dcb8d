import { effectivePolicyId } from '../cards/items';
import type { DeckBundle } from '../db/repository';
import type { ReturnPolicy } from '../schema/policy';

export interface RecapGroup {
  policy: ReturnPolicy;
  /** The card the recap's "said" event is recorded against (an event always names a card). */
  cardId: string;
  /** How many of tonight's products are sold under this policy. */
  cardCount: number;
}

/**
 * The return policies to recap before ending the show: one per distinct policy in the deck
 * (the deck default first, then product overrides). Each is recorded against the current card
 * when it uses that policy, else the first card that does.
 */
export function recapGroups(bundle: DeckBundle | null, currentIndex: number): RecapGroup[] {
  if (!bundle) return [];
  const groups = new Map<string, RecapGroup>();
  const current = bundle.cards[currentIndex];
  for (const card of bundle.cards) {
    const pid = effectivePolicyId(card, bundle.deck.defaultPolicyId);
    const policy = pid ? bundle.policies.find((p) => p.id === pid) : undefined;
    if (!policy) continue;
    const g = groups.get(policy.id);
    if (g) {
      g.cardCount += 1;
      if (card.id === current?.id) g.cardId = card.id;
    } else groups.set(policy.id, { policy, cardId: card.id, cardCount: 1 });
  }
  const list = [...groups.values()];
  const def = bundle.deck.defaultPolicyId;
  return [...list.filter((g) => g.policy.id === def), ...list.filter((g) => g.policy.id !== def)];
}
