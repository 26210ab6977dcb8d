/**
 * The host's side of the stage view (issue 18): open the stage window, put the selected item on
 * stage or take it off, and keep the stage in step with the card on screen (another product, the
 * viewer language, the unit, the highlighted size). The background records and holds the stage
 * (lib/background/stage.ts); this only says what the host wants on it.
 */
import { createStore } from 'zustand/vanilla';
import { UpfrontError } from '../errors';
import type { Client } from '../messaging/client';
import type { Item } from '../schema/session';
import { DEFAULT_STAGE, STAGE_KINDS, type StageSettings } from '../stage/settings';
import type { StageState } from '../stage/state';
import { currentCard, viewerLanguage, type SidebarState, type SidebarStore } from './store';

export interface StageControlState {
  /** What the background says is on stage for the live session (null: nothing). */
  state: StageState | null;
  settings: StageSettings;
  /** The last failure, as an i18n code under errors. */
  error?: string;
  busy: boolean;
}

const errorCode = (err: unknown) => (err instanceof UpfrontError ? err.code : 'internal');
const canStage = (item: Item | undefined) => item !== undefined && (STAGE_KINDS as readonly string[]).includes(item.kind);

/** `fast`: the client `stage.put` goes through (a port, in the sidebar); `call` when absent. */
export function createStageControl({ call, sidebar, fast = call }: { call: Client; sidebar: SidebarStore; fast?: Client }) {
  const store = createStore<StageControlState>(() => ({ state: null, settings: DEFAULT_STAGE, busy: false }));
  const { getState: get, setState: set } = store;
  const host = () => sidebar.store.getState();

  /** Sends what should be on stage; one request at a time, the latest wins. */
  let chain: Promise<unknown> = Promise.resolve();
  function put(item: Item | undefined, from: SidebarState = host()) {
    const session = from.session;
    const current = currentCard(from);
    if (!session || !current) return Promise.resolve();
    const payload = {
      sessionId: session.id,
      cardId: current.card.id,
      ...(item ? { item: { kind: item.kind, id: item.id } } : {}),
      language: viewerLanguage(from),
      unit: from.unit,
      ...(from.sizeRow !== undefined ? { sizeRow: from.sizeRow } : {}),
      refIndex: from.refIndex,
      settings: get().settings,
    };
    chain = chain.then(async () => {
      set({ busy: true });
      try {
        set({ state: await fast('stage.put', payload), error: undefined });
      } catch (err) {
        set({ error: errorCode(err) });
      } finally {
        set({ busy: false });
      }
    });
    return chain;
  }

  const actions = {
    /** V, or the Stage view button: opens (or brings forward) the stage window, with the product on it. */
    async open() {
      const session = host().session;
      if (!session) return set({ error: 'stage-needs-live' });
      try {
        await call('stage.open', { sessionId: session.id, size: get().settings.size });
        if (!get().state) await put(undefined);
      } catch (err) {
        set({ error: errorCode(err) });
      }
    },
    /** O: the selected item goes on stage, or comes off if it is the one on stage. */
    async toggle() {
      const s = host();
      const current = currentCard(s);
      const selected = current?.items[s.selected];
      const on = get().state;
      if (!s.session) return set({ error: 'stage-needs-live' });
      if (on?.item && selected && on.item.kind === selected.kind && on.item.id === selected.id && on.cardId === current?.card.id) {
        return put(undefined);
      }
      if (!canStage(selected)) return set({ error: 'not-for-stage' });
      return put(selected);
    },
    async clear() {
      const session = host().session;
      if (!session) return;
      try {
        await call('stage.clear', { sessionId: session.id });
        set({ state: null });
      } catch (err) {
        set({ error: errorCode(err) });
      }
    },
    async setSettings(settings: StageSettings) {
      set({ settings });
      const on = get().state;
      if (on) await put(on.item);
    },
    /** After a reload: what the session has on stage. */
    async refresh() {
      const session = host().session;
      if (!session) return set({ state: null });
      const state = await call('stage.get', { sessionId: session.id }).catch(() => null);
      set({ state, ...(state ? { settings: state.settings } : {}) });
    },
  };

  // The stage follows the card on screen: another product shows that product's name (the old
  // item is recorded as taken off); a new viewer language, unit, size row or drawing updates it.
  sidebar.store.subscribe((now, before) => {
    const on = get().state;
    if (on && !now.session) return void set({ state: null });
    if (!on || !now.session) return;
    if (now.session.id !== on.sessionId) return;
    const productChanged = currentCard(now)?.card.id !== on.cardId;
    if (productChanged) return void put(undefined, now);
    const changed = viewerLanguage(now) !== viewerLanguage(before) || now.unit !== before.unit || now.sizeRow !== before.sizeRow || now.refIndex !== before.refIndex;
    if (changed) void put(on.item, now);
  });

  return { store, actions };
}

export type StageControl = ReturnType<typeof createStageControl>;
