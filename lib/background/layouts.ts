import { Mutex } from 'async-mutex';
import { DEFAULT_LAYOUT, MAX_WIDTH, MIN_WIDTH, type Layout } from '../messaging/types';
import type { KeyValue } from './kv';

/** The sidebar's collapsed state and width, remembered per site (origin). */
export class LayoutStore {
  // An update reads the layout, changes part of it and writes it back: updates take turns, or
  // a collapse and a resize sent together (two tabs of one site) would keep only one.
  private readonly updates = new Mutex();

  constructor(private readonly store: KeyValue) {}

  async get(origin: string): Promise<Layout> {
    return { ...DEFAULT_LAYOUT, ...((await this.store.get<Layout>(`layout:${origin}`)) ?? {}) };
  }

  update(origin: string, change: Partial<Layout>): Promise<Layout> {
    return this.updates.runExclusive(async () => {
      const next = { ...(await this.get(origin)), ...change };
      next.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(next.width)));
      await this.store.set(`layout:${origin}`, next);
      return next;
    });
  }
}
