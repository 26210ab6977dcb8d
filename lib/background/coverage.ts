import type { Repository } from '../db/repository';
import { coverageCounts, coverageEvents, productGroups, type CoverageCounts } from '../export/timeline';
import type { DisclosureEvent, Session } from '../schema/session';

/** Events read per step when a session's coverage is first worked out. */
const STEP = 5_000;

/**
 * Must-say coverage per session for the studio's session list: said, skipped and not said, as the
 * timeline's coverage report counts them. What each session's coverage depends on is kept
 * (lib/export/timeline.ts, coverageEvents), so the list re-read after every disclosure of a live
 * show reads only the events recorded since, not the whole log again.
 */
export class SessionCoverage {
  private readonly kept = new Map<string, { seq: number; events: DisclosureEvent[] }>();

  constructor(private readonly repo: Repository) {}

  async of(sessionIds: string[]): Promise<Record<string, CoverageCounts>> {
    const sessions = await this.repo.getSessions(sessionIds);
    const out: Record<string, CoverageCounts> = {};
    for (const s of sessions) if (s) out[s.id] = await this.one(s);
    return out;
  }

  private async one(session: Session): Promise<CoverageCounts> {
    let k = this.kept.get(session.id) ?? { seq: 0, events: [] };
    while (k.seq < session.lastSeq) {
      const through = Math.min(session.lastSeq, k.seq + STEP);
      const fresh = await this.repo.eventsPage(session.id, k.seq, through);
      k = { seq: through, events: coverageEvents([...k.events, ...fresh]) };
      this.kept.set(session.id, k);
    }
    const snapshots = await this.repo.getSnapshots([...new Set(k.events.map((e) => e.cardHash))]);
    const deck = await this.repo.getDeckBundle(session.deckId).catch(() => null);
    return coverageCounts(productGroups(session, k.events, snapshots, deck).flatMap((g) => g.coverage));
  }
}
