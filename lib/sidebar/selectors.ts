/** What the sidebar's state says, worked out from it: read by the slices and the components. */
import { cardItems, effectivePolicyId } from '../cards/items';
import { markKey } from './progress';
import type { CurrentCard, MarkState, SidebarState } from './slices/types';
import { effectiveViewerLanguage } from './viewer';

/** The language cards are shown in: the host's L pick, else the session's, else the deck's first. */
export function viewerLanguage(state: Pick<SidebarState, 'viewerChoice' | 'bundle' | 'session'>): string {
  return effectiveViewerLanguage(state.viewerChoice, state.bundle?.deck, state.session);
}

export function currentCard(state: Pick<SidebarState, 'bundle' | 'index'>): CurrentCard | undefined {
  const { bundle, index } = state;
  const card = bundle?.cards[index];
  if (!bundle || !card) return undefined;
  const policyId = effectivePolicyId(card, bundle.deck.defaultPolicyId);
  const policy = bundle.policies.find((p) => p.id === policyId);
  return { card, policy, items: cardItems(card, policy) };
}

/** Said, or on its way to being recorded: either way the host has said it. */
export const isSaid = (m: MarkState | undefined) => m !== undefined && m.state !== 'failed';

/** The first must-say item of the card on screen not said yet, or -1. */
export function firstUnsaid(state: Pick<SidebarState, 'marks'>, c: CurrentCard): number {
  return c.items.findIndex((it) => it.mustSay && !isSaid(state.marks[markKey(c.card.id, it)]));
}

/** Where the host lands on a card: its first unsaid must-say item, else the first item. */
export function landingItem(state: Pick<SidebarState, 'bundle' | 'marks'>, index: number): number {
  const c = currentCard({ bundle: state.bundle, index });
  return c ? Math.max(0, firstUnsaid(state, c)) : 0;
}
