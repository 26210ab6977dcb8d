import { Mutex } from 'async-mutex';
import type { Library } from '../db/library';
import type { Repository } from '../db/repository';
import { AUTO_END_AFTER_MS, type Session } from '../schema/session';
import { UpfrontError } from '../errors';
import { pageBuilder, pageText, repositoryReader } from '../export/page';
import { composeSidebarBootstrap, type Ask } from '../messaging/bootstrap';
import { CONTENT_SCRIPT_REQUESTS, Envelope, requestSchemas } from '../messaging/protocol';
import type { Change, ContentPush, Reply, RequestType, Responses, TabContext } from '../messaging/types';
import type { OrderStore } from '../db/orders';
import { catalogueHandlers } from './catalogue-handlers';
import { SessionCoverage } from './coverage';
import { safetyHandlers, type SafetyDeps } from '../safety/handlers';
import type { ReturnsLoopStore } from '../returns/store';
import { returnsLoopHandlers } from './returns-loop-handlers';
import { proofHandlers } from './proof-handlers';
import { stageHandlers, type OpenWindow, type ResizeWindow } from './stage-handlers';
import type { StageKeeper } from './stage';
import type { Prover } from './prover';
import type { KeyValue } from './kv';
import type { LayoutStore } from './layouts';
import { OnScreenStore } from './on-screen';
import { returnsHandlers } from './returns-handlers';
import { PickedDeckStore } from './picked-deck';
import { frameTabId, type Sender } from './sender';
import type { TabRegistry } from './tabs';

export type { Sender };

export interface ServiceDeps {
  extensionId: string;
  repo: Repository;
  /** The studio's products, decks, images, trash and imports (issue 4). */
  library?: Library;
  /** The returns loop's order lines, returns and column layouts (issue 17). */
  orders?: OrderStore;
  /** The returns loop's reads: log, orders and returns (issue 17). */
  returnsLoop?: ReturnsLoopStore;
  tabs: TabRegistry;
  layouts: LayoutStore;
  /** Extension storage that outlives the browser (enabled sites). */
  local: KeyValue;
  now: () => number;
  pushToTab: (tabId: number, message: ContentPush) => Promise<void>;
  pushHotkey: (tabId: number, key: string) => void;
  /** Tells open sidebars and studios what changed (scope and ids); a recorded event is passed along. */
  notifyChanged: (change: Change) => void;
  /** The tab in front, for a side panel asking which console it sits beside. */
  activeTab: () => Promise<{ id?: number; url?: string } | undefined>;
  /** Makes Upfront's content script run on a site the host enabled. */
  enableSite: (origin: string) => Promise<void>;
  /** The journal, storage checks and recovery report (issue 22: lib/safety). */
  safety?: SafetyDeps;
  /** What each live session shows its viewers (lib/background/stage.ts), and how a stage window opens. */
  stage?: StageKeeper;
  openWindow?: OpenWindow;
  resizeWindow?: ResizeWindow;
  /** Signs and time-stamps chain heads off the live path (lib/background/prover.ts). */
  prover?: Prover;
  /** Idle time after which an open session is ended automatically (default AUTO_END_AFTER_MS). */
  autoEndAfterMs?: number;
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
  const onScreen = new OnScreenStore(local);
  const coverage = new SessionCoverage(repo);
  // Go live and Resume check that a tab has no live session (and a session no tab), then bind
  // them, several awaits later: they take turns, so two presses cannot both pass the check.
  const binding = new Mutex();
  // site.enable reads the list of enabled sites, adds one and writes it back.
  const enabling = new Mutex();
  const picked = new PickedDeckStore(local);

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

  // Export pages as text, for a studio whose background is a page, not a service worker
  // (Firefox); a service worker answers with the whole file (lib/background/log-files.ts).
  const logPage = pageBuilder(repositoryReader(repo));

  const changed = <T>(value: T, change: Change): T => {
    deps.notifyChanged(change);
    return value;
  };

  /**
   * Moves ended sessions' events into pages (lib/db/event-pages.ts), after the reply: nobody
   * waits for it. If the worker stops mid-way, the next start finishes.
   */
  function sealLater(): void {
    repo.sealEnded().catch((err) => console.error('Upfront: sealing ended sessions failed', err));
  }

  /**
   * Ends sessions left open too long. Run whenever sessions are looked at, because the service
   * worker has no schedule of its own that survives it being stopped (and an alarm would need
   * another permission); every sidebar and studio start asks for sessions first.
   */
  async function sweep(): Promise<void> {
    const ended = await repo.autoEndStale(deps.now(), deps.autoEndAfterMs ?? AUTO_END_AFTER_MS);
    await Promise.all(ended.map((s) => onScreen.forget(s.id)));
    for (const s of ended) deps.prover?.point(s.id, 'end');
    if (ended.length > 0) {
      deps.notifyChanged(ended.length === 1 ? { scope: 'session', sessionId: ended[0].id } : { scope: 'session' });
      sealLater();
    }
  }

  /** Open sessions of this browser on the tab's console that no other open tab is live in. */
  async function resumableFor(tabId: number | undefined, { swept = false } = {}): Promise<Session[]> {
    if (!swept) await sweep();
    const ctx = tabId !== undefined ? await tabs.get(tabId) : undefined;
    if (!ctx || tabId === undefined) return [];
    const current = await tabs.sessionOf(tabId);
    if (current && (await repo.getSession(current))?.endedAt === undefined) return [];
    const open = (await repo.openSessions()).filter((s) => s.consoleOrigin === ctx.origin);
    const free: Session[] = [];
    for (const s of open) {
      const bound = await tabs.tabOf(s.id);
      if (bound === undefined || bound === tabId) free.push(s);
    }
    return free;
  }

  const handlers: Handlers = {
    'deck.list': () => repo.listDecks(),
    // Stored product images stay references ("upfront-image:<sha-256>"): the sidebar fetches
    // each once with image.get and keeps it, so a re-read carries no image bytes. A deck moved
    // to the trash during a show still answers, as it was: the show goes on with it.
    'deck.get': async ({ deckId }) => {
      const deck = (await repo.getDeck(deckId)) ?? (await deps.library?.trashedDeck(deckId));
      if (!deck) throw new UpfrontError('deck-not-found', deckId);
      return repo.bundleOf(deck);
    },
    'card.list': () => repo.listCards(),
    'cards.get': ({ cardIds }) => repo.cardsWithPolicies(cardIds),
    // No push: other sidebars keep their own deck; this only serves this console's next opening.
    'deck.pick': async (p, sender) => {
      const ctx = await contextFor(sender, p.tabId);
      if (!ctx) throw new UpfrontError('no-console-tab');
      await picked.set(ctx.origin, p.deckId);
      return null;
    },
    'deck.picked': async (p, sender) => {
      const ctx = await contextFor(sender, p.tabId);
      return ctx ? picked.get(ctx.origin) : null;
    },

    'session.start': async (p, sender) => {
      await sweep();
      const tabId = await tabIdFor(sender, p.tabId);
      const session = await binding.runExclusive(async () => {
        const ctx = tabId !== undefined ? await tabs.get(tabId) : undefined;
        if (!ctx || tabId === undefined) throw new UpfrontError('no-console-tab');
        const current = await tabs.sessionOf(tabId);
        if (current) {
          const s = await repo.getSession(current);
          if (s && s.endedAt === undefined) throw new UpfrontError('session-already-live', s.id);
        }
        const started = await repo.startSession({
          id: p.id,
          deckId: p.deckId,
          host: p.host,
          market: p.market,
          language: p.language,
          platform: ctx.platform,
          consoleOrigin: ctx.origin,
          now: deps.now(),
        });
        await tabs.setSession(tabId, started.id);
        return started;
      });
      deps.prover?.point(session.id, 'start');
      return changed(session, { scope: 'session', sessionId: session.id });
    },

    'session.current': async (p, sender) => {
      await sweep();
      const tabId = await tabIdFor(sender, p.tabId);
      if (tabId === undefined) return null;
      const id = await tabs.sessionOf(tabId);
      const s = id ? await repo.getSession(id) : undefined;
      return s && s.endedAt === undefined ? s : null;
    },

    'session.end': async ({ sessionId }) => {
      const s = await repo.getSession(sessionId);
      // Another machine's session is that machine's to end.
      if (s?.origin?.importedFrom !== undefined) throw new UpfrontError('session-imported', sessionId);
      // What was on stage leaves it as the show ends, recorded while the session is still live.
      if (s && s.endedAt === undefined) await deps.stage?.clear(sessionId);
      const ended = await repo.endSession(sessionId, deps.now(), 'host');
      await onScreen.forget(sessionId);
      sealLater();
      deps.prover?.point(sessionId, 'end');
      return changed(ended, { scope: 'session', sessionId });
    },
    'session.list': async ({ filter }) => {
      await sweep();
      return repo.querySessions(filter);
    },
    'session.resumable': async (p, sender) => resumableFor(await tabIdFor(sender, p.tabId)),
    'session.resume': async (p, sender) => {
      const tabId = await tabIdFor(sender, p.tabId);
      if (tabId === undefined) throw new UpfrontError('no-console-tab');
      await sweep();
      const s = await binding.runExclusive(async () => {
        const offered = await resumableFor(tabId, { swept: true });
        const found = offered.find((o) => o.id === p.sessionId);
        if (!found) {
          const known = await repo.getSession(p.sessionId);
          if (!known) throw new UpfrontError('session-not-found', p.sessionId);
          if (known.endedAt !== undefined) throw new UpfrontError('session-ended', p.sessionId);
          throw new UpfrontError('session-not-resumable', p.sessionId);
        }
        await tabs.setSession(tabId, found.id);
        return found;
      });
      return changed(s, { scope: 'session', sessionId: s.id });
    },
    'session.detail': async ({ sessionId }) => {
      const session = await repo.getSession(sessionId);
      if (!session) throw new UpfrontError('session-not-found', sessionId);
      const events = await repo.listEvents(sessionId);
      const snapshots = await repo.getSnapshots([...new Set(events.map((e) => e.cardHash))]);
      const deck = await repo.getDeckBundle(session.deckId).catch(() => null);
      return { session, events, snapshots, deck };
    },
    'session.filters': () => repo.filterOptions(),
    'session.coverage': ({ sessionIds }) => coverage.of(sessionIds),
    'onScreen.get': ({ sessionId }) => onScreen.get(sessionId),
    // No push: another view of the show keeps its own card; this only serves the next opening.
    'onScreen.set': async ({ sessionId, cardId }) => {
      await onScreen.set(sessionId, cardId, async () => {
        const s = await repo.getSession(sessionId);
        if (!s) throw new UpfrontError('session-not-found', sessionId);
        if (s.endedAt !== undefined) throw new UpfrontError('session-ended', sessionId);
      });
      return null;
    },

    'event.record': async (p) => {
      const event = await repo.recordEvent({ ...p, now: deps.now() });
      // The committed event goes out with the push: sidebars apply it without a re-read.
      deps.notifyChanged({ scope: 'event', sessionId: event.sessionId, event });
      deps.prover?.point(event.sessionId, 'event');
      return event;
    },
    'event.list': ({ sessionId }) => repo.listEvents(sessionId),
    'log.page': async (p) => pageText(await logPage(p)),
    'log.snapshots': ({ hashes }) => repo.getSnapshots(hashes),
    'log.exported': async ({ sessionIds }) => {
      await repo.markExported(sessionIds, deps.now());
      return changed(null, { scope: 'session' });
    },
    'log.installation': async () => ({ installation: await repo.installationId() }),
    'log.import': async (p) => {
      const result = await repo.importSession({ ...p, now: deps.now() });
      if (result.eventsAdded > 0) sealLater();
      return result.eventsAdded > 0 || result.status === 'added' ? changed(result, { scope: 'session', sessionId: p.session.id }) : result;
    },
    'demo.remove': async () => changed(await repo.removeDemo(), { scope: 'library' }),

    'tab.context': async (p, sender) => (await contextFor(sender, p.tabId)) ?? null,
    // The sidebar's opening answer: the single requests it needs, run here for the same sender.
    'sidebar.bootstrap': (p, sender) => {
      const ask = (type: RequestType, payload: unknown) => (handlers[type] as (p: unknown, s: Sender) => Promise<unknown>)(payload, sender);
      return composeSidebarBootstrap(ask as Ask, p, { framed: frameTabId(sender) !== undefined });
    },

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
      await enabling.runExclusive(async () => {
        const list = await enabledOrigins();
        if (!list.includes(o)) await local.set('enabledOrigins', [...list, o]);
      });
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

    ...proofHandlers(deps.prover),
    ...stageHandlers(deps.stage, deps.openWindow, deps.resizeWindow),
    ...catalogueHandlers(deps.library, deps.now, changed, async (deckId) => (await repo.openSessions()).some((s) => s.deckId === deckId)),
    ...returnsHandlers(deps.orders, changed),
    ...safetyHandlers(deps.safety),
    ...returnsLoopHandlers(deps.returnsLoop, deps.now, deps.prover && ((id) => deps.prover!.proofsFor([id]))),

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
