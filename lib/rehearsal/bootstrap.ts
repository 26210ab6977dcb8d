import type { Ask, SidebarBootstrap } from '../messaging/bootstrap';

/**
 * The sidebar's opening answer with the tab's open rehearsal (issue 20), when no show is live
 * there: the rehearsal and its events, and its deck. A failing rehearsal.current leaves it out,
 * never the sidebar (tests' fake backgrounds need not answer it).
 */
export async function withRehearsal(ask: Ask, boot: SidebarBootstrap): Promise<SidebarBootstrap> {
  if (!boot.context || boot.session) return boot;
  const rehearsal = await ask('rehearsal.current', { tabId: boot.context.tabId }).catch(() => null);
  if (!rehearsal) return boot;
  const deckId = rehearsal.rehearsal.deckId;
  const bundle = boot.bundle?.deck.id === deckId ? boot.bundle : await ask('deck.get', { deckId });
  return { ...boot, rehearsal, bundle, resumable: [] };
}
