import { effectivePolicyId } from '../cards/items';
import type { DeckBundle } from '../db/repository';
import type { ReturnPolicy } from '../schema/policy';

export interface RecapGroup {
  policy: ReturnPolicy;
  /**
   * Every product of tonight's deck sold under this policy, in run-sheet order: the recap covers
   * each, so each gets its own "said" event (docs/log-format.md, "The end-of-show recap").
   */
  cardIds: string[];
  /** How many of tonight's products are sold under this policy. */
  cardCount: number;
}

/**
 * The return policies to recap before ending the show: one per distinct policy in the deck
 * (the deck default first, then product overrides), each with the products it covers.
 */
export function recapGroups(bundle: DeckBundle | null): RecapGroup[] {
  if (!bundle) return [];
  const groups = new Map<string, RecapGroup>();
  for (const card of bundle.cards) {
    const pid = effectivePolicyId(card, bundle.deck.defaultPolicyId);
    const policy = pid ? bundle.policies.find((p) => p.id === pid) : undefined;
    if (!policy) continue;
    const g = groups.get(policy.id);
    if (g) {
      g.cardIds.push(card.id);
      g.cardCount += 1;
    } else groups.set(policy.id, { policy, cardIds: [card.id], cardCount: 1 });
  }
  const list = [...groups.values()];
  const def = bundle.deck.defaultPolicyId;
  return [...list.filter((g) => g.policy.id === def), ...list.filter((g) => g.policy.id !== def)];
}
