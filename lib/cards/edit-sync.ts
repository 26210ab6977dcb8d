import type { Card } from '../schema/card';
import { getAt, merge3, pathKey, same, setAt, type Conflict, type Path, type Versioned } from './merge';

/**
 * An editor against the stored record (a card, a return policy), like a collaborative editor:
 * `base` is the stored version the form was last reconciled with, `draft` the form, `conflicts` the places changed
 * both here (not saved yet) and elsewhere, which the producer decides. Until they do, saves
 * leave those places as stored (toSend), so neither side's text is overwritten unasked.
 */
export interface EditState<T extends Versioned = Card> {
  draft: T;
  base: T | null;
  conflicts: Conflict[];
}

const withoutVersion = <T extends Versioned>(c: T) => ({ ...c, updatedAt: 0 });

/** Conflicts still open, once each, with the values as they are now. */
function settle<T>(draft: T, base: T, conflicts: readonly Conflict[]): Conflict[] {
  const byPath = new Map<string, Conflict>();
  for (const c of conflicts) byPath.set(pathKey(c.path), c);
  return [...byPath.values()]
    .map((c) => ({ path: c.path, mine: getAt(draft, c.path), theirs: getAt(base, c.path) }))
    .filter((c) => !same(c.mine, c.theirs));
}

/**
 * A stored version made elsewhere taken into the form: what the producer has not changed here
 * follows it; what they changed here stays, and where the other side changed it too it becomes a
 * conflict. An older or the same version (a push that arrives late) changes nothing: null.
 */
export function takeIn<T extends Versioned>(state: EditState<T>, incoming: T): EditState<T> | null {
  if (state.base && incoming.updatedAt <= state.base.updatedAt) return null;
  const m = merge3<T>(state.base ?? undefined, state.draft, incoming, 'mine');
  return { draft: m.value, base: incoming, conflicts: settle(m.value, incoming, [...state.conflicts, ...m.conflicts]) };
}

/** The record to save: the form, except that an open conflict's place stays as stored. */
export function toSend<T extends Versioned>(state: EditState<T>, draft: T = state.draft): T {
  return state.conflicts.reduce((card, c) => setAt(card, c.path, getAt(state.base, c.path)), draft);
}

/** Nothing here differs from the stored version: a save would write nothing. */
export function nothingToSave<T extends Versioned>(state: EditState<T>, card: T): boolean {
  return state.base !== null && same(withoutVersion(card), withoutVersion(state.base));
}

/**
 * After a save: `sent` is what was saved, `saved` what is now stored, `conflicts` the places where
 * the stored text was kept over ours (another save got there first). Typing since the save stays.
 */
export function afterSave<T extends Versioned>(state: EditState<T>, sent: T, saved: T, conflicts: readonly Path[]): EditState<T> {
  const m = merge3<T>(sent, state.draft, saved, 'mine');
  let draft = m.value;
  const kept = conflicts.map((path) => {
    draft = setAt(draft, path, getAt(state.draft, path));
    return { path, mine: getAt(state.draft, path), theirs: getAt(saved, path) };
  });
  return { draft, base: saved, conflicts: settle(draft, saved, [...state.conflicts, ...m.conflicts, ...kept]) };
}

/** The producer's choice on a conflict: keep the text written here (saved next), or take the stored one. */
export function resolve<T extends Versioned>(state: EditState<T>, path: Path, choice: 'mine' | 'theirs'): EditState<T> {
  const key = pathKey(path);
  const draft = choice === 'theirs' ? setAt(state.draft, path, getAt(state.base, path)) : state.draft;
  return { draft, base: state.base, conflicts: state.conflicts.filter((c) => pathKey(c.path) !== key) };
}
