import type { ServiceContext } from '../background/context';
import { frameTabId } from '../background/sender';
import { composeSidebarBootstrap, type Ask } from '../messaging/bootstrap';
import { Id } from '../schema/common';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';
import { TabId } from './sessions';

/** The sidebar's opening request, and every whole re-read of it. */
export const sidebarRequests = {
  // `deckId` is the deck it showed before (kept while it exists, unless a session is live).
  'sidebar.bootstrap': z.object({ tabId: TabId.optional(), deckId: Id.optional() }).strict(),
};

export function sidebarHandlers(ctx: ServiceContext) {
  return {
    // The single requests it stands for, run here over the background's own handlers for the same sender.
    'sidebar.bootstrap': async (p, sender) => {
      const ask = (type: string, payload: unknown) => ctx.run(type, payload, sender);
      const framed = frameTabId(sender) !== undefined;
      // A framed sidebar can ask before its console's hello registered the tab: it is registered
      // first, so the tab's context and what it may resume are read after it (start-up order).
      if (framed) await ctx.contextFor(sender, undefined);
      return composeSidebarBootstrap(ask as Ask, p, { framed });
    },
  } satisfies HandlersFor<typeof sidebarRequests>;
}

export type SidebarResponses = ResponsesOf<ReturnType<typeof sidebarHandlers>>;
