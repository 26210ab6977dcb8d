import type { ServiceContext } from '../background/context';
import { UpfrontError } from '../errors';
import { Id, LanguageTag, MarketCode } from '../schema/common';
import { Action, Item } from '../schema/session';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

export const TabId = z.number().int().nonnegative();

/**
 * Live shows, as the host's sidebar runs them: Go live, Resume and End session, the disclosures
 * recorded in them, and the card on screen. The studio reads recorded shows through ./logs.ts.
 */
/** Go live's payload; Rehearse sends the same (./rehearsals.ts). */
export const ShowStart = z
  .object({
    id: Id,
    deckId: Id,
    host: z.string().trim().min(1).max(100),
    market: MarketCode.optional(),
    language: LanguageTag.optional(),
    tabId: TabId.optional(),
  })
  .strict();

export const sessionRequests = {
  'session.start': ShowStart,
  'session.current': z.object({ tabId: TabId.optional() }).strict(),
  'session.end': z.object({ sessionId: Id }).strict(),
  'session.resumable': z.object({ tabId: TabId.optional() }).strict(),
  'session.resume': z.object({ sessionId: Id, tabId: TabId.optional() }).strict(),
  // The card on screen in a live session's sidebar (lib/background/on-screen.ts).
  'onScreen.get': z.object({ sessionId: Id }).strict(),
  'onScreen.set': z.object({ sessionId: Id, cardId: Id }).strict(),
  'event.record': z
    .object({
      id: Id,
      sessionId: Id,
      cardId: Id,
      item: Item,
      language: LanguageTag,
      action: Action,
      corrects: Id.optional(),
    })
    .strict(),
  'event.list': z.object({ sessionId: Id }).strict(),
};

/** Go live's check for rehearsals, in Go live's turn (issue 20, ./rehearsals.ts). */
export type CanGoLive = (tabId: number, sessionId: string) => Promise<void>;

export function sessionHandlers(ctx: ServiceContext, canGoLive: CanGoLive = async () => undefined) {
  const { deps, binding, onScreen } = ctx;
  const { repo, tabs } = deps;
  return {
    'session.start': async (p, sender) => {
      await ctx.sweep();
      const tabId = await ctx.tabIdFor(sender, p.tabId);
      const session = await binding.runExclusive(async () => {
        const tab = tabId !== undefined ? await tabs.get(tabId) : undefined;
        if (!tab || tabId === undefined) throw new UpfrontError('no-console-tab');
        const current = await tabs.sessionOf(tabId);
        if (current) {
          const s = await repo.getSession(current);
          if (s && s.endedAt === undefined) throw new UpfrontError('session-already-live', s.id);
        }
        await canGoLive(tabId, p.id);
        const started = await repo.startSession({
          id: p.id,
          deckId: p.deckId,
          host: p.host,
          market: p.market,
          language: p.language,
          platform: tab.platform,
          consoleOrigin: tab.origin,
          now: deps.now(),
        });
        await tabs.setSession(tabId, started.id);
        return started;
      });
      deps.prover?.point(session.id, 'start');
      return ctx.changed(session, { scope: 'session', sessionId: session.id });
    },

    'session.current': async (p, sender) => {
      await ctx.sweep();
      const tabId = await ctx.tabIdFor(sender, p.tabId);
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
      ctx.sealLater();
      deps.prover?.point(sessionId, 'end');
      return ctx.changed(ended, { scope: 'session', sessionId });
    },
    'session.resumable': async (p, sender) => ctx.resumableFor(await ctx.tabIdFor(sender, p.tabId)),
    'session.resume': async (p, sender) => {
      const tabId = await ctx.tabIdFor(sender, p.tabId);
      if (tabId === undefined) throw new UpfrontError('no-console-tab');
      await ctx.sweep();
      const s = await binding.runExclusive(async () => {
        const offered = await ctx.resumableFor(tabId, { swept: true });
        const found = offered.find((o) => o.id === p.sessionId);
        if (!found) {
          const known = await repo.getSession(p.sessionId);
          if (!known) throw new UpfrontError('session-not-found', p.sessionId);
          if (known.endedAt !== undefined) throw new UpfrontError('session-ended', p.sessionId);
          throw new UpfrontError('session-not-resumable', p.sessionId);
        }
        await canGoLive(tabId, found.id);
        await tabs.setSession(tabId, found.id);
        return found;
      });
      return ctx.changed(s, { scope: 'session', sessionId: s.id });
    },
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
  } satisfies HandlersFor<typeof sessionRequests>;
}

export type SessionResponses = ResponsesOf<ReturnType<typeof sessionHandlers>>;
