import { Mutex } from 'async-mutex';
import type { Library } from '../db/library';
import type { OrderStore } from '../db/orders';
import type { Repository } from '../db/repository';
import type { SafetyDeps } from '../contracts/safety';
import type { OpenWindow, ResizeWindow } from '../contracts/stage';
import type { Change, ContentPush, TabContext } from '../messaging/types';
import type { RehearsalStore } from '../rehearsal/store';
import type { ReturnsLoopStore } from '../returns/store';
import { AUTO_END_AFTER_MS, type Session } from '../schema/session';
import { SessionCoverage } from './coverage';
import type { KeyValue } from './kv';
import type { LayoutStore } from './layouts';
import { OnScreenStore } from './on-screen';
import { PickedDeckStore } from './picked-deck';
import type { Prover } from './prover';
import { frameTabId, type Sender } from './sender';
import type { StageKeeper } from './stage';
import type { TabRegistry } from './tabs';

export interface ServiceDeps {
  extensionId: string;
  repo: Repository;
  /** The studio's products, decks, policies, images, drafts and trash (issue 4). */
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
  /** Rehearsals' own log (issue 20, lib/rehearsal): never a session. */
  rehearsals?: RehearsalStore;
  /** Signs and time-stamps chain heads off the live path (lib/background/prover.ts). */
  prover?: Prover;
  /** Idle time after which an open session is ended automatically (default AUTO_END_AFTER_MS). */
  autoEndAfterMs?: number;
}

/** What the handlers of lib/contracts share: the service's dependencies and its per-service state. */
export type ServiceContext = ReturnType<typeof createContext>;

/**
 * The state and helpers the background's handlers share, made once per service: the card on
 * screen, coverage kept per session, the locks that make check-then-write handlers take turns,
 * and the sweep that ends idle shows.
 */
export function createContext(deps: ServiceDeps) {
  const { repo, tabs } = deps;
  const onScreen = new OnScreenStore(deps.local);

  /** The tab a request speaks for: a frame's own tab; a top-level extension page names the console tab it serves. */
  async function tabIdFor(sender: Sender, requested: number | undefined): Promise<number | undefined> {
    return frameTabId(sender) ?? requested;
  }

  const enabledOrigins = async () => (await deps.local.get<string[]>('enabledOrigins')) ?? [];

  /**
   * A console tab as the registry knows it, registered here from the url the browser gives when
   * its content script's hello has not landed yet: on a slow start the dock opens the sidebar
   * without waiting for that answer, and the sidebar's first request can overtake it (and a side
   * panel can be opened beside a console still loading).
   */
  async function knownTab(tabId: number, url: string | undefined): Promise<TabContext | undefined> {
    const known = await tabs.get(tabId);
    if (known || !url) return known;
    return tabs.register(tabId, url, await enabledOrigins(), deps.now());
  }

  /** The console a request is about: the tab it speaks for, else the tab in front, else the one seen last. */
  async function contextFor(sender: Sender, requested: number | undefined): Promise<TabContext | undefined> {
    const framed = frameTabId(sender);
    if (framed !== undefined) return knownTab(framed, sender.tab?.url);
    const tabId = await tabIdFor(sender, requested);
    if (tabId !== undefined) return tabs.get(tabId);
    const active = await deps.activeTab();
    if (active?.id !== undefined) {
      const known = await knownTab(active.id, active.url);
      if (known) return known;
    }
    return tabs.mostRecent();
  }

  /** Tells open pages what a write changed, and answers its value. */
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

  return {
    deps,
    onScreen,
    coverage: new SessionCoverage(repo),
    picked: new PickedDeckStore(deps.local),
    // Go live and Resume check that a tab has no live session (and a session no tab), then bind
    // them, several awaits later: they take turns, so two presses cannot both pass the check.
    binding: new Mutex(),
    // site.enable reads the list of enabled sites, adds one and writes it back.
    enabling: new Mutex(),
    enabledOrigins,
    tabIdFor,
    contextFor,
    changed,
    sealLater,
    sweep,
    resumableFor,
    /**
     * Runs one request's handler for a sender, as if it had been asked (sidebar.bootstrap
     * composes its answer from single requests); the service sets it once its handlers exist.
     */
    run: (async () => {
      throw new Error('handlers not wired');
    }) as (type: string, payload: unknown, sender: Sender) => Promise<unknown>,
  };
}
