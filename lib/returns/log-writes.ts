import type { Session } from '../schema/session';
import type { Loop } from './loop';
import type { LoopTable } from './loop-cache';

/**
 * A live show writes the log at every click (lib/db/record-event.ts: the event, its session's
 * head, perhaps a snapshot), and sealing moves ended shows' events into pages. Dropping the
 * returns loop at each of those writes made the next analysis re-join every order line while
 * the host was still clicking. An order line only ever matches a show it was placed during or
 * in the grace window after (./match.ts), so a write to the log changes the loop only if some
 * imported line falls in the time span of a session the write changed: for a show in progress,
 * none until its orders are imported after it. Such writes are checked against the kept loop
 * when it is next asked for, instead of dropping it.
 */
const LOG_TABLES: ReadonlySet<LoopTable> = new Set<LoopTable>(['sessions', 'events', 'eventPages', 'snapshots']);

/** A write that touched the log alone (no deck, card, order or return). */
export const onlyLog = (tables: ReadonlySet<LoopTable>): boolean => [...tables].every((t) => LOG_TABLES.has(t));

/** Every imported line's order time, sorted, once per loop. */
const orderTimes = new WeakMap<Loop, Float64Array>();
function timesOf(loop: Loop): Float64Array {
  let times = orderTimes.get(loop);
  if (!times) {
    times = Float64Array.from([...loop.lines.map((l) => l.line.orderedAt), ...loop.unmatched.map((u) => u.line.orderedAt), ...loop.cancelled.map((c) => c.orderedAt)]).sort();
    orderTimes.set(loop, times);
  }
  return times;
}

function anyBetween(times: Float64Array, from: number, to: number): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && times[lo] <= to;
}

// When it was exported changes nothing the loop reads.
const recordOf = ({ exportedAt: _e, ...rest }: Session & { exportedAt?: number }) => JSON.stringify(rest);

/**
 * Whether `loop` still answers for the log as `sessions` now are: every session either the same
 * as the loop read it (and read whole: as many events as its record says), or with no imported
 * line between its start and its end plus the grace window (open: no end yet).
 */
export function loopStillHolds(loop: Loop, sessions: readonly Session[]): boolean {
  const times = timesOf(loop);
  if (times.length === 0) return true;
  const shows = new Map(loop.shows.map((s) => [s.session.id, s]));
  const matters = (from: number, to: number) => anyBetween(times, from, to + loop.graceMs);
  for (const now of sessions) {
    const show = shows.get(now.id);
    shows.delete(now.id);
    const sameAsRead = show && show.events.length === show.session.lastSeq && recordOf(show.session) === recordOf(now);
    if (sameAsRead) continue;
    const from = Math.min(now.startedAt, show?.start ?? Infinity);
    const to = now.endedAt === undefined ? Infinity : Math.max(now.endedAt, show?.end ?? -Infinity);
    if (matters(from, to)) return false;
  }
  // Sessions the loop read that are gone.
  for (const show of shows.values()) if (matters(show.start, show.end)) return false;
  return true;
}

/**
 * Counts writes to the log, and before the kept loop is handed out checks it against the
 * sessions as they are then (`sessions`), dropping it (`drop`) if one of those writes can change it.
 */
export class LogWrites {
  private writes = 0;
  private checked = 0;
  /** Loops found out of date: requests that found the same one at once drop it once. */
  private readonly dropped = new WeakSet<Loop>();

  constructor(
    private readonly sessions: () => Promise<Session[]>,
    private readonly drop: () => void,
  ) {}

  written(): void {
    this.writes += 1;
  }

  /**
   * The loop `get` answers, checked against the log writes made since the last check. Never
   * waits on another request's check: a build that starts again (its data changed while it
   * read) asks through here from inside the build another request may be waiting on.
   */
  async settled(get: () => Promise<Loop>): Promise<Loop> {
    const loop = await get();
    if (this.checked === this.writes) return loop;
    const upTo = this.writes;
    // Read after the loop: at least as new as anything it read.
    const holds = loopStillHolds(loop, await this.sessions());
    this.checked = Math.max(this.checked, upTo);
    if (holds) return loop;
    if (!this.dropped.has(loop)) {
      this.dropped.add(loop);
      this.drop();
    }
    return get();
  }
}
