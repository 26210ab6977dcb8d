import { createStore } from 'zustand/vanilla';
import { cardItems, effectivePolicyId, type CardItem } from '../cards/items';
import { clampRow } from '../cards/size';
import type { DeckBundle, DeckSummary } from '../schema/deck';
import { UpfrontError } from '../errors';
import type { Client } from '../messaging/client';
import type { ChangedPush, TabContext } from '../messaging/types';
import { defaultUnitForMarket, otherUnit, type LengthUnit } from '../scale/units';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Item, Session } from '../schema/session';
import { gateSelection, itemForM, keepsGate } from './gate';
import { planChange, withCards } from './card-updates';
import { markKey, unsaidMustSay } from './progress';
import { recapEvents } from './recap';
import { effectiveViewerLanguage, nextViewerLanguage, shownLanguage, viewerLanguages } from './viewer';

export { markKey };

export type MarkState =
  | { state: 'saving'; eventId: string }
  | { state: 'recorded'; eventId: string }
  | { state: 'failed'; eventId: string; code: string };

/** The host tried to leave a card with must-say items unsaid: where to, and what is missing. */
export interface MoveGate {
  to: number;
  missing: CardItem[];
}

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
  /** Must-say items the host moved on from unsaid, keyed by markKey() (event id). */
  skipped: Record<string, string>;
  /** The latest on-air correction of an item, keyed by markKey() (event id); issue 5. */
  corrections: Record<string, string>;
  /** Open sessions of this console left by a closed tab or a crash, offered to resume or end; issue 5. */
  resumable: Session[];
  helpOpen: boolean;
  /**
   * The page is covering the sidebar or making it (nearly) transparent, as a clickjacking page
   * would: nothing is recorded until it is fully visible again.
   */
  obscured: boolean;
  /** Go live or Resume sent and not answered yet: both buttons do nothing meanwhile. */
  starting: boolean;
  /** A failure of a whole-sidebar action (go live, end), as an i18n code. */
  actionError?: string;
  /** Display unit for lengths; starts from the market (US: inches), one key switches it. */
  unit: LengthUnit;
  /** Issue 6: the viewer language the host switched to (L); see viewerLanguage(). */
  viewerChoice?: string;
  /** The item the host is on (digits pick it, M marks it said), as an index into the card's items. */
  selected: number;
  /** The size-chart row the host is talking about. */
  sizeRow?: number;
  /** Which of the card's scale references is drawn. */
  refIndex: number;
  gate: MoveGate | null;
  recapOpen: boolean;
  /** A short notice for a key that had nothing to act on, as an i18n key. */
  notice?: string;
}

/** The language cards are shown in: the host's L pick, else the session's, else the deck's first. */
export function viewerLanguage(state: Pick<SidebarState, 'viewerChoice' | 'bundle' | 'session'>): string {
  return effectiveViewerLanguage(state.viewerChoice, state.bundle?.deck, state.session);
}

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

/**
 * How long the card on screen must stay before the background is told of it: J held down or
 * pressed in a run costs one write, after the host stops, never one per card.
 */
export const REMEMBER_ON_SCREEN_MS = 300;

/** Said, or on its way to being recorded: either way the host has said it. */
const isSaid = (m: MarkState | undefined) => m !== undefined && m.state !== 'failed';

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

export interface SidebarDeps {
  call: Client;
  newId: () => string;
}

/** The host's sidebar: state and every action a click or key can take. */
export function createSidebarStore({ call: send, newId }: SidebarDeps) {
  const store = createStore<SidebarState>(() => ({
    status: 'loading',
    context: null,
    decks: [],
    bundle: null,
    session: null,
    index: 0,
    marks: {},
    skipped: {},
    corrections: {},
    resumable: [],
    helpOpen: false,
    obscured: false,
    starting: false,
    unit: 'cm',
    selected: 0,
    refIndex: 0,
    gate: null,
    recapOpen: false,
  }));
  const { getState: get, setState: set } = store;

  // Every recording path goes through here, so none can record while the sidebar is obscured.
  const call = (async (type, payload) => {
    if (type === 'event.record' && get().obscured) throw new UpfrontError('obscured');
    return send(type, payload);
  }) as Client;

  /** Where the host lands on a card: its first unsaid must-say item, else the first item. */
  function landingItem(index: number): number {
    const c = currentCard({ bundle: get().bundle, index });
    if (!c) return 0;
    const i = c.items.findIndex((it) => it.mustSay && !isSaid(get().marks[markKey(c.card.id, it)]));
    return Math.max(0, i);
  }

  async function loadDeck(deckId: string | undefined) {
    showDeck(deckId, deckId ? await call('deck.get', { deckId }) : null);
  }

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
    if (deckChanged) set({ selected: landingItem(index) });
  }

  /** The marks of the session's log as read from the background; none without a session. */
  function showMarks(session: Session | null, events: readonly DisclosureEvent[]) {
    if (!session) return set({ marks: {}, skipped: {}, corrections: {} });
    applyEvents(session, events);
  }

  /** The marks a session's log gives, with clicks still in flight or failed kept on top. */
  function applyEvents(session: Session, events: readonly DisclosureEvent[]) {
    if (get().session?.id !== session.id) return;
    const marks: Record<string, MarkState> = {};
    const skipped: Record<string, string> = {};
    const corrections: Record<string, string> = {};
    for (const e of events) {
      if (e.action === 'said') marks[markKey(e.cardId, e.item)] = { state: 'recorded', eventId: e.id };
      else if (e.action === 'skipped') skipped[markKey(e.cardId, e.item)] = e.id;
      else if (e.action === 'correction') corrections[markKey(e.cardId, e.item)] = e.id;
    }
    set({ corrections });
    // Keep clicks still in flight or failed; the log has the rest.
    for (const [k, m] of Object.entries(get().marks)) if (m.state !== 'recorded' && !marks[k]) marks[k] = m;
    set({ marks, skipped: { ...get().skipped, ...skipped } });
  }

  /**
   * One event the background has committed (pushed to every open sidebar): this sidebar's own
   * click, or one made in another view of the same session. Applied in place; nothing is
   * re-read, and an event the sidebar already shows changes nothing (no re-render).
   */
  function applyCommitted(e: DisclosureEvent) {
    const { session } = get();
    if (!session || e.sessionId !== session.id) return;
    const key = markKey(e.cardId, e.item);
    if (e.action === 'said') {
      const m = get().marks[key];
      if (m?.state === 'recorded' && m.eventId === e.id) return;
      // A click of this sidebar still in flight under another id stays its own (the log has both).
      if (m?.state === 'saving' && m.eventId !== e.id) return;
      set({ marks: { ...get().marks, [key]: { state: 'recorded', eventId: e.id } } });
    } else if (e.action === 'skipped') {
      if (get().skipped[key] === e.id) return;
      set({ skipped: { ...get().skipped, [key]: e.id } });
    } else if (e.action === 'correction') {
      if (get().corrections[key] === e.id) return;
      set({ corrections: { ...get().corrections, [key]: e.id } });
    }
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
        await actions.refresh();
      } while (refreshAgain);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function showCard(index: number) {
    set({ index, gate: null, selected: landingItem(index), sizeRow: undefined, refIndex: 0, notice: undefined });
  }

  function moveTo(index: number) {
    showCard(index);
    rememberOnScreen();
  }

  let rememberTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Tells the background which card a live show has on screen (lib/background/on-screen.ts), so
   * the next opening of this show starts there. A failure is not shown: it only means a reload
   * opens on an earlier card, and the host mid-show is not interrupted for that.
   */
  function rememberOnScreen() {
    clearTimeout(rememberTimer);
    rememberTimer = setTimeout(tellOnScreen, REMEMBER_ON_SCREEN_MS);
  }

  function tellOnScreen() {
    rememberTimer = undefined;
    const { session } = get();
    const c = currentCard(get());
    if (session && c) void call('onScreen.set', { sessionId: session.id, cardId: c.card.id }).catch(() => undefined);
  }

  function missingOnCurrent(): CardItem[] {
    const c = currentCard(get());
    if (!c) return [];
    return unsaidMustSay(c.card.id, c.items, (k) => isSaid(get().marks[k]));
  }

  /** Records one 'skipped' event per unsaid must-say item; a failure is shown, never silent. */
  async function recordSkipped(card: Card, missing: readonly CardItem[]) {
    const { session } = get();
    if (!session) return;
    // Read before the first await: the host is moving to another card meanwhile.
    const policy = currentCard(get())?.policy;
    const viewer = viewerLanguage(get());
    const fallbacks = get().bundle?.deck.languages ?? [];
    for (const item of missing) {
      const key = markKey(card.id, item);
      if (get().skipped[key]) continue;
      const id = newId();
      const language = shownLanguage(card, policy, item, viewer, fallbacks);
      const payload = { id, sessionId: session.id, cardId: card.id, item: { kind: item.kind, id: item.id }, language, action: 'skipped' as const };
      try {
        // One retry with the same id: the background ignores a duplicate, so it cannot count twice.
        await call('event.record', payload).catch(() => call('event.record', payload));
        set({ skipped: { ...get().skipped, [key]: id } });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    }
  }

  /**
   * Everything the sidebar shows, in one request: the tab's context, decks, the tab's session or
   * what to resume, the deck shown (the session's, else the one shown before while it exists,
   * else the first) and the session's marks (bench: sidebar cold open).
   */
  async function bootstrap(tabId: number | undefined) {
    const deckId = get().deckId;
    const shownBefore = get().session?.id;
    const boot = await call('sidebar.bootstrap', { ...(tabId === undefined ? {} : { tabId }), ...(deckId === undefined ? {} : { deckId }) });
    const { context, decks, session } = boot;
    set({ context, decks, session, resumable: session ? [] : boot.resumable, tabId: context?.tabId ?? tabId });
    // Marks before the deck, so a card opens on its first must-say item not said yet.
    showMarks(session, boot.events);
    showDeck(boot.bundle?.deck.id, boot.bundle);
    // A show this sidebar opens onto (the console reloaded, the session resumed or started in
    // another view) starts on the card it had on screen; re-reads of the same show stay put.
    if (session && session.id !== shownBefore) {
      const i = boot.bundle?.cards.findIndex((c) => c.id === boot.onScreen) ?? -1;
      if (i >= 0 && i !== get().index) showCard(i);
    }
  }

  let recapping: Promise<void> | null = null;
  async function recordRecapAndEnd(): Promise<void> {
    const { session, bundle } = get();
    if (!session) return;
    const sends = recapEvents(bundle, get().marks, viewerLanguage(get()), newId);
    set({ marks: { ...get().marks, ...Object.fromEntries(sends.map((r) => [r.key, { state: 'saving', eventId: r.id } as MarkState])) } });
    const results = await Promise.allSettled(sends.map((r) => call('event.record', { id: r.id, sessionId: session.id, ...r.payload })));
    const marks = { ...get().marks };
    let failure: string | undefined;
    results.forEach((result, i) => {
      const { key, id } = sends[i];
      if (result.status === 'fulfilled') marks[key] = { state: 'recorded', eventId: id };
      else marks[key] = { state: 'failed', eventId: id, code: (failure ??= errorCode(result.reason)) };
    });
    set({ marks });
    // Do not end a show whose recap could not be recorded: the host sees why and decides.
    if (failure) return set({ actionError: failure });
    await actions.endSession();
  }

  const actions = {
    async init(tabId?: number) {
      try {
        set({ tabId });
        await bootstrap(tabId);
        set({ status: 'ready', error: undefined });
      } catch (err) {
        set({ status: 'error', error: errorCode(err) });
      }
    },

    /** The sidebar is going away (the console reloads): tells the card on screen now, not later. */
    flushOnScreen() {
      if (rememberTimer === undefined) return;
      clearTimeout(rememberTimer);
      tellOnScreen();
    },

    /** Re-reads what may have changed elsewhere (studio edits, a session ended in another view). */
    async refresh() {
      if (get().status !== 'ready') return actions.init(get().tabId);
      try {
        await bootstrap(get().context?.tabId ?? get().tabId);
        // Without a live session (ended here or elsewhere), what only a live session shows closes.
        if (!get().session) set({ recapOpen: false, gate: null });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    /**
     * A push from the background (./card-updates.ts says what to do with it): a committed event
     * is applied as it is, saved products of the deck shown are re-read alone, anything else is
     * re-read whole (coalesced). Returns when the sidebar shows the change.
     */
    async changed(push: Partial<ChangedPush> = {}): Promise<void> {
      const plan = planChange(push, get().bundle);
      if (plan.kind === 'event') return applyCommitted(push.event!);
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
      await loadDeck(deckId);
      // Remembered for this console's next opening (a reload); losing it only means the first deck.
      const tabId = get().context?.tabId;
      void call('deck.pick', { deckId, ...(tabId === undefined ? {} : { tabId }) }).catch(() => undefined);
    },

    async goLive(host: string, choice: { market?: string; language?: string } = {}) {
      const { context, deckId } = get();
      // Checked and set before the first await: a second press in the same task finds it set.
      if (!context || !deckId || get().starting) return;
      set({ starting: true });
      try {
        const session = await call('session.start', { id: newId(), deckId, host, tabId: context.tabId, ...choice });
        // The language chosen at go-live is where the show starts; L switches from there.
        set({ session, marks: {}, skipped: {}, corrections: {}, resumable: [], actionError: undefined, selected: 0, gate: null, viewerChoice: undefined });
        set({ selected: landingItem(get().index) });
        rememberOnScreen();
      } catch (err) {
        // Another view of this tab went live first: show that show rather than an error.
        if (errorCode(err) === 'session-already-live') await bootstrap(context.tabId).catch(() => undefined);
        if (!get().session) set({ actionError: errorCode(err) });
      } finally {
        set({ starting: false });
      }
    },

    async endSession() {
      const { session } = get();
      if (!session) return;
      try {
        await call('session.end', { sessionId: session.id });
        set({ session: null, marks: {}, skipped: {}, corrections: {}, actionError: undefined, recapOpen: false, gate: null });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    /** Issue 5: carries on a session this console left open (closed tab, crash) in this tab. */
    async resume(sessionId: string) {
      const { context } = get();
      if (!context || get().starting) return;
      set({ starting: true });
      try {
        await call('session.resume', { sessionId, tabId: context.tabId });
        // The tab's session now: read as on opening, so the show goes on at the card it was on.
        await bootstrap(context.tabId);
        set({ actionError: undefined });
      } catch (err) {
        set({ actionError: errorCode(err) });
      } finally {
        set({ starting: false });
      }
    },

    /** Issue 5: ends a left-open session without resuming it. */
    async endResumable(sessionId: string) {
      try {
        await call('session.end', { sessionId });
        set({ resumable: get().resumable.filter((s) => s.id !== sessionId), actionError: undefined });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    /**
     * Issue 5: records an on-air correction of an item of the card on screen. It points at the
     * item's latest event (its last correction, else the event that recorded it said). The caller
     * keeps `eventId` across retries, so a retry cannot record the correction twice; a failure
     * is thrown for the caller to show.
     */
    async correct(item: Item, eventId: string) {
      const { session } = get();
      const current = currentCard(get());
      if (!session || !current) throw new UpfrontError('session-ended');
      const key = markKey(current.card.id, item);
      const mark = get().marks[key];
      const target = get().corrections[key] ?? (mark?.state === 'recorded' ? mark.eventId : undefined);
      if (!target) throw new UpfrontError('correction-target-missing', key);
      await call('event.record', {
        id: eventId,
        sessionId: session.id,
        cardId: current.card.id,
        item: { kind: item.kind, id: item.id },
        language: shownLanguage(current.card, current.policy, item, viewerLanguage(get()), get().bundle?.deck.languages ?? []),
        action: 'correction',
        corrects: target,
      });
      set({ corrections: { ...get().corrections, [key]: eventId } });
    },

    /** "End session" first shows the return-policy recap; pressing E again there ends it. */
    requestEnd() {
      if (!get().session) return;
      if (get().recapOpen) return void actions.endWithRecap();
      set({ recapOpen: true, gate: null, helpOpen: false });
    },
    closeRecap: () => set({ recapOpen: false }),

    /**
     * The host read the recap out: record it, then end the session. The recap covers every
     * product sold under the policies it lists, so each such product gets a "said" event of its
     * policy (one request each, sent together; ids kept on the marks, so a retry cannot record
     * one twice). Products whose policy was already recorded said keep that event.
     */
    endWithRecap(): Promise<void> {
      // E pressed again while the recap is being recorded waits for it: nothing is sent twice.
      recapping ??= recordRecapAndEnd().finally(() => {
        recapping = null;
      });
      return recapping;
    },

    /**
     * Goes to another product. While live, leaving a card with must-say items unsaid first shows
     * what is missing; asking for the same move again goes on anyway and records a 'skipped'
     * event per unsaid must-say item.
     */
    select(index: number) {
      const count = get().bundle?.cards.length ?? 0;
      if (count === 0) return;
      const to = Math.max(0, Math.min(count - 1, index));
      if (to === get().index) return set({ gate: null });
      const c = currentCard(get());
      const missing = get().session ? missingOnCurrent() : [];
      if (c && missing.length > 0) {
        const { gate } = get();
        if (!gate || gate.to !== to) return set({ gate: { to, missing }, selected: gateSelection(c.items, missing), helpOpen: false, recapOpen: false });
        void recordSkipped(c.card, missing);
      }
      moveTo(to);
    },
    next: () => actions.select(get().index + 1),
    previous: () => actions.select(get().index - 1),
    /** "Go on anyway" from the gate's button. */
    confirmGate() {
      const { gate } = get();
      if (gate) actions.select(gate.to);
    },
    cancelGate: () => set({ gate: null }),
    toggleHelp: () => set({ helpOpen: !get().helpOpen }),
    setObscured: (obscured: boolean) => set({ obscured }),

    /** Escape closes the topmost thing: help, then the gate, then the recap, then a notice. */
    escape() {
      const s = get();
      if (s.helpOpen) set({ helpOpen: false });
      else if (s.gate) set({ gate: null });
      else if (s.recapOpen) set({ recapOpen: false });
      else if (s.notice) set({ notice: undefined });
    },

    /** A digit: the host is on item n of this card. */
    selectItem(index: number) {
      const c = currentCard(get());
      if (!c || index < 0 || index >= c.items.length) return set({ notice: 'notice.noItem' });
      const { gate } = get();
      set({ selected: index, notice: undefined, ...(gate && !keepsGate(c.items, index, gate.missing) ? { gate: null } : {}) });
    },

    /** M: the selected item was said; then on to the next must-say item still unsaid. */
    async markSelected() {
      const c = currentCard(get());
      const item = c && itemForM(c.items, get().selected, get().gate?.missing);
      if (!c || !item) return;
      if (!get().session) return set({ notice: 'notice.notLive' });
      const done = actions.markSaid(item);
      const next = c.items.findIndex((it) => it.mustSay && !isSaid(get().marks[markKey(c.card.id, it)]));
      if (next >= 0) set({ selected: next });
      await done;
    },

    /** S: the size chart, selected and open; a card without one says so. */
    openSizeChart() {
      const c = currentCard(get());
      const i = c?.items.findIndex((it) => it.kind === 'size') ?? -1;
      if (i < 0) return set({ notice: 'notice.noSizeChart' });
      set({ selected: i, notice: undefined });
    },

    toggleUnit: () => set({ unit: otherUnit(get().unit) }),

    /** L: the next of the deck's languages for the cards' text, live; events record it. */
    cycleViewerLanguage() {
      const langs = viewerLanguages(get().bundle?.deck, get().session);
      if (langs.length < 2) return set({ notice: 'notice.oneLanguage' });
      set({ viewerChoice: nextViewerLanguage(viewerLanguage(get()), langs), notice: undefined });
    },

    /** [ and ]: walk the highlighted size row; opens the size chart so the host sees it. */
    moveSizeRow(delta: 1 | -1) {
      const c = currentCard(get());
      const rows = c?.card.sizeChart?.rows?.length ?? 0;
      if (!c || rows === 0) return set({ notice: 'notice.noSizeChart' });
      const cur = get().sizeRow;
      const next = cur === undefined ? (delta > 0 ? 0 : rows - 1) : clampRow(cur + delta, rows);
      set({ sizeRow: next, selected: c.items.findIndex((it) => it.kind === 'size'), notice: undefined });
    },
    highlightSizeRow: (row: number) => set({ sizeRow: row }),
    setRefIndex: (i: number) => set({ refIndex: i }),

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
      // Saying what the gate listed as missing shrinks it; with nothing left it closes.
      const gate = get().gate;
      if (gate) {
        const missing = gate.missing.filter((m) => markKey(current.card.id, m) !== key);
        set({ gate: missing.length > 0 ? { ...gate, missing } : null });
      }
      try {
        await call('event.record', {
          id: eventId,
          sessionId: session.id,
          cardId: current.card.id,
          item: { kind: item.kind, id: item.id },
          language: shownLanguage(current.card, current.policy, item, viewerLanguage(get()), get().bundle?.deck.languages ?? []),
          action: 'said',
        });
        // The push with the committed event may have shown it already.
        const now = get().marks[key];
        if (now?.state !== 'recorded' || now.eventId !== eventId) set({ marks: { ...get().marks, [key]: { state: 'recorded', eventId } } });
      } catch (err) {
        set({ marks: { ...get().marks, [key]: { state: 'failed', eventId, code: errorCode(err) } } });
      }
    },
  };

  return { store, actions };
}

export type SidebarStore = ReturnType<typeof createSidebarStore>;
