/**
 * Rehearsals (issue 20): a practice run of a deck in the same sidebar, keys and stage view,
 * recorded in the rehearsal log only (lib/rehearsal/store.ts), never in a session. Every request
 * names a rehearsal as `rehearsalId`, never `sessionId`, and is looked up in the rehearsal tables
 * only: a session's id here is "rehearsal-not-found", and a rehearsal's id in a session request is
 * "session-not-found". A rehearsal is bound to its console tab by Go live's rules, in Go live's
 * turn (`binding`): one at a time per tab, never beside a live show on that tab, and Rehearse
 * pressed twice starts one.
 */
import { UpfrontError } from '../errors';
import type { ServiceContext } from '../background/context';
import type { Rehearsal } from '../rehearsal/types';
import { Id, LanguageTag } from '../schema/common';
import { Action, Item } from '../schema/session';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';
import { ShowStart } from './sessions';

const TabId = z.number().int().nonnegative();

export const rehearsalRequests = {
  /** From the sidebar: Rehearse (the same choices as Go live). */
  'rehearsal.start': ShowStart,
  /** The tab's open rehearsal and its events, for a sidebar (re)opening on it. */
  'rehearsal.current': z.object({ tabId: TabId.optional() }).strict(),
  /** What the host did, as event.record says it for a show; `viewed` (no item) is the card the sidebar settled on. */
  'rehearsal.record': z
    .object({
      id: Id,
      rehearsalId: Id,
      cardId: Id,
      action: z.union([Action, z.literal('viewed')]),
      item: Item.optional(),
      language: LanguageTag.optional(),
      corrects: Id.optional(),
    })
    .strict(),
  'rehearsal.end': z.object({ rehearsalId: Id }).strict(),
  /** After ending: keep it for the producer's review, or discard it and its events for good. */
  'rehearsal.keep': z.object({ rehearsalId: Id }).strict(),
  'rehearsal.discard': z.object({ rehearsalId: Id }).strict(),
  /** The studio: ended rehearsals, and one's review. */
  'rehearsal.list': z.object({}).strict(),
  'rehearsal.review': z.object({ rehearsalId: Id }).strict(),
};

export function rehearsalHandlers(ctx: ServiceContext) {
  const { deps, binding } = ctx;
  const { tabs, repo } = deps;
  const store = () => {
    if (!deps.rehearsals) throw new UpfrontError('internal', 'rehearsals not wired');
    return deps.rehearsals;
  };
  const changed = <T>(value: T, rehearsalId?: string): T => ctx.changed(value, { scope: 'rehearsal', ...(rehearsalId ? { sessionId: rehearsalId } : {}) });

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
  const sweep = () => (deps.rehearsals ? binding.runExclusive(sweepInTurn) : Promise.resolve());

  const handlers = {
    'rehearsal.start': async (p, sender) => {
      const tabId = await ctx.tabIdFor(sender, p.tabId);
      const rehearsal = await binding.runExclusive(async () => {
        await sweepInTurn();
        const tab = tabId !== undefined ? await tabs.get(tabId) : undefined;
        if (!tab || tabId === undefined) throw new UpfrontError('no-console-tab');
        if (await liveSessionOn(tabId)) throw new UpfrontError('session-already-live', String(tabId));
        const open = await openRehearsalOn(tabId);
        if (open) {
          if (open.id === p.id) return open;
          throw new UpfrontError('rehearsal-open', open.id);
        }
        const { tabId: _t, ...choice } = p;
        const started = await store().start({ ...choice, platform: tab.platform, consoleOrigin: tab.origin, now: deps.now() });
        if (started.endedAt !== undefined) throw new UpfrontError('rehearsal-ended', started.id);
        await tabs.setRehearsal(tabId, started.id);
        return started;
      });
      return changed(rehearsal, rehearsal.id);
    },
    'rehearsal.current': async (p, sender) => {
      const tabId = await ctx.tabIdFor(sender, p.tabId);
      if (tabId === undefined || !deps.rehearsals) return null;
      await sweep();
      const rehearsal = await openRehearsalOn(tabId);
      return rehearsal ? { rehearsal, events: await store().events(rehearsal.id) } : null;
    },
    // Another view of the rehearsal (the overlay and the side panel) shows the mark at once, as a show's does.
    'rehearsal.record': async (p) => {
      const e = await store().record({ ...p, now: deps.now() });
      if (e.action === 'viewed' || !e.item) return e;
      return ctx.changed(e, { scope: 'rehearsal', sessionId: e.rehearsalId, mark: { id: e.id, action: e.action, cardId: e.cardId, item: e.item } });
    },
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
    'rehearsal.review': async ({ rehearsalId }) => store().review(rehearsalId),
  } satisfies HandlersFor<typeof rehearsalRequests>;

  return {
    handlers,
    /**
     * Go live's check, in Go live's turn: no show on a tab with an open rehearsal, and no
     * session with a rehearsal's id (a rehearsal never becomes a session).
     */
    async assertCanGoLive(tabId: number, sessionId: string): Promise<void> {
      if (!deps.rehearsals) return;
      if (await openRehearsalOn(tabId)) throw new UpfrontError('rehearsal-open', String(tabId));
      if (await store().exists(sessionId)) throw new UpfrontError('rehearsal-not-a-session', sessionId);
    },
  };
}

export type RehearsalResponses = ResponsesOf<ReturnType<typeof rehearsalHandlers>['handlers']>;
