import type { ConsoleResponses, consoleRequests } from '../contracts/console';
import type { LibraryResponses, libraryRequests } from '../contracts/library';
import type { RehearsalResponses, rehearsalRequests } from '../contracts/rehearsals';
import type { SessionResponses, sessionRequests } from '../contracts/sessions';
import type { DeckBundle, DeckSummary } from '../schema/deck';
import type { RehearsalOnTab } from '../rehearsal/types';
import type { DisclosureEvent, Session } from '../schema/session';
import type { TabContext } from './types';

type Answers = SessionResponses & LibraryResponses & ConsoleResponses & RehearsalResponses;
type Schemas = typeof sessionRequests & typeof libraryRequests & typeof consoleRequests & typeof rehearsalRequests;
type Asked = 'tab.context' | 'deck.list' | 'deck.picked' | 'deck.get' | 'session.current' | 'session.resumable' | 'event.list' | 'onScreen.get' | 'rehearsal.current';

/** Asks one single request, as the background's own handlers or a test's fake answer it. */
export type Ask = <T extends Asked>(type: T, payload: Schemas[T]['_input']) => Promise<Answers[T]>;

/**
 * Everything the sidebar needs to draw, in one answer: what the single requests named in the
 * comments would answer.
 */
export interface SidebarBootstrap {
  /** tab.context */
  context: TabContext | null;
  /** deck.list */
  decks: DeckSummary[];
  /** session.current of the context's tab (null without a context). */
  session: Session | null;
  /** session.resumable of the context's tab; empty with a live session, or if that answer failed. */
  resumable: Session[];
  /** deck.get of the live session's deck, else of the deck asked for, else of the first; null without decks. */
  bundle: DeckBundle | null;
  /** event.list of the live session (empty without one). */
  events: DisclosureEvent[];
  /** onScreen.get of the live session: the card its sidebar showed last (null without one). */
  onScreen: string | null;
  /** rehearsal.current of the context's tab, when no session is live there (issue 20). */
  rehearsal?: RehearsalOnTab | null;
}

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
 * opens after one round trip instead of two or three, and tests can
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
  // A first opening (no deck shown before) opens on the deck the host last picked on this console.
  const picked: Promise<string | null> = deckId === undefined ? ask('deck.picked', tabId === undefined ? {} : { tabId }).catch(() => null) : Promise.resolve(null);
  // The deck shown when no session is live (the one asked for, else the one picked, while it
  // exists, else the first: a producer may delete it in the studio meanwhile) is read while the
  // session is looked up; a live session's own deck, if another, is read after.
  const deckOf = (decks: DeckSummary[], pick: string | null) => [deckId, pick].find((id) => id && decks.some((d) => d.id === id)) ?? decks[0]?.id;
  const guessed = Promise.all([listed, picked]).then(([decks, pick]) => {
    const id = deckOf(decks, pick);
    return id ? ask('deck.get', { deckId: id }) : null;
  });
  guessed.catch(() => undefined);
  const [context, decks, pick] = await Promise.all([ask('tab.context', tabId === undefined ? {} : { tabId }), listed, picked]);
  const [session, resumable] = context ? await (early ?? tabState(context.tabId)) : [null, []];
  const shown = session?.deckId ?? deckOf(decks, pick);
  const [bundle, events, onScreen] = await Promise.all([
    shown === deckOf(decks, pick) ? guessed : shown ? ask('deck.get', { deckId: shown }) : null,
    session ? ask('event.list', { sessionId: session.id }) : [],
    session ? ask('onScreen.get', { sessionId: session.id }) : null,
  ]);
  return withRehearsal(ask, { context, decks, session, resumable: session ? [] : resumable, bundle, events, onScreen });
}

/**
 * The sidebar's opening answer with the tab's open rehearsal (issue 20), when no show is live
 * there: the rehearsal and its events, and its deck. A failing rehearsal.current leaves it out,
 * never the sidebar (tests' fake backgrounds need not answer it).
 */
async function withRehearsal(ask: Ask, boot: SidebarBootstrap): Promise<SidebarBootstrap> {
  if (!boot.context || boot.session) return boot;
  const rehearsal = await ask('rehearsal.current', { tabId: boot.context.tabId }).catch(() => null);
  if (!rehearsal) return boot;
  const deckId = rehearsal.rehearsal.deckId;
  const bundle = boot.bundle?.deck.id === deckId ? boot.bundle : await ask('deck.get', { deckId });
  return { ...boot, rehearsal, bundle, resumable: [] };
}
