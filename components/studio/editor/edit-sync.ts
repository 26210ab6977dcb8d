import { useCallback, useEffect, useRef, useState } from 'react';
import { afterSave, nothingToSave, resolve, takeIn, toSend, type EditState } from '../../../lib/cards/edit-sync';
import type { Conflict, Path, Versioned } from '../../../lib/cards/merge';

/** Saves a record with its base; resolves to what is stored now and the places kept as stored. */
export type SendSaved<T> = (record: T, base: T | null) => Promise<{ saved: T; conflicts: readonly Path[] }>;

/**
 * An editor's form kept in step with the stored record, a card or a return policy
 * (lib/cards/edit-sync.ts). `stored` is the record as the studio's lists hold it, re-read on every
 * push naming it: a newer version made elsewhere (Readiness' Accept…, Translations, another
 * window) is taken into the form at once, or right after a save in flight, so the save's reply
 * and the push are taken in in order.
 */
export function useEditSync<T extends Versioned>(stored: T | undefined) {
  const [draft, setDraft] = useState<T | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const state = useRef<EditState<T> | null>(null);
  const saving = useRef(false);
  const deferred = useRef<T | null>(null);
  // The lists' copy, also before the form has loaded: a version they got first is taken in at load.
  const latest = useRef<T | undefined>(stored);

  const commit = useCallback((next: EditState<T>) => {
    state.current = next;
    setDraft(next.draft);
    setConflicts(next.conflicts);
  }, []);

  const incoming = useCallback(
    (record: T) => {
      if (!state.current) return;
      if (saving.current) {
        deferred.current = record;
        return;
      }
      const next = takeIn(state.current, record);
      if (next) commit(next);
    },
    [commit],
  );

  useEffect(() => {
    latest.current = stored;
    if (stored) incoming(stored);
  }, [stored, incoming]);

  /**
   * The form as loaded: `base` is the stored record it was edited from (null for one not saved
   * yet); `stored`, the record stored now, is taken in when newer (a draft kept from before).
   */
  const load = useCallback(
    (base: T | null, form: T, stored?: T | null) => {
      let next: EditState<T> = { draft: form, base, conflicts: [] };
      for (const record of [stored, latest.current]) if (record) next = takeIn(next, record) ?? next;
      commit(next);
    },
    [commit],
  );

  /** The stored record the form is reconciled with, kept with a draft. */
  const base = useCallback(() => state.current?.base ?? null, []);

  /** A change typed here. */
  const edit = useCallback(
    (patch: Partial<T>) => {
      if (state.current) commit({ ...state.current, draft: { ...state.current.draft, ...patch } });
    },
    [commit],
  );

  /**
   * Saves `record` (the form, parsed) with its base; resolves false when there was nothing to
   * write. Open conflicts' places go as stored (toSend).
   */
  const save = useCallback(
    async (record: T, send: SendSaved<T>, force = false): Promise<boolean> => {
      const now = state.current;
      if (!now) return false;
      const sent = toSend(now, record);
      if (!force && nothingToSave(now, sent)) return false;
      saving.current = true;
      try {
        const reply = await send(sent, now.base);
        commit(afterSave(state.current ?? now, sent, reply.saved, reply.conflicts));
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

  /** The places still open now, also right after a save (before React has re-rendered). */
  const open = useCallback(() => state.current?.conflicts ?? [], []);

  return { draft, conflicts, load, edit, save, choose, base, open };
}
