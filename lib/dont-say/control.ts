/**
 * The correction key in the sidebar (issue 20): `C` records that the host made a claim the card
 * says not to make, and corrected it on air. A card with one don't-say item records it at once;
 * with several, `C` asks which (the digits pick one, Escape backs out). Kept beside the sidebar's
 * store, not in it (the entrypoint wires both); like the store, it records nothing while the page
 * covers the sidebar.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { UpfrontError } from '../errors';
import type { Client } from '../messaging/client';
import type { Item } from '../schema/session';
import { markKey } from '../sidebar/progress';
import { recordPayload, recordingContext } from '../sidebar/record';
import type { SidebarState } from '../sidebar/store';
import { currentCard } from '../sidebar/store';

export type DontSayMark = { state: 'saving'; eventId: string } | { state: 'recorded'; eventId: string; at: number } | { state: 'failed'; eventId: string; code: string };

export interface DontSayState {
  /** `C` on a card with several don't-say items: waiting for a digit. */
  choosing: boolean;
  /** The latest correction pressed per item (markKey), this show. */
  marks: Record<string, DontSayMark>;
}

export interface DontSayDeps {
  sidebar: StoreApi<SidebarState>;
  call: Client;
  newId: () => string;
  now?: () => number;
}

export function createDontSayControl({ sidebar, call, newId, now = Date.now }: DontSayDeps) {
  const store = createStore<DontSayState>(() => ({ choosing: false, marks: {} }));
  const { getState: get, setState: set } = store;
  const notice = (n: string) => sidebar.setState({ notice: n });

  // Another card, or the show ended or changed: a pending question no longer applies.
  sidebar.subscribe((s, prev) => {
    if (s.session?.id !== prev.session?.id) set({ choosing: false, marks: {} });
    else if (s.index !== prev.index || s.bundle?.deck.id !== prev.bundle?.deck.id) set({ choosing: false });
  });

  const items = () => currentCard(sidebar.getState())?.card.dontSay ?? [];

  async function record(dontSayId: string) {
    const s = sidebar.getState();
    const current = currentCard(s);
    if (!s.session || !current) return;
    const item: Item = { kind: 'dontSay', id: dontSayId };
    const key = markKey(current.card.id, item);
    const before = get().marks[key];
    if (before?.state === 'saving') return;
    // A retry of a failed press keeps its id, so it cannot be recorded twice; a new press is a new slip.
    const eventId = before?.state === 'failed' ? before.eventId : newId();
    set({ marks: { ...get().marks, [key]: { state: 'saving', eventId } } });
    try {
      if (sidebar.getState().obscured) throw new UpfrontError('obscured');
      const ctx = recordingContext(s);
      if (!ctx) return;
      await call('event.record', recordPayload(ctx, { id: eventId, card: current.card, policy: current.policy, item, action: 'correction' }));
      set({ marks: { ...get().marks, [key]: { state: 'recorded', eventId, at: now() } } });
    } catch (err) {
      set({ marks: { ...get().marks, [key]: { state: 'failed', eventId, code: err instanceof UpfrontError ? err.code : 'internal' } } });
    }
  }

  const actions = {
    /** C: one don't-say item is recorded; several ask which. */
    press(): Promise<void> | void {
      if (get().choosing) return set({ choosing: false });
      const list = items();
      if (list.length === 0) return notice('notice.noDontSay');
      if (!sidebar.getState().session) return notice('notice.notLive');
      if (list.length === 1) return record(list[0].id);
      set({ choosing: true });
    },
    /** A digit while asking which: that don't-say item, 0-based. False when not asking. */
    choose(index: number): boolean {
      if (!get().choosing) return false;
      const list = items();
      if (index < 0 || index >= list.length) return true;
      set({ choosing: false });
      void record(list[index].id);
      return true;
    },
    /** A button of the don't-say box: record this item. */
    correct: (dontSayId: string) => record(dontSayId),
    /** Escape: stop asking. False when not asking. */
    cancel(): boolean {
      if (!get().choosing) return false;
      set({ choosing: false });
      return true;
    },
  };
  return { store, actions };
}

export type DontSayControl = ReturnType<typeof createDontSayControl>;
