/**
 * Navigation and the must-say gate: which card and item the host is on, moving between cards
 * (a card left with must-say items unsaid asks first), and what stands open over the card.
 */
import { unsaidMustSay } from '../progress';
import { gateSelection, keepsGate } from '../gate';
import { currentCard, isSaid, landingItem } from '../selectors';
import type { NavigationActions, NavigationState, Slice } from './types';

/**
 * How long the card on screen must stay before the background is told of it: J held down or
 * pressed in a run costs one write, after the host stops, never one per card.
 */
export const REMEMBER_ON_SCREEN_MS = 300;

export const createNavigationSlice: Slice<NavigationState & NavigationActions> =
  ({ call }) =>
  (set, get) => {
    let rememberTimer: ReturnType<typeof setTimeout> | undefined;

    function tellOnScreen() {
      rememberTimer = undefined;
      const { session } = get();
      const c = currentCard(get());
      if (session && c) void call('onScreen.set', { sessionId: session.id, cardId: c.card.id }).catch(() => undefined);
    }

    function moveTo(index: number) {
      get().showCard(index);
      get().rememberOnScreen();
    }

    return {
      index: 0,
      selected: 0,
      gate: null,
      helpOpen: false,
      recapOpen: false,

      showCard(index) {
        set({ index, gate: null, selected: landingItem(get(), index), sizeRow: undefined, refIndex: 0, notice: undefined });
      },

      /**
       * Tells the background which card a live show has on screen (lib/background/on-screen.ts), so
       * the next opening of this show starts there. A failure is not shown: it only means a reload
       * opens on an earlier card, and the host mid-show is not interrupted for that.
       */
      rememberOnScreen() {
        clearTimeout(rememberTimer);
        rememberTimer = setTimeout(tellOnScreen, REMEMBER_ON_SCREEN_MS);
      },

      /** The sidebar is going away (the console reloads): tells the card on screen now, not later. */
      flushOnScreen() {
        if (rememberTimer === undefined) return;
        clearTimeout(rememberTimer);
        tellOnScreen();
      },

      /**
       * Goes to another product. While live, leaving a card with must-say items unsaid first shows
       * what is missing; asking for the same move again goes on anyway and records a 'skipped'
       * event per unsaid must-say item.
       */
      select(index) {
        const count = get().bundle?.cards.length ?? 0;
        if (count === 0) return;
        const to = Math.max(0, Math.min(count - 1, index));
        if (to === get().index) return set({ gate: null });
        const c = currentCard(get());
        const missing = get().session && c ? unsaidMustSay(c.card.id, c.items, (k) => isSaid(get().marks[k])) : [];
        if (c && missing.length > 0) {
          const { gate } = get();
          if (!gate || gate.to !== to) return set({ gate: { to, missing }, selected: gateSelection(c.items, missing), helpOpen: false, recapOpen: false });
          void get().recordSkipped(c, missing);
        }
        moveTo(to);
      },
      next: () => get().select(get().index + 1),
      previous: () => get().select(get().index - 1),
      /** "Go on anyway" from the gate's button. */
      confirmGate() {
        const { gate } = get();
        if (gate) get().select(gate.to);
      },
      cancelGate: () => set({ gate: null }),

      /** A digit: the host is on item n of this card. */
      selectItem(index) {
        const c = currentCard(get());
        if (!c || index < 0 || index >= c.items.length) return set({ notice: 'notice.noItem' });
        const { gate } = get();
        set({ selected: index, notice: undefined, ...(gate && !keepsGate(c.items, index, gate.missing) ? { gate: null } : {}) });
      },

      toggleHelp: () => set({ helpOpen: !get().helpOpen }),

      /** Escape closes the topmost thing: help, then the gate, then the recap, then a notice. */
      escape() {
        const s = get();
        if (s.helpOpen) set({ helpOpen: false });
        else if (s.gate) set({ gate: null });
        else if (s.recapOpen) set({ recapOpen: false });
        else if (s.notice) set({ notice: undefined });
      },

      /** "End session" first shows the return-policy recap; pressing E again there ends it. */
      requestEnd() {
        if (!get().session) return;
        if (get().recapOpen) return void get().endWithRecap();
        set({ recapOpen: true, gate: null, helpOpen: false });
      },
      closeRecap: () => set({ recapOpen: false }),
    };
  };
