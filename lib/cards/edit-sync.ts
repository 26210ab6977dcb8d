import type { Card } from '../schema/card';
import { getAt, merge3, pathKey, same, setAt, type Conflict, type Path } from './merge';

/**
 * The card editor against the stored card, like a collaborative editor: `base` is the stored
 * version the form was last reconciled with, `draft` the form, `conflicts` the places changed
 * both here (not saved yet) and elsewhere, which the producer decides. Until they do, saves
 * leave those places as stored (toSend), so neither side's text is overwritten unasked.
 */
export interface EditState {
  draft: Card;
  base: Card | null;
  conflicts: Conflict[];
}

const withoutVersion = (c: Card) => ({ ...c, updatedAt: 0 });

/** Conflicts still open, once each, with the values as they are now. */
function settle(draft: Card, base: Card, conflicts: readonly Conflict[]): Conflict[] {
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
export function takeIn(state: EditState, incoming: Card): EditState | null {
  if (state.base && incoming.updatedAt <= state.base.updatedAt) return null;
  const m = merge3<Card>(state.base ?? undefined, state.draft, incoming, 'mine');
  return { draft: m.value, base: incoming, conflicts: settle(m.value, incoming, [...state.conflicts, ...m.conflicts]) };
}

/** The card to save: the form, except that an open conflict's place stays as stored. */
export function toSend(state: EditState, draft: Card = state.draft): Card {
  return state.conflicts.reduce((card, c) => setAt(card, c.path, getAt(state.base, c.path)), draft);
}

/** Nothing here differs from the stored version: a save would write nothing. */
export function nothingToSave(state: EditState, card: Card): boolean {
  return state.base !== null && same(withoutVersion(card), withoutVersion(state.base));
}

/**
 * After a save: `sent` is what was saved, `reply` what is now stored and the places where the
 * stored text was kept over ours (another save got there first). Typing since the save stays.
 */
export function afterSave(state: EditState, sent: Card, reply: { card: Card; conflicts: readonly Path[] }): EditState {
  const m = merge3<Card>(sent, state.draft, reply.card, 'mine');
  let draft = m.value;
  const kept = reply.conflicts.map((path) => {
    draft = setAt(draft, path, getAt(state.draft, path));
    return { path, mine: getAt(state.draft, path), theirs: getAt(reply.card, path) };
  });
  return { draft, base: reply.card, conflicts: settle(draft, reply.card, [...state.conflicts, ...m.conflicts, ...kept]) };
}

/** The producer's choice on a conflict: keep the text written here (saved next), or take the stored one. */
export function resolve(state: EditState, path: Path, choice: 'mine' | 'theirs'): EditState {
  const key = pathKey(path);
  const draft = choice === 'theirs' ? setAt(state.draft, path, getAt(state.base, path)) : state.draft;
  return { draft, base: state.base, conflicts: state.conflicts.filter((c) => pathKey(c.path) !== key) };
}
