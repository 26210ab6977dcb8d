import type { Repository } from '../db/repository';
import { UpfrontError } from '../errors';
import { CONTENT_SCRIPT_REQUESTS, Envelope, requestSchemas } from '../messaging/protocol';
import type { ContentPush, Reply, RequestType, Responses, TabContext } from '../messaging/types';
import type { KeyValue } from './kv';
import type { LayoutStore } from './layouts';
import { frameTabId, type Sender } from './sender';
import type { TabRegistry } from './tabs';

export type { Sender };

export interface ServiceDeps {
  extensionId: string;
  repo: Repository;
  tabs: TabRegistry;
  layouts: LayoutStore;
  /** Extension storage that outlives the browser (enabled sites). */
  local: KeyValue;
  now: () => number;
  pushToTab: (tabId: number, message: ContentPush) => Promise<void>;
  pushHotkey: (tabId: number, key: string) => void;
  notifyChanged: () => void;
  /** The tab in front, for a side panel asking which console it sits beside. */
  activeTab: () => Promise<{ id?: number; url?: string } | undefined>;
  /** Makes Upfront's content script run on a site the host enabled. */
  enableSite: (origin: string) => Promise<void>;
}

type Payload<T extends RequestType> = (typeof requestSchemas)[T]['_output'];
type Handlers = { [T in RequestType]: (payload: Payload<T>, sender: Sender) => Promise<Responses[T]> };

function isExtensionPage(sender: Sender, extensionId: string): boolean {
  // Extension frames report a chrome-extension:// URL (with a dynamic id when the frame was
  // loaded through use_dynamic_url); content scripts report the console page's URL.
  return sender.id === extensionId && /^(chrome|moz)-extension:\/\//.test(sender.url ?? '');
}

/**
 * The background's whole request surface. Every message is validated with zod, checked against
 * who may send it, and answered with a Reply; nothing thrown escapes.
 */
export function createService(deps: ServiceDeps) {
  const { repo, tabs, layouts, local } = deps;

  const enabledOrigins = async () => (await local.get<string[]>('enabledOrigins')) ?? [];

  async function tabIdFor(sender: Sender, requested: number | undefined): Promise<number | undefined> {
    // A frame inside a tab speaks only for that tab; a top-level extension page (side panel,
    // studio, or the sidebar opened in a tab of its own) names the console tab it serves.
    return frameTabId(sender) ?? requested;
  }

  async function contextFor(sender: Sender, requested: number | undefined): Promise<TabContext | undefined> {
    const tabId = await tabIdFor(sender, requested);
    if (tabId !== undefined) return tabs.get(tabId);
    const active = await deps.activeTab();
    if (active?.id !== undefined) {
      const known = await tabs.get(active.id);
      if (known) return known;
    }
    return tabs.mostRecent();
  }

  const changed = <T>(value: T): T => {
    deps.notifyChanged();
    return value;
  };

  const handlers: Handlers = {
    'deck.list': () => repo.listDecks(),
    'deck.get': ({ deckId }) => repo.getDeckBundle(deckId),
    'card.list': () => repo.listCards(),

    'session.start': async (p, sender) => {
      const tabId = await tabIdFor(sender, p.tabId);
      const ctx = tabId !== undefined ? await tabs.get(tabId) : undefined;
      if (!ctx || tabId === undefined) throw new UpfrontError('no-console-tab');
      const current = await tabs.sessionOf(tabId);
      if (current) {
        const s = await repo.getSession(current);
        if (s && s.endedAt === undefined) throw new UpfrontError('session-already-live', s.id);
      }
      const session = await repo.startSession({
        id: p.id,
        deckId: p.deckId,
        host: p.host,
        market: p.market,
        language: p.language,
        platform: ctx.platform,
        consoleOrigin: ctx.origin,
        now: deps.now(),
      });
      await tabs.setSession(tabId, session.id);
      return changed(session);
    },

    'session.current': async (p, sender) => {
      const tabId = await tabIdFor(sender, p.tabId);
      if (tabId === undefined) return null;
      const id = await tabs.sessionOf(tabId);
      const s = id ? await repo.getSession(id) : undefined;
      return s && s.endedAt === undefined ? s : null;
    },

    'session.end': async ({ sessionId }) => changed(await repo.endSession(sessionId, deps.now())),
    'session.list': () => repo.listSessions(),

    'event.record': async (p) => changed(await repo.recordEvent({ ...p, now: deps.now() })),
    'event.list': ({ sessionId }) => repo.listEvents(sessionId),
    'log.export': ({ sessionIds }) => repo.exportLog(sessionIds),
    'demo.remove': async () => changed(await repo.removeDemo()),

    'tab.context': async (p, sender) => (await contextFor(sender, p.tabId)) ?? null,

    'overlay.set': async (p, sender) => {
      const tabId = frameTabId(sender);
      const ctx = tabId !== undefined ? await tabs.get(tabId) : undefined;
      if (!ctx || tabId === undefined) throw new UpfrontError('no-console-tab');
      const layout = await layouts.update(ctx.origin, p);
      await deps.pushToTab(tabId, { type: 'overlay.apply', layout });
      return layout;
    },

    'site.enable': async ({ origin }) => {
      const o = new URL(origin).origin;
      const list = await enabledOrigins();
      if (!list.includes(o)) await local.set('enabledOrigins', [...list, o]);
      await deps.enableSite(o);
      return { origin: o };
    },

    'console.hello': async (_p, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sender.url) throw new UpfrontError('no-console-tab');
      const ctx = await tabs.register(tabId, sender.url, await enabledOrigins(), deps.now());
      if (!ctx) throw new UpfrontError('not-a-console');
      return layouts.get(ctx.origin);
    },

    'layout.set': async (p, sender) => {
      if (!sender.url) throw new UpfrontError('no-console-tab');
      return layouts.update(new URL(sender.url).origin, p);
    },

    hotkey: async ({ key }, sender) => {
      if (sender.tab?.id !== undefined) deps.pushHotkey(sender.tab.id, key);
      return null;
    },
  };

  return async function handle(raw: unknown, sender: Sender): Promise<Reply<unknown>> {
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return { ok: false, code: 'bad-message', detail: envelope.error.message };
    const { type } = envelope.data;
    const fromPage = isExtensionPage(sender, deps.extensionId);
    const fromContentScript = sender.id === deps.extensionId && !fromPage;
    if (CONTENT_SCRIPT_REQUESTS.has(type) ? !fromContentScript : !fromPage) {
      return { ok: false, code: 'forbidden', detail: type };
    }
    const payload = requestSchemas[type].safeParse(envelope.data.payload ?? {});
    if (!payload.success) return { ok: false, code: 'bad-message', detail: payload.error.message };
    try {
      const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
      return { ok: true, data: await handler(payload.data, sender) };
    } catch (err) {
      if (err instanceof UpfrontError) return { ok: false, code: err.code, detail: err.message };
      return { ok: false, code: 'internal', detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  };
}

export type Service = ReturnType<typeof createService>;
