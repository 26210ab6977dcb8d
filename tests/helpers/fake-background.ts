import { vi } from 'vitest';
import type { DeckBundle, DeckSummary } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { composeSidebarBootstrap, type Ask } from '../../lib/messaging/bootstrap';
import type { Client } from '../../lib/messaging/client';
import type { TabContext } from '../../lib/messaging/types';
import { createSidebarStore, type SidebarDeps } from '../../lib/sidebar/store';

// A fake background for the sidebar, shared by its store tests (tests/unit) and its component
// tests (tests/components): the demo deck, beside a live console, with no session yet.

export const NOW = Date.UTC(2026, 10, 20, 12);
export const demo: DeckBundle = demoBundle(NOW);
export const demoSummary: DeckSummary = {
  id: demo.deck.id,
  name: demo.deck.name,
  market: demo.deck.market,
  languages: demo.deck.languages,
  cardCount: demo.cards.length,
  demo: true,
};
/** The tab the fake background says the sidebar is beside: a TikTok Shop live console. */
export const consoleContext: TabContext = { tabId: 5, url: 'https://shop.tiktok.com/streamer/live', origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' };

/** Answers one type of request, given its payload (a value, or a promise of one). */
export type Answer = (payload: Record<string, unknown>) => unknown;

/**
 * The fake background's single requests: tab.context, deck.list, deck.get, session.current
 * (none), session.resumable and event.list (empty), onScreen.get (none) and onScreen.set,
 * deck.picked (none) and deck.pick;
 * `answers` replaces or adds types. Any other
 * request is refused with "unexpected call <type>".
 */
function singleAnswers(answers: Record<string, Answer>) {
  const handlers = new Map<string, Answer>(
    Object.entries({
      'tab.context': () => consoleContext,
      'deck.list': () => [demoSummary],
      'deck.get': () => demo,
      'session.current': () => null,
      'session.resumable': () => [],
      'event.list': () => [],
      'onScreen.get': () => null,
      'onScreen.set': () => null,
      'deck.picked': () => null,
      'deck.pick': () => null,
      ...answers,
    }),
  );
  const ask = async (type: string, payload: Record<string, unknown>) => {
    const answer = handlers.get(type);
    if (!answer) throw new Error(`unexpected call ${type}`);
    return answer(payload);
  };
  return { handlers, ask };
}

/** The single requests as a mock the tests of composeSidebarBootstrap ask through. */
export function fakeAsk(answers: Record<string, Answer> = {}) {
  return vi.fn(singleAnswers(answers).ask);
}

/**
 * A sidebar store over a fake background: the single answers above, and sidebar.bootstrap
 * composed from them as the background composes it.
 */
export function fakeSidebar(answers: Record<string, Answer> = {}, deps: Partial<SidebarDeps> = {}) {
  const { handlers, ask } = singleAnswers(answers);
  if (!handlers.has('sidebar.bootstrap')) handlers.set('sidebar.bootstrap', (payload) => composeSidebarBootstrap(ask as unknown as Ask, payload));
  const call = vi.fn(ask);
  let n = 0;
  const sidebar = createSidebarStore({ call: call as unknown as Client, newId: () => `id-${++n}`, ...deps });
  /** The types of the requests made so far, in order. */
  const types = () => call.mock.calls.map((c) => c[0]);
  return { sidebar, call, types };
}
