/**
 * Three-way merge of JSON records (a card): what one side changed since a common base is kept
 * over the other side's unchanged value, so two editors saving at once each keep their own
 * fields. Objects merge key by key; arrays whose items carry an `id` (caveats, notes, don't-say
 * items, measurements) merge item by item, whatever the order; other arrays merge place by place
 * when neither side added or removed one. A place both sides changed, differently, is a conflict:
 * the side `prefer` names wins it, and it is reported so the other is never lost silently.
 */

/** A key, an index, or the item of an id-keyed array with that id. */
export type PathSegment = string | number | { id: string };
export type Path = readonly PathSegment[];

export interface Conflict {
  path: Path;
  mine: unknown;
  theirs: unknown;
}

export interface Merged<T> {
  value: T;
  conflicts: Conflict[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (isObj(v) && typeof v.id === 'string' ? v.id : undefined);
const isIdArray = (v: unknown): v is Obj[] => Array.isArray(v) && v.every((x) => idOf(x) !== undefined) && new Set(v.map(idOf)).size === v.length;

/** Deep equality of JSON values; key order does not matter, an absent key equals `undefined`. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (!isObj(a) || !isObj(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!same(a[k], b[k])) return false;
  return true;
}

export function merge3<T>(base: T | undefined, mine: T, theirs: T, prefer: 'mine' | 'theirs'): Merged<T> {
  const conflicts: Conflict[] = [];
  const value = mergeAt(base, mine, theirs, [], prefer, conflicts) as T;
  return { value, conflicts };
}

function mergeAt(base: unknown, mine: unknown, theirs: unknown, path: PathSegment[], prefer: 'mine' | 'theirs', out: Conflict[]): unknown {
  if (same(mine, theirs)) return mine;
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  if (isObj(mine) && isObj(theirs) && (base === undefined || isObj(base))) {
    const b: Obj = base ?? {};
    const result: Obj = {};
    for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const v = mergeAt(b[k], mine[k], theirs[k], [...path, k], prefer, out);
      if (v !== undefined) result[k] = v;
    }
    return result;
  }
  if (isIdArray(mine) && isIdArray(theirs) && (base === undefined || isIdArray(base))) return mergeById(base ?? [], mine, theirs, path, prefer, out);
  if (Array.isArray(mine) && Array.isArray(theirs) && Array.isArray(base) && mine.length === base.length && theirs.length === base.length) {
    return base.map((b, i) => mergeAt(b, mine[i], theirs[i], [...path, i], prefer, out));
  }
  out.push({ path, mine, theirs });
  return prefer === 'mine' ? mine : theirs;
}

/** Items by id: each merged on its own; the order of the side that reordered, new items after. */
function mergeById(base: Obj[], mine: Obj[], theirs: Obj[], path: PathSegment[], prefer: 'mine' | 'theirs', out: Conflict[]): Obj[] {
  const byId = (list: Obj[]) => new Map(list.map((x) => [idOf(x)!, x]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  const ids = (list: Obj[]) => list.map((x) => idOf(x)!);
  const common = (list: Obj[], other: Map<string, Obj>) => ids(list).filter((id) => other.has(id));
  const mineReordered = !same(common(mine, b), common(base, m));
  const first = mineReordered ? mine : theirs;
  const second = mineReordered ? theirs : mine;
  const order = [...new Set([...ids(first), ...ids(second)])];
  const result: Obj[] = [];
  for (const id of order) {
    const v = mergeAt(b.get(id), m.get(id), t.get(id), [...path, { id }], prefer, out);
    if (v !== undefined) result.push(v as Obj);
  }
  return result;
}

const matches = (seg: PathSegment, item: unknown, index: number) => (typeof seg === 'object' ? idOf(item) === seg.id : seg === index);

/** The value at `path`, or undefined where the path leads nowhere. */
export function getAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const seg of path) {
    if (Array.isArray(node)) node = node.find((x, i) => matches(seg, x, i));
    else if (isObj(node) && typeof seg === 'string') node = node[seg];
    else return undefined;
  }
  return node;
}

/**
 * A copy of `value` with `path` set to `next` (removed when `next` is undefined). An id-keyed
 * item that is not there is added at the end; a path through a missing object creates it.
 */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [seg, ...rest] = path;
  if (value === undefined && typeof seg === 'object') return (next === undefined ? undefined : [setAt(undefined, rest, next)]) as T;
  if (Array.isArray(value)) {
    const index = value.findIndex((x, i) => matches(seg, x, i));
    if (index < 0) return (next === undefined ? value : [...value, setAt(undefined, rest, next)]) as T;
    const child = setAt(value[index], rest, next);
    return (child === undefined ? value.filter((_, i) => i !== index) : value.map((x, i) => (i === index ? child : x))) as T;
  }
  const obj: Obj = isObj(value) ? { ...value } : {};
  const key = typeof seg === 'object' ? seg.id : String(seg);
  const child = setAt(obj[key], rest, next);
  if (child === undefined) delete obj[key];
  else obj[key] = child;
  return obj as T;
}

/** A stable key for a path, to compare and list conflicts. */
export const pathKey = (path: Path): string => path.map((s) => (typeof s === 'object' ? `#${s.id}` : String(s))).join('/');

/** A stored record that carries its version. */
export interface Versioned {
  updatedAt: number;
}

/** What a save writes (see mergeSave): nothing when `write` is false. */
export interface SaveMerge<T> {
  next: T;
  conflicts: Path[];
  write: boolean;
}

/**
 * A save of `sent` against the `stored` record, for the saves that carry `base` (the record as the
 * sender last read it; null: one it is making): only what the sender changed since base is merged
 * into the stored record, the stored side winning a place both changed (named in `conflicts`).
 * `parse` checks the merged record (null: it cannot be combined). Without base the record is put
 * whole. A merge that changes nothing is not written, so it makes no new version.
 */
export function mergeSave<T extends Versioned>(sent: T, base: T | null | undefined, stored: T | undefined, parse: (value: T) => T | null): SaveMerge<T> | null {
  if (base === undefined || !stored) return { next: sent, conflicts: [], write: true };
  const merged = merge3<T>(base ?? undefined, { ...sent, updatedAt: stored.updatedAt }, stored, 'theirs');
  const next = parse(merged.value);
  if (!next) return null;
  return { next, conflicts: merged.conflicts.map((c) => c.path), write: !same({ ...next, updatedAt: 0 }, { ...stored, updatedAt: 0 }) };
}

/** The version a write makes: now, and always after the stored one (two writes in one millisecond). */
export const nextVersion = (now: number, stored: Versioned | undefined): number => Math.max(now, (stored?.updatedAt ?? 0) + 1);
