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

/**
 * One value derived from tables, kept until they change. `build` reads, then derives; `stale()`
 * says whether a write came in meanwhile, so it can start again instead of deriving from old
 * data. A build that fails is not kept.
 */
export class KeptValue<T> {
  private value?: Promise<T>;
  private generation = 0;

  constructor(private readonly build: (stale: () => boolean) => Promise<T>) {}

  get(): Promise<T> {
    if (this.value) return this.value;
    const generation = this.generation;
    const value = this.build(() => this.generation !== generation);
    this.value = value;
    value.catch(() => {
      if (this.value === value) this.value = undefined;
    });
    return value;
  }

  invalidate(): void {
    this.generation += 1;
    this.value = undefined;
  }
}

/** The tables the loop's log part reads (lib/returns/store.ts): a write to one makes the shows again. */
export const LOG_TABLES = ['sessions', 'events', 'eventPages', 'snapshots', 'decks', 'cards'] as const;
/** The tables of imported lines (lib/db/orders.ts keeps a copy of them). */
export const LINE_TABLES = ['orderBuckets', 'returnBuckets'] as const;
export const LOOP_TABLES = [...LOG_TABLES, ...LINE_TABLES] as const;
export type LoopTable = (typeof LOOP_TABLES)[number];
