import { cardItems } from '../cards/items';
import type { DeckBundle } from '../schema/deck';
import type { Card } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { mustSayCoverage, policyCoverage, type CoverageRow } from '../sessions/coverage';
import { onScreenSpans } from '../stage/on-screen';
import { dontSayText } from '../dont-say/text';
import { snapshotCard, snapshotParts } from './log-csv';
import { policyText } from './policy-text';

export interface TimelineEntry {
  event: DisclosureEvent;
  /** For a correction: the sequence number of the event it corrects. */
  correctsSeq?: number;
  /** Sequence numbers of later corrections of this event. */
  correctedBy: number[];
}

export interface ProductGroup {
  cardId: string;
  sku: string;
  name?: LocalizedText;
  /** The card as the session last saw it (from a snapshot), or from the deck as it is now. */
  source: 'snapshot' | 'deck';
  entries: TimelineEntry[];
  coverage: CoverageRow[];
  /**
   * The product's return policy: said (during the show, or in the end-of-show recap, which
   * records it for every product it covers) or not. Not must-say, so not in `coverage`'s counts.
   */
  policy?: CoverageRow;
}

interface SnapshotContent {
  card?: Card;
  policy?: ReturnPolicy | null;
}

/**
 * The session timeline grouped by product, in the order products first appeared (products of
 * the deck never touched follow, from the deck as it is now), with a coverage report of each
 * product's must-say items.
 */
export function productGroups(session: Session, events: DisclosureEvent[], snapshots: Snapshot[], deck: DeckBundle | null): ProductGroup[] {
  const byHash = new Map(snapshots.map((s) => [s.hash, s]));
  const seqOf = new Map(events.map((e) => [e.id, e.seq]));
  const correctedBy = new Map<string, number[]>();
  for (const e of events) if (e.corrects) correctedBy.set(e.corrects, [...(correctedBy.get(e.corrects) ?? []), e.seq]);

  const groups = new Map<string, { card?: Card; policy?: ReturnPolicy | null; events: DisclosureEvent[]; source: 'snapshot' | 'deck' }>();
  for (const e of events) {
    const g = groups.get(e.cardId) ?? { events: [], source: 'snapshot' as const };
    const content = byHash.get(e.cardHash)?.content as SnapshotContent | undefined;
    // The latest snapshot wins: coverage is judged against what the card said last.
    if (content?.card) {
      g.card = snapshotCard(byHash.get(e.cardHash)!);
      g.policy = content.policy ?? null;
    }
    g.events.push(e);
    groups.set(e.cardId, g);
  }
  if (deck) {
    for (const card of deck.cards) {
      if (groups.has(card.id)) continue;
      const policyId = card.policyId ?? deck.deck.defaultPolicyId;
      groups.set(card.id, { card, policy: deck.policies.find((p) => p.id === policyId) ?? null, events: [], source: 'deck' });
    }
  }

  const spans = onScreenSpans(events);
  const stageMinMs = deck?.deck.stageMinMs;
  return [...groups].map(([cardId, g]) => {
    const items = g.card ? cardItems(g.card, g.policy ?? undefined) : [];
    const coverage = mustSayCoverage(cardId, items, g.card, g.events, spans, stageMinMs);
    const policy = policyCoverage(items, g.events);
    return {
      ...(policy && { policy }),
      cardId,
      sku: g.card?.sku ?? cardId,
      name: g.card?.name,
      source: g.source,
      entries: g.events.map((event) => ({
        event,
        correctsSeq: event.corrects ? seqOf.get(event.corrects) : undefined,
        correctedBy: correctedBy.get(event.id) ?? [],
      })),
      coverage,
    };
  });
}

/**
 * The text of an event's item as the card said it then: a caveat's or note's own text, or the
 * return-policy paragraph in the language the event records it was read in.
 */
export function itemTextOf(event: Pick<DisclosureEvent, 'cardHash' | 'item' | 'language'>, snapshots: Map<string, Snapshot>): LocalizedText | undefined {
  const snap = snapshots.get(event.cardHash);
  const parts = snap ? snapshotParts(snap) : undefined;
  const card = parts?.card;
  if (!card) return undefined;
  if (event.item.kind === 'caveat') return card.caveats.find((c) => c.id === event.item.id)?.text;
  if (event.item.kind === 'note') return card.notes.find((n) => n.id === event.item.id)?.text;
  if (event.item.kind === 'policy' && parts.policy?.id === event.item.id) return { [event.language]: policyText(parts.policy, event.language) };
  if (event.item.kind === 'dontSay') return dontSayText(card.dontSay?.find((d) => d.id === event.item.id));
  return undefined;
}

