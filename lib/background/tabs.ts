import { Mutex } from 'async-mutex';
import { CUSTOM_PLATFORM_ID, recognisePlatform } from '../platforms';
import type { TabContext } from '../messaging/types';
import type { KeyValue } from './kv';

interface TabEntry extends TabContext {
  seenAt: number;
  sessionId?: string;
  /** The tab's open rehearsal (issue 20); never beside an open session (lib/background/rehearsal-handlers.ts). */
  rehearsalId?: string;
}

/**
 * Which console each tab shows and which session is live in it. Kept in session storage
 * because the service worker is stopped and restarted many times during a show.
 *
 * Every change reads the whole map, changes one entry and writes it back, from handlers that
 * run at the same time (a hello from any console tab, a closed tab, Go live): changes take
 * turns (`change`), or one would write back a map read before another's change and undo it.
 */
export class TabRegistry {
  private readonly writes = new Mutex();

  constructor(private readonly store: KeyValue) {}

  /** Reads the map, lets `edit` change it, and saves it, with no other change in between. */
  private change<T>(edit: (all: Record<string, TabEntry>) => T): Promise<T> {
    return this.writes.runExclusive(async () => {
      const all = await this.all();
      const result = edit(all);
      await this.save(all);
      return result;
    });
  }

  private async all(): Promise<Record<string, TabEntry>> {
    return (await this.store.get<Record<string, TabEntry>>('tabs')) ?? {};
  }

  private async save(all: Record<string, TabEntry>): Promise<void> {
    await this.store.set('tabs', all);
  }

  /** Called when a console content script says hello; `enabled` lists origins the host added. */
  async register(tabId: number, url: string, enabledOrigins: string[], now: number): Promise<TabContext | undefined> {
    const origin = new URL(url).origin;
    const platform = recognisePlatform(url)?.id ?? (enabledOrigins.includes(origin) ? CUSTOM_PLATFORM_ID : undefined);
    if (!platform) return undefined;
    return this.change((all) => {
      all[tabId] = { tabId, url, origin, platform, seenAt: now, sessionId: all[tabId]?.sessionId, rehearsalId: all[tabId]?.rehearsalId };
      return all[tabId];
    });
  }

  async get(tabId: number): Promise<TabContext | undefined> {
    const e = (await this.all())[tabId];
    return e ? { tabId: e.tabId, url: e.url, origin: e.origin, platform: e.platform } : undefined;
  }

  /** The console tab seen most recently, for a side panel that is not next to a console. */
  async mostRecent(): Promise<TabContext | undefined> {
    const entries = Object.values(await this.all()).sort((a, b) => b.seenAt - a.seenAt);
    return entries[0] ? this.get(entries[0].tabId) : undefined;
  }

  forget(tabId: number): Promise<void> {
    return this.change((all) => {
      delete all[tabId];
    });
  }

  async sessionOf(tabId: number): Promise<string | undefined> {
    return (await this.all())[tabId]?.sessionId;
  }

  /** The tab a session is live in, if any. */
  async tabOf(sessionId: string): Promise<number | undefined> {
    return Object.values(await this.all()).find((e) => e.sessionId === sessionId)?.tabId;
  }

  setSession(tabId: number, sessionId: string | undefined): Promise<void> {
    return this.change((all) => {
      if (all[tabId]) all[tabId].sessionId = sessionId;
    });
  }

  async rehearsalOf(tabId: number): Promise<string | undefined> {
    return (await this.all())[tabId]?.rehearsalId;
  }

  /** The tab a rehearsal is open in, if any. */
  async tabOfRehearsal(rehearsalId: string): Promise<number | undefined> {
    return Object.values(await this.all()).find((e) => e.rehearsalId === rehearsalId)?.tabId;
  }

  setRehearsal(tabId: number, rehearsalId: string | undefined): Promise<void> {
    return this.change((all) => {
      if (all[tabId]) all[tabId].rehearsalId = rehearsalId;
    });
  }
}
