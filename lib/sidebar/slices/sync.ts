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

/**
 * How long the sidebar's opening request may go unanswered before the sidebar says so, with a
 * retry (the request goes on, and its late answer is shown). A start can be slow: the browser
 * starts the worker, opens the database and checks the journal before it answers anything.
 */
export const OPEN_SILENCE_MS = 8_000;
/** Pauses before asking again when the background could not be reached (its worker restarting mid-start). */
export const OPEN_RETRY_MS = [250, 1_000, 3_000];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const createSyncSlice: Slice<SyncState & SyncActions> =
  ({ call, openRetryMs = OPEN_RETRY_MS }) =>
  (set, get) => {
    /** The latest opening: an earlier one's late answer is shown, but only the latest sets the status. */
    let opening = 0;
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

      /**
       * Opens the sidebar: never silent. A background that cannot be reached is asked again a few
       * times; one that does not answer is shown as such after OPEN_SILENCE_MS, with a retry.
       */
      async init(tabId?: number) {
        const run = ++opening;
        set({ tabId, ...(get().status === 'error' ? { status: 'loading' as const, error: undefined } : {}) });
        const silence = setTimeout(() => {
          if (run === opening && get().status === 'loading') set({ status: 'error', error: 'background-slow' });
        }, OPEN_SILENCE_MS);
        try {
          for (let attempt = 0; ; attempt++) {
            try {
              await get().bootstrap(tabId);
              break;
            } catch (err) {
              if (errorCode(err) !== 'background-unreachable' || attempt >= openRetryMs.length) throw err;
              await pause(openRetryMs[attempt]);
            }
          }
          // Any answer is the background's latest word, an earlier opening's late one included.
          set({ status: 'ready', error: undefined });
        } catch (err) {
          if (run === opening) set({ status: 'error', error: errorCode(err) });
        } finally {
          clearTimeout(silence);
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
