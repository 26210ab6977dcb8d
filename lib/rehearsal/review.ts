import { localize } from '../cards/text';
import type { Card } from '../schema/card';
import type { Rehearsal, RehearsalEvent, RehearsalProduct, RehearsalReview, RehearsalSummary } from './types';

const itemKey = (e: RehearsalEvent) => `${e.cardId}|${e.item?.kind}:${e.item?.id}`;

/**
 * The visits of a rehearsal: the host is on a product from the moment the sidebar settles on it
 * (`viewed`) or records anything about it, until the next product or the end.
 */
function visits(rehearsal: Rehearsal, events: readonly RehearsalEvent[]): { cardId: string; from: number; to: number }[] {
  const out: { cardId: string; from: number; to: number }[] = [];
  for (const e of events) {
    const last = out.at(-1);
    if (last?.cardId === e.cardId) continue;
    if (last) last.to = e.at;
    out.push({ cardId: e.cardId, from: e.at, to: e.at });
  }
  const end = rehearsal.endedAt ?? events.at(-1)?.at;
  const last = out.at(-1);
  if (last && end !== undefined) last.to = Math.max(last.from, end);
  return out;
}

/** Distinct must-say items moved on from unsaid (a later "said" of the same item does not undo the skip). */
function skippedItems(events: readonly RehearsalEvent[]): RehearsalEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => e.action === 'skipped' && !seen.has(itemKey(e)) && seen.add(itemKey(e)));
}

export function summaryOf(rehearsal: Rehearsal, events: readonly RehearsalEvent[]): RehearsalSummary {
  return { ...rehearsal, productsReached: new Set(events.map((e) => e.cardId)).size, skippedCount: skippedItems(events).length };
}

/** Per product, in the order the host reached them (see RehearsalProduct). */
export function reviewOf(rehearsal: Rehearsal, events: readonly RehearsalEvent[], cards: readonly Card[], deckLanguages: readonly string[]): RehearsalReview {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const products = new Map<string, RehearsalProduct>();
  for (const v of visits(rehearsal, events)) {
    const card = byId.get(v.cardId);
    const p = products.get(v.cardId) ?? {
      cardId: v.cardId,
      sku: card?.sku ?? v.cardId,
      name: card ? (localize(card.name, rehearsal.language, deckLanguages)?.text ?? null) : null,
      firstAt: v.from,
      durationMs: 0,
      said: 0,
      skipped: [],
    };
    p.durationMs += v.to - v.from;
    products.set(v.cardId, p);
  }
  const said = new Set<string>();
  for (const e of events) {
    if (e.action !== 'said' || said.has(itemKey(e))) continue;
    said.add(itemKey(e));
    const p = products.get(e.cardId);
    if (p) p.said += 1;
  }
  for (const e of skippedItems(events)) {
    const caveat = e.item?.kind === 'caveat' ? byId.get(e.cardId)?.caveats.find((c) => c.id === e.item?.id) : undefined;
    products.get(e.cardId)?.skipped.push({ kind: e.item!.kind, text: caveat ? (localize(caveat.text, rehearsal.language, deckLanguages)?.text ?? null) : null });
  }
  return { rehearsal, products: [...products.values()].sort((a, b) => a.firstAt - b.firstAt) };
}
