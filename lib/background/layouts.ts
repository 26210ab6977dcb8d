import { DEFAULT_LAYOUT, MAX_WIDTH, MIN_WIDTH, type Layout } from '../messaging/types';
import type { KeyValue } from './kv';

/** The sidebar's collapsed state and width, remembered per site (origin). */
export class LayoutStore {
  constructor(private readonly store: KeyValue) {}

  async get(origin: string): Promise<Layout> {
    return { ...DEFAULT_LAYOUT, ...((await this.store.get<Layout>(`layout:${origin}`)) ?? {}) };
  }

  async update(origin: string, change: Partial<Layout>): Promise<Layout> {
    const next = { ...(await this.get(origin)), ...change };
    next.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(next.width)));
    await this.store.set(`layout:${origin}`, next);
    return next;
  }
}
