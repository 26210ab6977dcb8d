import type { Table } from 'dexie';
import { canonicalJson } from '../evidence/hash';
import type { LineCounts } from '../returns/types';

/**
 * Order and return lines are stored in buckets, one record per bucket holding many lines: at
 * 100,000 lines, one IndexedDB record per line made an import and a full read many times slower
 * than the same lines in a few hundred records (bench/README.md, orders). A line's bucket comes
 * from its order id alone, so an order lookup (which knows only order ids) reads only its buckets.
 */
export const BUCKETS = 256;

/** One stored bucket: its number (the primary key) and its lines, in key order. */
export interface LineBucket<T> {
  bucket: number;
  lines: T[];
}

export type BucketTable<T> = Table<LineBucket<T>, number>;

/** The bucket of an order's lines: FNV-1a (32-bit) of the order id, mod BUCKETS. Never change it: stored lines would be looked for in the wrong bucket. */
export function bucketOf(orderId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < orderId.length; i++) {
    h ^= orderId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/** Lines into buckets: a map from bucket to the lines by key (the last of several with one key wins). */
export function groupByBucket<T extends { key: string; orderId: string }>(lines: readonly T[]): Map<number, Map<string, T>> {
  const out = new Map<number, Map<string, T>>();
  for (const line of lines) {
    const b = bucketOf(line.orderId);
    let byKey = out.get(b);
    if (!byKey) out.set(b, (byKey = new Map()));
    byKey.set(line.key, line);
  }
  return out;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Lines in key order (sorted in place). */
export const sortByKey = <T extends { key: string }>(lines: T[]): T[] => lines.sort(byKey);

/** The bucket records for grouped lines, each bucket's lines in key order. */
export function bucketRecords<T extends { key: string }>(groups: Map<number, Map<string, T>>): LineBucket<T>[] {
  return [...groups].map(([bucket, lines]) => ({ bucket, lines: [...lines.values()].sort(byKey) }));
}

/**
 * Where a line came from and how that file spelled it: not part of what the line says. The
 * same export as CSV and as XLSX writes times differently ("11/20/2026 1:05:12 PM", an Excel
 * date): the second adds nothing and changes nothing.
 */
const provenance = new Set(['importedAt', 'fileName', 'row', 'orderedAtText', 'returnedAtText']);
const content = (line: object) => canonicalJson(Object.fromEntries(Object.entries(line).filter(([k]) => !provenance.has(k))));

/**
 * Writes lines keyed by `key`: new keys are added; a key already stored takes the newer file's
 * values (a later export's status, or times read again with the right zone) and is counted as
 * updated only when something besides the provenance changed (an unchanged line keeps the
 * provenance it had). The last of several lines with one key in a batch wins.
 *
 * Only the buckets the lines fall in are read, and only the buckets that changed are written.
 * `seen`, when given, gets every bucket read, as it is after the write (an empty bucket for one
 * not stored). Call it inside a transaction over `table`.
 */
export async function upsertBuckets<T extends { key: string; orderId: string }>(table: BucketTable<T>, lines: readonly T[], seen?: LineBucket<T>[]): Promise<LineCounts> {
  const counts: LineCounts = { added: 0, updated: 0, unchanged: 0 };
  if (lines.length === 0) return counts;
  const groups = groupByBucket(lines);
  const numbers = [...groups.keys()];
  const stored = await table.bulkGet(numbers);
  const writes = new Map<number, Map<string, T>>();
  numbers.forEach((bucket, i) => {
    const merged = new Map((stored[i]?.lines ?? []).map((l) => [l.key, l]));
    let changed = false;
    for (const [key, line] of groups.get(bucket)!) {
      const old = merged.get(key);
      if (!old) counts.added += 1;
      else if (content(old) === content(line)) {
        counts.unchanged += 1;
        continue;
      } else counts.updated += 1;
      merged.set(key, line);
      changed = true;
    }
    if (changed) writes.set(bucket, merged);
  });
  const records = bucketRecords(writes);
  if (records.length > 0) await table.bulkPut(records);
  if (seen) {
    numbers.forEach((bucket, i) => writes.has(bucket) || seen.push(stored[i] ?? { bucket, lines: [] }));
    seen.push(...records);
  }
  return counts;
}

/** Every stored line, in key order (as one record per line read back). */
export async function allLines<T extends { key: string }>(table: BucketTable<T>): Promise<T[]> {
  return sortByKey((await table.toArray()).flatMap((b) => b.lines));
}

/** The lines of the given orders, reading only their buckets. */
export async function linesOfOrders<T extends { orderId: string }>(table: BucketTable<T>, orderIds: readonly string[]): Promise<T[]> {
  const wanted = new Set(orderIds);
  const buckets = await table.bulkGet([...new Set(orderIds.map(bucketOf))]);
  return buckets.flatMap((b) => b?.lines.filter((l) => wanted.has(l.orderId)) ?? []);
}

/** How many lines are stored. */
export async function countLines<T>(table: BucketTable<T>): Promise<number> {
  let n = 0;
  await table.each((b) => void (n += b.lines.length));
  return n;
}

/**
 * The line with this key (`${source}:${orderId}:${lineKey}`), if stored. An order id or line key
 * may itself hold a colon, so every order id the key could spell is tried: a few buckets at most.
 */
export async function lineByKey<T extends { key: string }>(table: BucketTable<T>, key: string): Promise<T | undefined> {
  const candidates = new Set<number>();
  const start = key.indexOf(':') + 1;
  for (let end = key.indexOf(':', start); start > 0 && end > start; end = key.indexOf(':', end + 1)) candidates.add(bucketOf(key.slice(start, end)));
  const buckets = await table.bulkGet([...candidates]);
  for (const b of buckets) {
    const found = b?.lines.find((l) => l.key === key);
    if (found) return found;
  }
  return undefined;
}
