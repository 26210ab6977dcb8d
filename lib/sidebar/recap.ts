import { effectivePolicyId } from '../cards/items';
import type { DeckBundle } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';
import { markKey } from './progress';
import type { EventToRecord } from './record';

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

/** One "said" event the recap records: a product's policy, under the mark key the sidebar shows it by. */
export interface RecapEvent {
  key: string;
  event: EventToRecord & { action: 'said' };
}

/**
 * The events that record the recap as read out: one per product it covers whose policy is not
 * recorded said yet. An event already sent (saving, or failed) keeps its id, so sending it again
 * cannot record it twice. ../record.ts puts each in words, in the language its policy was shown in.
 */
export function recapEvents(bundle: DeckBundle | null, marks: Record<string, { state: string; eventId: string }>, newId: () => string): RecapEvent[] {
  return recapGroups(bundle).flatMap((g) =>
    g.cardIds.flatMap((cardId) => {
      const item = { kind: 'policy' as const, id: g.policy.id };
      const key = markKey(cardId, item);
      const existing = marks[key];
      const card = bundle?.cards.find((c) => c.id === cardId);
      if (existing?.state === 'recorded' || !card) return [];
      return [{ key, event: { id: existing?.eventId ?? newId(), card, policy: g.policy, item, action: 'said' as const } }];
    }),
  );
}
