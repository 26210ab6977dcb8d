import type { Dexie, ObservabilitySet } from 'dexie';
import type { Loop } from './loop';

/**
 * The returns loop over everything (the analysis, the unmatched list, readiness feedback) is
 * derived from the log and every imported line: at 100,000 lines, reading and joining them takes
 * seconds. It is kept here and made again only after one of the tables it reads changed, so an
 * analysis re-filtered, or asked for with its unmatched list at once, joins nothing again.
 * One grace window is kept (the one last asked for); a build that fails is not kept.
 */
export class LoopCache {
  private entry?: { graceMs: number; loop: Promise<Loop> };
  private lastAsked?: number;

  private generation = 0;

  /**
   * `build` reads, then joins; `stale()` says whether what it read may already be out of date
   * (a write came in meanwhile), so it can start again instead of joining old data.
   */
  constructor(private readonly build: (graceMs: number, stale: () => boolean) => Promise<Loop>) {}

  get(graceMs: number): Promise<Loop> {
    this.lastAsked = graceMs;
    if (this.entry?.graceMs === graceMs) return this.entry.loop;
    const generation = this.generation;
    const entry = { graceMs, loop: this.build(graceMs, () => this.generation !== generation) };
    this.entry = entry;
    entry.loop.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return entry.loop;
  }

  /** The grace window last asked for, if any: the one to make again after a change. */
  get graceMs(): number | undefined {
    return this.lastAsked;
  }

  invalidate(): void {
    this.generation += 1;
    this.entry = undefined;
  }
}

/** The tables the loop reads (lib/returns/store.ts). */
export const LOOP_TABLES = ['sessions', 'events', 'eventPages', 'snapshots', 'decks', 'cards', 'orderBuckets', 'returnBuckets'] as const;
export type LoopTable = (typeof LOOP_TABLES)[number];

/**
 * Calls `onChange` with the tables of `db` that a committed write changed, for every write made
 * through Dexie in this context (Dexie's global `storagemutated`, fired after the commit).
 * Returns the unsubscribe function. Dexie's events are reached through the database's own class,
 * so this module loads no Dexie of its own (which would read the platform's IndexedDB early).
 */
export function watchTables(db: Dexie, onChange: (tables: Set<LoopTable>) => void): () => void {
  const dbName = db.name;
  const events = (db.constructor as unknown as Pick<typeof Dexie, 'on'>).on;
  const ours = new Set<string>(LOOP_TABLES);
  const handler = (parts: ObservabilitySet) => {
    const changed = new Set<LoopTable>();
    // A part is `idb://<database>/<table>/<index>`.
    for (const part of Object.keys(parts)) {
      const [scheme, , db, table] = part.split('/');
      if (scheme === 'idb:' && db === dbName && ours.has(table)) changed.add(table as LoopTable);
    }
    if (changed.size > 0) onChange(changed);
  };
  events('storagemutated', handler);
  return () => events.storagemutated.unsubscribe(handler);
}
