/**
 * Syncing with the background: the one request that reads everything the sidebar shows, the
 * deck shown, and the pushes that say something changed elsewhere.
 */
import type { DeckBundle } from '../../schema/deck';
import { errorCode } from '../../errors';
import { defaultUnitForMarket } from '../../scale/units';
import { planChange, withCards } from '../card-updates';
import { openedShow } from '../rehearsal';
import { landingItem } from '../selectors';
import type { Slice, SyncActions, SyncState } from './types';

/**
 * The same deck as before, record for record? Then the old objects are kept, so a refresh after
 * each recorded event does not hand every run-sheet row a new card and re-render all 300.
 */
function sameBundle(a: DeckBundle | null, b: DeckBundle | null): boolean {
  if (!a || !b) return a === b;
  const same = <T extends { id: string; updatedAt: number }>(x: readonly T[], y: readonly T[]) =>
    x.length === y.length && x.every((v, i) => v.id === y[i].id && v.updatedAt === y[i].updatedAt);
  return a.deck.id === b.deck.id && a.deck.updatedAt === b.deck.updatedAt && same(a.cards, b.cards) && same(a.policies, b.policies);
}

export const createSyncSlice: Slice<SyncState & SyncActions> =
  ({ call }) =>
  (set, get) => {
    /** Shows a deck as read from the background, keeping the old objects if nothing changed. */
    function showDeck(deckId: string | undefined, fresh: DeckBundle | null) {
      const old = get().bundle;
      const bundle = sameBundle(old, fresh) ? old : fresh;
      const index = Math.min(get().index, Math.max(0, (bundle?.cards.length ?? 1) - 1));
      const deckChanged = old?.deck.id !== bundle?.deck.id;
      set({
        deckId,
        bundle,
        index,
        ...(deckChanged ? { unit: defaultUnitForMarket(get().session?.market ?? bundle?.deck.market), sizeRow: undefined, refIndex: 0, viewerChoice: undefined } : {}),
      });
      if (deckChanged) set({ selected: landingItem(get(), index) });
    }

    // Pushes for other changes (studio edits, sessions started or ended elsewhere) re-read, but
    // never two reads at once: pushes that arrive meanwhile fold into one more read after it.
    let refreshing: Promise<void> | null = null;
    let refreshAgain = false;
    function requestRefresh(): Promise<void> {
      if (refreshing) {
        refreshAgain = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          refreshAgain = false;
          await get().refresh();
        } while (refreshAgain);
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    }

    return {
      status: 'loading',
      context: null,
      decks: [],
      bundle: null,
      session: null,
      rehearsal: false,
      resumable: [],
      starting: false,

      /**
       * Everything the sidebar shows, in one request: the tab's context, decks, the tab's session or
       * what to resume, the deck shown (the session's, else the one shown before while it exists,
       * else the first) and the session's marks (bench: sidebar cold open).
       */
      async bootstrap(tabId: number | undefined) {
        const deckId = get().deckId;
        const shownBefore = get().session?.id;
        const boot = await call('sidebar.bootstrap', { ...(tabId === undefined ? {} : { tabId }), ...(deckId === undefined ? {} : { deckId }) });
        const { context, decks } = boot;
        const { session, rehearsal, events, onScreen } = openedShow(boot);
        set({ context, decks, session, rehearsal, resumable: session ? [] : boot.resumable, tabId: context?.tabId ?? tabId });
        // Marks before the deck, so a card opens on its first must-say item not said yet.
        get().showMarks(session, events);
        showDeck(boot.bundle?.deck.id, boot.bundle);
        // A show this sidebar opens onto (the console reloaded, the session resumed or started in
        // another view) starts on the card it had on screen; re-reads of the same show stay put.
        if (session && session.id !== shownBefore) {
          const i = boot.bundle?.cards.findIndex((c) => c.id === onScreen) ?? -1;
          if (i >= 0 && i !== get().index) get().showCard(i);
        }
      },

      async init(tabId?: number) {
        try {
          set({ tabId });
          await get().bootstrap(tabId);
          set({ status: 'ready', error: undefined });
        } catch (err) {
          set({ status: 'error', error: errorCode(err) });
        }
      },

      async refresh() {
        if (get().status !== 'ready') return get().init(get().tabId);
        try {
          await get().bootstrap(get().context?.tabId ?? get().tabId);
          // Without a live session (ended here or elsewhere), what only a live session shows closes.
          if (!get().session) set({ recapOpen: false, gate: null });
        } catch (err) {
          set({ actionError: errorCode(err) });
        }
      },

      /**
       * A push from the background (../card-updates.ts says what to do with it): a committed event
       * is applied as it is, saved products of the deck shown are re-read alone, anything else is
       * re-read whole (coalesced). Returns when the sidebar shows the change.
       */
      async changed(push = {}) {
        const plan = planChange(push, get().bundle);
        if (plan.kind === 'event') return get().applyCommitted(push.event ?? { ...push.mark!, sessionId: push.sessionId ?? '' });
        if (plan.kind === 'refresh' || refreshing) return requestRefresh();
        if (plan.kind === 'ignore') return;
        try {
          const { cards, policies } = await call('cards.get', { cardIds: plan.cardIds });
          const bundle = get().bundle;
          if (bundle) set({ bundle: withCards(bundle, cards, policies) });
        } catch {
          await requestRefresh();
        }
      },

      async selectDeck(deckId: string) {
        if (get().session) return;
        set({ index: 0 });
        showDeck(deckId, deckId ? await call('deck.get', { deckId }) : null);
        // Remembered for this console's next opening (a reload); losing it only means the first deck.
        const tabId = get().context?.tabId;
        void call('deck.pick', { deckId, ...(tabId === undefined ? {} : { tabId }) }).catch(() => undefined);
      },
    };
  };
