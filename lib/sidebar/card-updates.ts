import type { DeckBundle } from '../schema/deck';
import type { ChangedPush } from '../messaging/types';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';

/**
 * What an open sidebar does with a 'changed' push (lib/messaging/types.ts, ChangedPush):
 * - `event`: apply the committed event (a show's `event`, a rehearsal's `mark`) in place;
 * - `cards`: re-read only these products of the deck shown (a studio save): one small request,
 *   no deck, no images, so a producer typing in the studio does not slow the host's keys;
 * - `ignore`: nothing shown here changed (a product of another deck, a setting);
 * - `refresh`: re-read what the sidebar shows (decks, the session, anything else).
 */
export type PushPlan = { kind: 'event' } | { kind: 'ignore' } | { kind: 'cards'; cardIds: string[] } | { kind: 'refresh' };

export function planChange(push: Partial<ChangedPush>, bundle: DeckBundle | null): PushPlan {
  if (push.event || push.mark) return { kind: 'event' };
  if (push.scope === 'settings') return { kind: 'ignore' };
  if (push.scope === 'library' && push.cardIds && !push.deckIds) {
    const shown = new Set(bundle?.cards.map((c) => c.id));
    const cardIds = push.cardIds.filter((id) => shown.has(id));
    return cardIds.length > 0 ? { kind: 'cards', cardIds } : { kind: 'ignore' };
  }
  return { kind: 'refresh' };
}

/**
 * The bundle with these cards put in their places, keeping every other card object (so only
 * their run-sheet rows re-render) and adding the policies they use. A card read before a newer
 * one arrived (answers can cross) is not put back; a card no longer found stays as it was (its
 * deletion comes with its own push).
 */
export function withCards(bundle: DeckBundle, cards: readonly Card[], policies: readonly ReturnPolicy[]): DeckBundle {
  const fresh = new Map(cards.map((c) => [c.id, c]));
  let changed = false;
  const next = bundle.cards.map((old) => {
    const c = fresh.get(old.id);
    if (!c || c.updatedAt < old.updatedAt || c === old) return old;
    changed = true;
    return c;
  });
  const byId = new Map(bundle.policies.map((p) => [p.id, p]));
  for (const p of policies) {
    const old = byId.get(p.id);
    if (!old || old.updatedAt < p.updatedAt) {
      byId.set(p.id, p);
      changed = true;
    }
  }
  return changed ? { ...bundle, cards: next, policies: [...byId.values()] } : bundle;
}
