import type { CardItem } from '../cards/items';
import type { Card } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import type { DisclosureEvent, Item } from '../schema/session';
import { shownOnStage, type OnScreen } from '../stage/on-screen';

/**
 * Must-say coverage: which of a product's must-say items a show said, skipped or never said. The
 * timeline's coverage report (lib/export/timeline.ts) and the studio's session list
 * (lib/background/coverage.ts) both count it this way.
 */

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

/** A product's must-say items as a show covered them, judged against the card it last saw. */
export function mustSayCoverage(
  cardId: string,
  items: readonly CardItem[],
  card: Card | undefined,
  events: readonly DisclosureEvent[],
  spans: readonly OnScreen[],
  stageMinMs: number | undefined,
): CoverageRow[] {
  return items
    .filter((i) => i.mustSay)
    .map((item): CoverageRow => {
      const mine = events.filter((e) => e.item.kind === item.kind && e.item.id === item.id);
      const said = mine.find((e) => e.action === 'said');
      const skipped = mine.find((e) => e.action === 'skipped');
      const corrected = mine.some((e) => e.action === 'correction');
      const text = item.kind === 'caveat' ? card?.caveats.find((c) => c.id === item.id)?.text : undefined;
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
}

/**
 * The product's return policy: said (during the show, or in the end-of-show recap, which records
 * it for every product it covers) or not. Not must-say, so not in the coverage counts.
 */
export function policyCoverage(items: readonly CardItem[], events: readonly DisclosureEvent[]): CoverageRow | undefined {
  const policyItem = items.find((i) => i.kind === 'policy');
  if (!policyItem) return undefined;
  const said = events.find((e) => e.action === 'said' && e.item.kind === 'policy' && e.item.id === policyItem.id);
  return {
    item: { kind: policyItem.kind, id: policyItem.id },
    status: said ? 'said' : 'not-said',
    at: said,
    corrected: events.some((e) => e.action === 'correction' && e.item.kind === 'policy' && e.item.id === policyItem.id),
  };
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
