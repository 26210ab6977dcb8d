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
 */
async function upsert<T extends { key: string }>(table: EntityTable<T, 'key'>, lines: readonly T[]): Promise<LineCounts> {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const keys = [...byKey.keys()];
  const stored = await table.bulkGet(keys as IDType<T, 'key'>[]);
  const counts: LineCounts = { added: 0, updated: 0, unchanged: 0 };
  const writes: T[] = [];
  keys.forEach((key, i) => {
    const line = byKey.get(key)!;
    const old = stored[i];
    if (!old) counts.added += 1;
    else if (content(old) === content(line)) return void (counts.unchanged += 1);
    else counts.updated += 1;
    writes.push(line);
  });
  if (writes.length > 0) await table.bulkPut(writes);
  return counts;
}

/**
 * The returns loop's stored data (issue 17): order lines, returns and remembered column
 * layouts. Like Repository and Library, only the background calls it.
 */
export class OrderStore {
  constructor(private readonly db: UpfrontDb) {}

  /**
   * One import, all or nothing: orders, returns and the layout the file was read with, in one
   * transaction. Two imports at once queue on the tables, so an overlapping file counts the
   * other's lines as already there, never twice.
   */
  importLines(input: { orders: readonly OrderLine[]; returns: readonly ReturnLine[]; layout?: OrderLayout }): Promise<OrdersImportResult> {
    const { orderLines, returnLines, orderLayouts } = this.db;
    return this.db.transaction('rw', [orderLines, returnLines, orderLayouts], async () => {
      const orders = await upsert(orderLines, input.orders);
      const returns = await upsert(returnLines, input.returns);
      if (input.layout) await orderLayouts.put(input.layout);
      return { orders, returns };
    });
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
