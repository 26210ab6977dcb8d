import { cardItems } from '../cards/items';
import type { DeckBundle } from '../schema/deck';
import type { Card } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Item, Session, Snapshot } from '../schema/session';
import { onScreenSpans, shownOnStage } from '../stage/on-screen';
import { snapshotCard, snapshotParts } from './log-csv';
import { policyText } from './policy-text';

export interface TimelineEntry {
  event: DisclosureEvent;
  /** For a correction: the sequence number of the event it corrects. */
  correctsSeq?: number;
  /** Sequence numbers of later corrections of this event. */
  correctedBy: number[];
}

/** Whether a must-say item was said: "said" (perhaps corrected since), "skipped" by the host's choice, or "not-said" at all. */
export type CoverageStatus = 'said' | 'skipped' | 'not-said';

export interface CoverageRow {
  item: Item;
  text?: LocalizedText;
  status: CoverageStatus;
  /** When it was said (first "said" event) or skipped. */
  at?: DisclosureEvent;
  corrected: boolean;
  /**
   * How a disclosed item was disclosed: said by the host, shown on the viewers' stage for at least
   * the deck's minimum (issue 18), or both.
   */
  via?: 'said' | 'shown' | 'both';
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
    const coverage = items
      .filter((i) => i.mustSay)
      .map((item): CoverageRow => {
        const mine = g.events.filter((e) => e.item.kind === item.kind && e.item.id === item.id);
        const said = mine.find((e) => e.action === 'said');
        const skipped = mine.find((e) => e.action === 'skipped');
        const corrected = mine.some((e) => e.action === 'correction');
        const text = item.kind === 'caveat' ? g.card?.caveats.find((c) => c.id === item.id)?.text : undefined;
        const onStage = shownOnStage(spans, cardId, item, stageMinMs)?.shown;
        const via = said && onStage ? 'both' : onStage ? 'shown' : said ? 'said' : undefined;
        return {
          item: { kind: item.kind, id: item.id },
          text,
          status: said || onStage ? 'said' : skipped ? 'skipped' : 'not-said',
          at: said ?? onStage ?? skipped,
          corrected,
          ...(via ? { via } : {}),
        };
      });
    const policyItem = items.find((i) => i.kind === 'policy');
    const policySaid = policyItem && g.events.find((e) => e.action === 'said' && e.item.kind === 'policy' && e.item.id === policyItem.id);
    return {
      ...(policyItem && {
        policy: {
          item: { kind: policyItem.kind, id: policyItem.id },
          status: policySaid ? ('said' as const) : ('not-said' as const),
          at: policySaid,
          corrected: g.events.some((e) => e.action === 'correction' && e.item.kind === 'policy' && e.item.id === policyItem.id),
        },
      }),
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
  return undefined;
}

export function coverageCounts(rows: CoverageRow[]): Record<CoverageStatus, number> {
  const counts: Record<CoverageStatus, number> = { said: 0, skipped: 0, 'not-said': 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/** A session's must-say coverage in numbers, for the studio's session list (issue 21). */
export type CoverageCounts = Record<CoverageStatus, number>;

/**
 * The events productGroups' coverage depends on, in order: for each product, the first event of
 * each item and action, and its latest event (whose snapshot coverage is judged against). The
 * same coverage comes out of these as out of the whole log, so a long session's coverage can be
 * kept up to date from this and the events recorded since.
 */
export function coverageEvents(events: readonly DisclosureEvent[]): DisclosureEvent[] {
  const first = new Set<string>();
  const latest = new Map<string, DisclosureEvent>();
  const kept = new Set<DisclosureEvent>();
  for (const e of events) {
    const key = `${e.cardId}\n${e.item.kind}\n${e.item.id}\n${e.action}`;
    if (!first.has(key)) {
      first.add(key);
      kept.add(e);
    }
    latest.set(e.cardId, e);
  }
  for (const e of latest.values()) kept.add(e);
  return events.filter((e) => kept.has(e));
}
