import { memoryKeyValue, type KeyValue } from '../../lib/background/kv';
import type { Sender } from '../../lib/background/service';
import { TabRegistry } from '../../lib/background/tabs';
import { Library } from '../../lib/db/library';
import { OrderStore } from '../../lib/db/orders';
import { ReturnsLoopStore } from '../../lib/returns/store';
import type { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { createClient } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/types';
import { NOW, freshRepo } from './helpers';
import { EXT, testService } from '../helpers/service';

export { EXT };
export const TIKTOK = 'https://shop.tiktok.com/streamer/live/product/dashboard';
export const YOUTUBE = 'https://studio.youtube.com/channel/UC0000000000000000000000/livestreaming';
export const contentScript = (tabId: number, url = TIKTOK): Sender => ({ id: EXT, url, tab: { id: tabId }, frameId: 0 });
export const overlay = (tabId: number): Sender => ({ id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: tabId }, frameId: 3 });
export const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };

/**
 * A background as entrypoints/background.ts wires it, over a fake-indexeddb repository, with a
 * clock the test moves. `restart()` is a browser restart: same database and local storage,
 * empty session storage. `sessionStorage` makes that storage and `local` is
 * the lasting one (default: Maps that answer at once).
 */
export async function background(repo?: Repository, opts: { sessionStorage?: () => KeyValue; local?: KeyValue } = {}) {
  // A fresh database gets the studio's library too (a given repository serves sessions only).
  const fresh = repo ? undefined : freshRepo();
  const r = repo ?? fresh!.repo;
  const library = fresh && new Library(fresh.db);
  // One order store for imports and the returns loop, as the background has (its copy of the lines).
  const orders = fresh && new OrderStore(fresh.db);
  if (!repo) await r.putDeckBundle(demoBundle(NOW));
  const clock = { now: NOW };
  const local = opts.local ?? memoryKeyValue();
  const make = () => {
    const tabs = new TabRegistry((opts.sessionStorage ?? memoryKeyValue)());
    const handle = testService({ repo: r, library, orders, returnsLoop: fresh && new ReturnsLoopStore(fresh.db, orders), tabs, local, now: () => clock.now });
    return { handle, tabs };
  };
  let current = make();
  const api = {
    repo: r,
    /** The fresh database (undefined when a repository was given). */
    db: fresh?.db,
    /** The order store imports go through (undefined when a repository was given). */
    orders,
    clock,
    get handle() {
      return current.handle;
    },
    /** The tab registry (what tabs.onRemoved calls forget() on). */
    get tabs() {
      return current.tabs;
    },
    restart() {
      current = make();
    },
    /** A client as an extension page (sidebar frame in `tabId`, or the studio) would use. */
    client(sender: Sender) {
      return createClient((message) => current.handle(message, sender));
    },
    async ok<T>(type: string, payload: unknown, sender: Sender): Promise<T> {
      const reply = (await current.handle({ type, payload }, sender)) as Reply<T>;
      if (!reply.ok) throw new Error(`${reply.code}: ${reply.detail}`);
      return reply.data;
    },
    async code(type: string, payload: unknown, sender: Sender): Promise<string | null> {
      const reply = await current.handle({ type, payload }, sender);
      return reply.ok ? null : reply.code;
    },
    /** A console tab whose content script said hello. */
    async openConsole(tabId: number, url = TIKTOK) {
      await api.ok('console.hello', {}, contentScript(tabId, url));
    },
  };
  return api;
}
