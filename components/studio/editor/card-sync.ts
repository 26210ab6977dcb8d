import { useCallback, useEffect, useRef, useState } from 'react';
import { afterSave, nothingToSave, resolve, takeIn, toSend, type EditState } from '../../../lib/cards/edit-sync';
import type { Conflict, Path } from '../../../lib/cards/merge';
import type { Card } from '../../../lib/schema/card';

export type SendCard = (card: Card, base: Card | null) => Promise<{ card: Card; conflicts: Path[] }>;

/**
 * The editor's form kept in step with the stored card (lib/cards/edit-sync.ts). `stored` is the
 * card as the studio's lists hold it, re-read on every push naming it: a newer version made
 * elsewhere (Readiness' Accept…, Translations, another window) is taken into the form at once,
 * or right after a save in flight, so the save's reply and the push are taken in in order.
 */
export function useCardSync(stored: Card | undefined) {
  const [draft, setDraft] = useState<Card | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const state = useRef<EditState | null>(null);
  const saving = useRef(false);
  const deferred = useRef<Card | null>(null);
  // The lists' copy, also before the form has loaded: a version they got first is taken in at load.
  const latest = useRef<Card | undefined>(stored);

  const commit = useCallback((next: EditState) => {
    state.current = next;
    setDraft(next.draft);
    setConflicts(next.conflicts);
  }, []);

  const incoming = useCallback(
    (card: Card) => {
      if (!state.current) return;
      if (saving.current) {
        deferred.current = card;
        return;
      }
      const next = takeIn(state.current, card);
      if (next) commit(next);
    },
    [commit],
  );

  useEffect(() => {
    latest.current = stored;
    if (stored) incoming(stored);
  }, [stored, incoming]);

  /**
   * The form as loaded: `base` is the stored card it was edited from (null for a product not
   * saved yet); `stored`, the card stored now, is taken in when newer (a draft kept from before).
   */
  const load = useCallback(
    (base: Card | null, form: Card, stored?: Card | null) => {
      let next: EditState = { draft: form, base, conflicts: [] };
      for (const card of [stored, latest.current]) if (card) next = takeIn(next, card) ?? next;
      commit(next);
    },
    [commit],
  );

  /** The stored card the form is reconciled with, kept with a draft. */
  const base = useCallback(() => state.current?.base ?? null, []);

  /** A change typed here. */
  const edit = useCallback(
    (patch: Partial<Card>) => {
      if (state.current) commit({ ...state.current, draft: { ...state.current.draft, ...patch } });
    },
    [commit],
  );

  /**
   * Saves `card` (the form, parsed) with its base; resolves false when there was nothing to
   * write. Open conflicts' places go as stored (toSend).
   */
  const save = useCallback(
    async (card: Card, send: SendCard, force = false): Promise<boolean> => {
      const now = state.current;
      if (!now) return false;
      const sent = toSend(now, card);
      if (!force && nothingToSave(now, sent)) return false;
      saving.current = true;
      try {
        const reply = await send(sent, now.base);
        commit(afterSave(state.current ?? now, sent, reply));
        return true;
      } finally {
        saving.current = false;
        const later = deferred.current;
        deferred.current = null;
        if (later) incoming(later);
      }
    },
    [commit, incoming],
  );

  const choose = useCallback(
    (path: Path, choice: 'mine' | 'theirs') => {
      if (state.current) commit(resolve(state.current, path, choice));
    },
    [commit],
  );

  return { draft, conflicts, load, edit, save, choose, base };
}
