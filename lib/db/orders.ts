import type { EntityTable, IDType } from 'dexie';
import { canonicalJson } from '../evidence/hash';
import type { LineCounts, OrderLayout, OrderLine, OrdersImportResult, ReturnLine } from '../returns/types';
import type { UpfrontDb } from './database';

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
 * updated only when something besides the provenance changed. The last of several lines with
 * one key in a batch wins.
 *
 * Which keys are stored comes from one key-only read over the batch's key range, and only the
 * lines already there are read back to compare: a first import reads no line at all (reading
 * each key before writing it doubled the requests to IndexedDB, each a round trip).
 */
async function upsert<T extends { key: string }>(table: EntityTable<T, 'key'>, lines: readonly T[]): Promise<LineCounts> {
  const counts: LineCounts = { added: 0, updated: 0, unchanged: 0 };
  if (lines.length === 0) return counts;
  const byKey = new Map(lines.map((l) => [l.key, l]));
  let [low, high] = [lines[0].key, lines[0].key];
  for (const key of byKey.keys()) {
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const inRange = table.where(':id').between(low, high, true, true);
  const storedKeys = new Set((await inRange.primaryKeys()) as unknown as string[]);
  const again = [...byKey.keys()].filter((k) => storedKeys.has(k));
  const stored = new Map<string, T>();
  if (again.length > 0) {
    // Many lines again (an overlapping export): one read of the range beats one request per line.
    const olds = again.length > 1000 ? (await inRange.toArray()).filter((o) => byKey.has(o.key)) : ((await table.bulkGet(again as IDType<T, 'key'>[])) as T[]);
    for (const o of olds) stored.set(o.key, o);
  }
  const writes: T[] = [];
  for (const [key, line] of byKey) {
    const old = stored.get(key);
    if (!old) counts.added += 1;
    else if (content(old) === content(line)) {
      counts.unchanged += 1;
      continue;
    } else counts.updated += 1;
    writes.push(line);
  }
  if (writes.length > 0) await table.bulkPut(writes);
  return counts;
}

/**
 * The returns loop's stored data (issue 17): order lines, returns and remembered column
 * layouts. Like Repository and Library, only the background calls it.
 */
export class OrderStore {
  /** Imports begun and not yet committed or failed. */
  importing = 0;

  constructor(private readonly db: UpfrontDb) {}

  /**
   * One import, all or nothing: orders, returns and the layout the file was read with, in one
   * transaction. Two imports at once queue on the tables, so an overlapping file counts the
   * other's lines as already there, never twice.
   */
  importLines(input: { orders: readonly OrderLine[]; returns: readonly ReturnLine[]; layout?: OrderLayout }): Promise<OrdersImportResult> {
    const { orderLines, returnLines, orderLayouts } = this.db;
    this.importing += 1;
    return this.db
      .transaction('rw', [orderLines, returnLines, orderLayouts], async () => {
        const orders = await upsert(orderLines, input.orders);
        const returns = await upsert(returnLines, input.returns);
        if (input.layout) await orderLayouts.put(input.layout);
        return { orders, returns };
      })
      .finally(() => (this.importing -= 1));
  }

  listLayouts(): Promise<OrderLayout[]> {
    return this.db.orderLayouts.toArray();
  }

  async saveLayout(layout: OrderLayout): Promise<OrderLayout> {
    await this.db.orderLayouts.put(layout);
    return layout;
  }

  /** How many lines are stored, for the studio's import page. */
  async counts(): Promise<{ orders: number; returns: number }> {
    const [orders, returns] = await Promise.all([this.db.orderLines.count(), this.db.returnLines.count()]);
    return { orders, returns };
  }
}
