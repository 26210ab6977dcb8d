import { createStore } from 'zustand/vanilla';
import { cardItems, effectivePolicyId, type CardItem } from '../cards/items';
import type { DeckBundle, DeckSummary } from '../db/repository';
import { UpfrontError } from '../errors';
import type { Client } from '../messaging/client';
import type { TabContext } from '../messaging/types';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { Item, Session } from '../schema/session';

export type MarkState =
  | { state: 'saving'; eventId: string }
  | { state: 'recorded'; eventId: string }
  | { state: 'failed'; eventId: string; code: string };

export interface SidebarState {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  /** The tab this sidebar serves; a side panel names it explicitly. */
  tabId?: number;
  context: TabContext | null;
  decks: DeckSummary[];
  deckId?: string;
  bundle: DeckBundle | null;
  session: Session | null;
  index: number;
  /** Per disclosure item of the live session, keyed by markKey(). */
  marks: Record<string, MarkState>;
  helpOpen: boolean;
  /** A failure of a whole-sidebar action (go live, end), as an i18n code. */
  actionError?: string;
}

export const markKey = (cardId: string, item: Item) => `${cardId}|${item.kind}|${item.id}`;

const errorCode = (err: unknown) => (err instanceof UpfrontError ? err.code : 'internal');

export interface CurrentCard {
  card: Card;
  policy: ReturnPolicy | undefined;
  items: CardItem[];
}

export function currentCard(state: Pick<SidebarState, 'bundle' | 'index'>): CurrentCard | undefined {
  const { bundle, index } = state;
  const card = bundle?.cards[index];
  if (!bundle || !card) return undefined;
  const policyId = effectivePolicyId(card, bundle.deck.defaultPolicyId);
  const policy = bundle.policies.find((p) => p.id === policyId);
  return { card, policy, items: cardItems(card, policy) };
}

export interface SidebarDeps {
  call: Client;
  newId: () => string;
}

/** The host's sidebar: state and every action a click or key can take. */
export function createSidebarStore({ call, newId }: SidebarDeps) {
  const store = createStore<SidebarState>(() => ({
    status: 'loading',
    context: null,
    decks: [],
    bundle: null,
    session: null,
    index: 0,
    marks: {},
    helpOpen: false,
  }));
  const { getState: get, setState: set } = store;

  async function loadDeck(deckId: string | undefined) {
    const bundle = deckId ? await call('deck.get', { deckId }) : null;
    const index = Math.min(get().index, Math.max(0, (bundle?.cards.length ?? 1) - 1));
    set({ deckId, bundle, index });
  }

  async function loadMarks(session: Session | null) {
    if (!session) return set({ marks: {} });
    const events = await call('event.list', { sessionId: session.id });
    const marks: Record<string, MarkState> = {};
    for (const e of events) {
      if (e.action === 'said') marks[markKey(e.cardId, e.item)] = { state: 'recorded', eventId: e.id };
    }
    // Keep clicks still in flight or failed; the log has the rest.
    for (const [k, m] of Object.entries(get().marks)) if (m.state !== 'recorded' && !marks[k]) marks[k] = m;
    set({ marks });
  }

  const actions = {
    async init(tabId?: number) {
      try {
        set({ tabId });
        const context = await call('tab.context', { tabId });
        const decks = await call('deck.list', {});
        const session = context ? await call('session.current', { tabId: context.tabId }) : null;
        set({ context, decks, session, tabId: context?.tabId ?? tabId });
        await loadDeck(session?.deckId ?? get().deckId ?? decks[0]?.id);
        await loadMarks(session);
        set({ status: 'ready', error: undefined });
      } catch (err) {
        set({ status: 'error', error: errorCode(err) });
      }
    },

    /** Re-reads what may have changed elsewhere (studio edits, a session ended in another view). */
    async refresh() {
      if (get().status !== 'ready') return actions.init(get().tabId);
      try {
        const { context } = get();
        const decks = await call('deck.list', {});
        const session = context ? await call('session.current', { tabId: context.tabId }) : null;
        const deckId = session?.deckId ?? (decks.some((d) => d.id === get().deckId) ? get().deckId : decks[0]?.id);
        set({ decks, session });
        await loadDeck(deckId);
        await loadMarks(session);
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    async selectDeck(deckId: string) {
      if (get().session) return;
      set({ index: 0 });
      await loadDeck(deckId);
    },

    async goLive(host: string) {
      const { context, deckId } = get();
      if (!context || !deckId) return;
      try {
        const session = await call('session.start', { id: newId(), deckId, host, tabId: context.tabId });
        set({ session, marks: {}, actionError: undefined });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    async endSession() {
      const { session } = get();
      if (!session) return;
      try {
        await call('session.end', { sessionId: session.id });
        set({ session: null, marks: {}, actionError: undefined });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    select(index: number) {
      const count = get().bundle?.cards.length ?? 0;
      if (count === 0) return;
      set({ index: Math.max(0, Math.min(count - 1, index)) });
    },
    next: () => actions.select(get().index + 1),
    previous: () => actions.select(get().index - 1),
    toggleHelp: () => set({ helpOpen: !get().helpOpen }),

    /**
     * Records that the host said an item. The mark turns "recorded" only after the background
     * has committed the event; a retry reuses the same event id, so it can never count twice.
     */
    async markSaid(item: Item) {
      const { session } = get();
      const current = currentCard(get());
      if (!session || !current) return;
      const key = markKey(current.card.id, item);
      const existing = get().marks[key];
      if (existing && existing.state !== 'failed') return;
      const eventId = existing?.eventId ?? newId();
      set({ marks: { ...get().marks, [key]: { state: 'saving', eventId } } });
      try {
        await call('event.record', {
          id: eventId,
          sessionId: session.id,
          cardId: current.card.id,
          item: { kind: item.kind, id: item.id },
          language: session.language,
          action: 'said',
        });
        set({ marks: { ...get().marks, [key]: { state: 'recorded', eventId } } });
      } catch (err) {
        set({ marks: { ...get().marks, [key]: { state: 'failed', eventId, code: errorCode(err) } } });
      }
    },
  };

  return { store, actions };
}

export type SidebarStore = ReturnType<typeof createSidebarStore>;
