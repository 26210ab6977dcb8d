import type { ServiceContext } from '../background/context';
import { frameTabId } from '../background/sender';
import { UpfrontError } from '../errors';
import { FORWARDED_KEYS } from '../hotkeys';
import { MAX_WIDTH, MIN_WIDTH } from '../messaging/types';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';
import { TabId } from './sessions';

/**
 * The console tab and the dock on it: which console a page serves, the sidebar's width and
 * whether it is collapsed (per site), sites the host enabled, and keys forwarded from the page.
 */
export const consoleRequests = {
  'tab.context': z.object({ tabId: TabId.optional() }).strict(),
  'overlay.set': z
    .object({ collapsed: z.boolean().optional(), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH).optional() })
    .strict(),
  'site.enable': z.object({ origin: z.url({ protocol: /^https?$/ }) }).strict(),
  // From the content script (CONTENT_SCRIPT_REQUESTS):
  'console.hello': z.object({}).strict(),
  'layout.set': z
    .object({ collapsed: z.boolean(), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH) })
    .strict(),
  hotkey: z.object({ key: z.enum(FORWARDED_KEYS) }).strict(),
};

/** The only requests a console content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<string> = new Set(['console.hello', 'layout.set', 'hotkey'] satisfies (keyof typeof consoleRequests)[]);

export function consoleHandlers(ctx: ServiceContext) {
  const { deps } = ctx;
  const { tabs, layouts } = deps;
  return {
    'tab.context': async (p, sender) => (await ctx.contextFor(sender, p.tabId)) ?? null,

    'overlay.set': async (p, sender) => {
      const tabId = frameTabId(sender);
      const tab = tabId !== undefined ? await tabs.get(tabId) : undefined;
      if (!tab || tabId === undefined) throw new UpfrontError('no-console-tab');
      const layout = await layouts.update(tab.origin, p);
      await deps.pushToTab(tabId, { type: 'overlay.apply', layout });
      return layout;
    },

    'site.enable': async ({ origin }) => {
      const o = new URL(origin).origin;
      await ctx.enabling.runExclusive(async () => {
        const list = await ctx.enabledOrigins();
        if (!list.includes(o)) await deps.local.set('enabledOrigins', [...list, o]);
      });
      await deps.enableSite(o);
      return { origin: o };
    },

    'console.hello': async (_p, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sender.url) throw new UpfrontError('no-console-tab');
      const tab = await tabs.register(tabId, sender.url, await ctx.enabledOrigins(), deps.now());
      if (!tab) throw new UpfrontError('not-a-console');
      return layouts.get(tab.origin);
    },

    'layout.set': async (p, sender) => {
      if (!sender.url) throw new UpfrontError('no-console-tab');
      return layouts.update(new URL(sender.url).origin, p);
    },

    hotkey: async ({ key }, sender) => {
      if (sender.tab?.id !== undefined) deps.pushHotkey(sender.tab.id, key);
      return null;
    },
  } satisfies HandlersFor<typeof consoleRequests>;
}

export type ConsoleResponses = ResponsesOf<ReturnType<typeof consoleHandlers>>;
