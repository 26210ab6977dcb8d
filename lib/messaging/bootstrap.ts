import type { DeckSummary } from '../db/repository';
import type { Client } from './client';
import type { SidebarBootstrap } from './types';

/** Asks one single request, as the background's own handlers or a test's fake answer it. */
export type Ask = Client;

export interface BootstrapOptions {
  /**
   * The asker is a sidebar framed in a console tab (the overlay): the background answers for the
   * frame's own tab, so its session can be asked for before its context is known.
   */
  framed?: boolean;
}

/**
 * What 'sidebar.bootstrap' answers, composed from the single requests the sidebar used to send
 * itself, with the same choices: the background runs this over its own handlers, so the sidebar
 * opens after one round trip instead of two or three (bench: sidebar cold open), and tests can
 * answer it from their fake single answers.
 *
 * A failing session.resumable leaves the offer out, never the sidebar; any other failure fails
 * the whole answer, as it failed the sidebar's start before. The sidebar asks it again for every
 * re-read (studio edits, sessions started or ended elsewhere), so the same choices hold then.
 */
export async function composeSidebarBootstrap(ask: Ask, { tabId, deckId }: { tabId?: number; deckId?: string }, { framed = false }: BootstrapOptions = {}): Promise<SidebarBootstrap> {
  // The background offers nothing to resume for a tab with a live session, so both are asked at once.
  const tabState = (id: number | undefined) =>
    Promise.all([ask('session.current', id === undefined ? {} : { tabId: id }), ask('session.resumable', id === undefined ? {} : { tabId: id }).catch(() => [])]);
  const early = framed ? tabState(tabId) : undefined;
  early?.catch(() => undefined);
  const listed = ask('deck.list', {});
  // The deck shown when no session is live (the one asked for while it exists, else the first:
  // a producer may delete it in the studio meanwhile) is read while the session is looked up; a
  // live session's own deck, if another, is read after.
  const deckOf = (decks: DeckSummary[]) => (decks.some((d) => d.id === deckId) ? deckId : decks[0]?.id);
  const guessed = listed.then((decks) => {
    const id = deckOf(decks);
    return id ? ask('deck.get', { deckId: id }) : null;
  });
  guessed.catch(() => undefined);
  const [context, decks] = await Promise.all([ask('tab.context', tabId === undefined ? {} : { tabId }), listed]);
  const [session, resumable] = context ? await (early ?? tabState(context.tabId)) : [null, []];
  const shown = session?.deckId ?? deckOf(decks);
  const [bundle, events, onScreen] = await Promise.all([
    shown === deckOf(decks) ? guessed : shown ? ask('deck.get', { deckId: shown }) : null,
    session ? ask('event.list', { sessionId: session.id }) : [],
    session ? ask('onScreen.get', { sessionId: session.id }) : null,
  ]);
  return { context, decks, session, resumable: session ? [] : resumable, bundle, events, onScreen };
}
