import type { Repository } from '../db/repository';
import type { DeckBundle } from '../schema/deck';
import { productGroups } from '../export/timeline';
import { coverageCounts, coverageEvents, type CoverageCounts } from '../sessions/coverage';
import type { DisclosureEvent, Session } from '../schema/session';

/** Events read per step when a session's coverage is first worked out. */
const STEP = 5_000;

/**
 * Must-say coverage per session for the studio's session list: said, skipped and not said, as the
 * timeline's coverage report counts them. What each session's coverage depends on is kept
 * (lib/sessions/coverage.ts, coverageEvents), so the list re-read after every disclosure of a live
 * show reads only the events recorded since, not the whole log again; the snapshots and decks
 * are read once per request for all the sessions listed.
 */
export class SessionCoverage {
  private readonly kept = new Map<string, { seq: number; events: DisclosureEvent[] }>();

  constructor(private readonly repo: Repository) {}

  async of(sessionIds: string[]): Promise<Record<string, CoverageCounts>> {
    const sessions = (await this.repo.getSessions(sessionIds)).filter((s): s is Session => s !== undefined);
    const events = new Map<string, DisclosureEvent[]>();
    for (const s of sessions) events.set(s.id, await this.catchUp(s));
    const snapshots = await this.repo.getSnapshots([...new Set([...events.values()].flat().map((e) => e.cardHash))]);
    const decks = new Map<string, DeckBundle | null>();
    for (const id of new Set(sessions.map((s) => s.deckId))) decks.set(id, await this.repo.getDeckBundle(id).catch(() => null));
    const out: Record<string, CoverageCounts> = {};
    for (const s of sessions) {
      out[s.id] = coverageCounts(productGroups(s, events.get(s.id) ?? [], snapshots, decks.get(s.deckId) ?? null).flatMap((g) => g.coverage));
    }
    return out;
  }

  /** The session's coverage events, reading only what was recorded since the last look. */
  private async catchUp(session: Session): Promise<DisclosureEvent[]> {
    let k = this.kept.get(session.id) ?? { seq: 0, events: [] };
    while (k.seq < session.lastSeq) {
      const through = Math.min(session.lastSeq, k.seq + STEP);
      const fresh = await this.repo.eventsPage(session.id, k.seq, through);
      k = { seq: through, events: coverageEvents([...k.events, ...fresh]) };
      this.kept.set(session.id, k);
    }
    return k.events;
  }
}
