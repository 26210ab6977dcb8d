/**
 * The background's rehearsal requests (issue 20). A rehearsal is bound to its console tab by the
 * same rules as a live show, in the same turn (`binding`, the service's Go live mutex): one at a
 * time per tab, never beside a live show on that tab, and Rehearse pressed twice starts one.
 * Its events go to the rehearsal log only (lib/rehearsal/store.ts).
 */
import type { Mutex } from 'async-mutex';
import type { Repository } from '../db/repository';
import { UpfrontError } from '../errors';
import type { Change } from '../messaging/types';
import type { rehearsalRequestSchemas } from '../rehearsal/protocol';
import type { RehearsalResponses } from '../rehearsal/responses';
import type { RehearsalStore } from '../rehearsal/store';
import type { Rehearsal } from '../rehearsal/types';
import type { Sender } from './sender';
import type { StageKeeper } from './stage';
import type { TabRegistry } from './tabs';

type Payload<T extends keyof RehearsalResponses> = (typeof rehearsalRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof RehearsalResponses]: (payload: Payload<T>, sender: Sender) => Promise<RehearsalResponses[T]> };

export interface RehearsalDeps {
  store?: RehearsalStore;
  repo: Pick<Repository, 'getSession'>;
  tabs: TabRegistry;
  /** Go live's turn: binding a tab to a show or to a rehearsal is one check-then-write at a time. */
  binding: Mutex;
  now: () => number;
  tabIdFor: (sender: Sender, requested: number | undefined) => Promise<number | undefined>;
  notifyChanged: (change: Change) => void;
  stage?: StageKeeper;
}

export function rehearsalHandlers(deps: RehearsalDeps) {
  const { tabs, binding, repo } = deps;
  const store = () => {
    if (!deps.store) throw new UpfrontError('internal', 'rehearsals not wired');
    return deps.store;
  };
  const changed = <T>(value: T, rehearsalId?: string): T => {
    deps.notifyChanged({ scope: 'rehearsal', ...(rehearsalId ? { sessionId: rehearsalId } : {}) });
    return value;
  };

  async function liveSessionOn(tabId: number): Promise<boolean> {
    const id = await tabs.sessionOf(tabId);
    const s = id ? await repo.getSession(id) : undefined;
    return s !== undefined && s.endedAt === undefined;
  }

  async function openRehearsalOn(tabId: number): Promise<Rehearsal | undefined> {
    const id = await tabs.rehearsalOf(tabId);
    const r = id ? await store().get(id) : undefined;
    return r && r.endedAt === undefined ? r : undefined;
  }

  /**
   * Ends rehearsals no tab holds any more (closed, or the browser restarted) or idle for 12
   * hours. Run in the binding turn: a rehearsal just started is bound in the same turn, so this
   * never sees it unbound.
   */
  async function sweepInTurn(): Promise<void> {
    const ended = await store().endAbandoned(deps.now(), async (id) => (await tabs.tabOfRehearsal(id)) !== undefined);
    for (const r of ended) await deps.stage?.clear(r.id).catch(() => null);
    if (ended.length > 0) changed(null);
  }
  const sweep = () => (deps.store ? binding.runExclusive(sweepInTurn) : Promise.resolve());

  const handlers: Handlers = {
    'rehearsal.start': async (p, sender) => {
      const tabId = await deps.tabIdFor(sender, p.tabId);
      const rehearsal = await binding.runExclusive(async () => {
        await sweepInTurn();
        const ctx = tabId !== undefined ? await tabs.get(tabId) : undefined;
        if (!ctx || tabId === undefined) throw new UpfrontError('no-console-tab');
        if (await liveSessionOn(tabId)) throw new UpfrontError('session-already-live', String(tabId));
        const open = await openRehearsalOn(tabId);
        if (open) {
          if (open.id === p.id) return open;
          throw new UpfrontError('rehearsal-open', open.id);
        }
        const { tabId: _t, ...choice } = p;
        const started = await store().start({ ...choice, platform: ctx.platform, consoleOrigin: ctx.origin, now: deps.now() });
        if (started.endedAt !== undefined) throw new UpfrontError('rehearsal-ended', started.id);
        await tabs.setRehearsal(tabId, started.id);
        return started;
      });
      return changed(rehearsal, rehearsal.id);
    },
    'rehearsal.current': async (p, sender) => {
      const tabId = await deps.tabIdFor(sender, p.tabId);
      if (tabId === undefined || !deps.store) return null;
      await sweep();
      const rehearsal = await openRehearsalOn(tabId);
      return rehearsal ? { rehearsal, events: await store().events(rehearsal.id) } : null;
    },
    'rehearsal.record': async (p) => store().record({ ...p, now: deps.now() }),
    'rehearsal.end': async ({ rehearsalId }) => {
      const before = await store().get(rehearsalId);
      // What was on stage leaves it as the rehearsal ends, in the rehearsal's log.
      if (before && before.endedAt === undefined) await deps.stage?.clear(rehearsalId);
      const ended = await store().end(rehearsalId, deps.now(), 'host');
      const tabId = await tabs.tabOfRehearsal(rehearsalId);
      if (tabId !== undefined) await tabs.setRehearsal(tabId, undefined);
      return changed(ended, rehearsalId);
    },
    'rehearsal.keep': async ({ rehearsalId }) => changed(await store().keep(rehearsalId), rehearsalId),
    'rehearsal.discard': async ({ rehearsalId }) => {
      await store().discard(rehearsalId);
      return changed(null, rehearsalId);
    },
    'rehearsal.list': async () => {
      await sweep();
      return store().list();
    },
    'rehearsal.review': ({ rehearsalId }) => store().review(rehearsalId),
  };

  return {
    handlers,
    /**
     * Go live's check, in Go live's turn: no show on a tab with an open rehearsal, and no
     * session with a rehearsal's id (a rehearsal never becomes a session).
     */
    async assertCanGoLive(tabId: number, sessionId: string): Promise<void> {
      if (!deps.store) return;
      if (await openRehearsalOn(tabId)) throw new UpfrontError('rehearsal-open', String(tabId));
      if (await store().exists(sessionId)) throw new UpfrontError('rehearsal-not-a-session', sessionId);
    },
  };
}
