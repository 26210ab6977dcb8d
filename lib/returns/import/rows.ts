import type { ImportIssue } from '../../import/types';
import type { OrderLine, ReturnLine } from '../types';
import { locate, type Recipe, type RecipeColumns } from './recipes';
import { normaliseReason } from './reasons';
import type { Cell, OrderTable } from './table';
import { excelDateToWall, formatWall, possibleOrders, readTimeText, serialToWall, zonedToUtc, type DateOrder } from './time';

/** Reads a table's rows into order lines and returns with one recipe (./recipes.ts). */

export interface RowContext {
  fileName: string;
  timeZone: string;
  dateOrder?: DateOrder;
  now: number;
}

export type RowsResult =
  | { ok: true; orders: OrderLine[]; returns: ReturnLine[]; dateOrder?: DateOrder }
  | { ok: false; issues: ImportIssue[]; ambiguousDates?: string[] };

const MAX_ISSUES = 1000;
const LIMITS = { orderId: 100, sku: 200, status: 100, productName: 300, reason: 500, returnId: 100 };

const text = (c: Cell): string => {
  if (c === undefined || c === null) return '';
  if (c instanceof Date) return formatWall(excelDateToWall(c) ?? { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 });
  return String(c).trim();
};

/** An id as spreadsheets leave it: `="123"` and `'123` (kept as text against Excel), tabs. */
function cleanId(c: Cell): { id: string; problem?: string } {
  if (typeof c === 'number') return Number.isSafeInteger(c) ? { id: String(c) } : { id: String(c), problem: 'orders.idAsNumber' };
  const t = text(c)
    .replace(/^="(.*)"$/, '$1')
    .replace(/^['\t]+/, '')
    .trim();
  if (/^\d+(\.\d+)?E\+\d+$/i.test(t)) return { id: t, problem: 'orders.idScientific' };
  return { id: t };
}

/** The date order for the file's year-last dates: the option, else what the texts allow. */
function resolveDateOrder(texts: string[], option: DateOrder | undefined): { order?: DateOrder; ambiguous?: string[] } {
  if (option) return { order: option };
  let dmy = 0;
  let mdy = 0;
  let both = 0;
  const examples: string[] = [];
  for (const t of texts) {
    const p = possibleOrders(t);
    if (p === 'any' || p === 'none' || p.length === 0) continue;
    if (p.length === 2) {
      both += 1;
      if (examples.length < 3) examples.push(t);
    } else if (p[0] === 'DMY') dmy += 1;
    else mdy += 1;
  }
  if (dmy === 0 && mdy === 0) return both > 0 ? { ambiguous: examples } : {};
  // Dates that fit only one order settle the file's; rows that fit neither are reported one by one.
  return { order: dmy >= mdy ? 'DMY' : 'MDY' };
}

export function readRows(recipe: Recipe, table: OrderTable, ctx: RowContext): RowsResult {
  const at = locate(recipe, table.headers);
  const issues: ImportIssue[] = [...table.issues];
  const add = (issue: ImportIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  for (const [field, names] of Object.entries(recipe.columns) as [keyof RecipeColumns, string[] | undefined][]) {
    if (names?.length && at[field].length === 0 && recipe.requires.includes(field)) add({ field: names[0], code: 'missingColumn' });
  }
  if (issues.length > 0) return { ok: false, issues };

  const col = (field: keyof RecipeColumns) => at[field]?.[0];
  const header = (field: keyof RecipeColumns) => {
    const i = col(field);
    return i === undefined ? undefined : table.headers[i];
  };
  const cell = (row: Cell[], field: keyof RecipeColumns): Cell => {
    const i = col(field);
    return i === undefined ? undefined : row[i];
  };

  let start = 0;
  if (recipe.descriptionRow && table.rowNumbers[0] === 2) {
    const first = cleanId(cell(table.rows[0], 'orderId')).id;
    if (/\s/.test(first) || !/\d/.test(first)) start = 1;
  }

  const timeTexts: string[] = [];
  // With the order given, the texts are not needed to settle it.
  for (let r = start; r < (ctx.dateOrder ? 0 : table.rows.length); r++) {
    for (const f of ['orderedAt', 'returnedAt'] as const) {
      const c = cell(table.rows[r], f);
      if (typeof c === 'string' && c.trim()) timeTexts.push(c);
    }
  }
  const resolved = resolveDateOrder(timeTexts, ctx.dateOrder);
  if (resolved.ambiguous) return { ok: false, issues: [{ code: 'orders.dateOrderAmbiguous', params: { example: resolved.ambiguous[0] } }], ambiguousDates: resolved.ambiguous };

  const readTime = (c: Cell, field: keyof RecipeColumns, row: number, required: boolean): { utc: number; text: string } | undefined => {
    const h = header(field);
    if (c === undefined || (typeof c === 'string' && c.trim() === '')) {
      if (required) add({ row, field: h, code: 'required' });
      return undefined;
    }
    const wall = c instanceof Date ? excelDateToWall(c) : typeof c === 'number' ? serialToWall(c) : undefined;
    if (wall) return { utc: zonedToUtc(wall, ctx.timeZone), text: formatWall(wall) };
    const t = text(c);
    const read = readTimeText(t, resolved.order);
    if (read.kind === 'instant') return { utc: read.utc, text: t };
    if (read.kind === 'local') return { utc: zonedToUtc(read.wall, ctx.timeZone), text: t };
    add({ row, field: h, code: read.kind === 'wrong-order' ? 'orders.timeWrongOrder' : 'orders.time', params: { value: t.slice(0, 60), order: resolved.order ?? '' } });
    return undefined;
  };

  const readCount = (c: Cell, field: keyof RecipeColumns, row: number, min: 0 | 1): number | undefined => {
    const t = text(c);
    if (t === '') return undefined;
    const n = typeof c === 'number' ? c : /^\d+(\.0+)?$/.test(t) ? Number(t) : NaN;
    if (!Number.isInteger(n) || n < min || n > 1_000_000) {
      add({ row, field: header(field), code: min === 1 ? 'positive' : 'orders.count', params: { value: t.slice(0, 40) } });
      return undefined;
    }
    return n;
  };

  const bounded = (value: string, field: keyof RecipeColumns, row: number, max: number): string => {
    if (value.length > max) add({ row, field: header(field), code: 'maxLength', params: { maximum: max } });
    return value;
  };

  const orders: OrderLine[] = [];
  const returns: ReturnLine[] = [];
  const seen = new Map<string, number>();
  let carried: { orderId: string; orderedAt?: { utc: number; text: string }; status?: string } | undefined;

  for (let r = start; r < table.rows.length; r++) {
    const row = table.rows[r];
    const rowNumber = table.rowNumbers[r];
    const before = issues.length;

    const idCell = cleanId(cell(row, 'orderId'));
    let orderId = idCell.id;
    if (idCell.problem) add({ row: rowNumber, field: header('orderId'), code: idCell.problem, params: { value: orderId.slice(0, 40) } });
    if (!orderId && recipe.carryForward && carried) orderId = carried.orderId;
    if (!orderId) add({ row: rowNumber, field: header('orderId'), code: 'required' });
    bounded(orderId, 'orderId', rowNumber, LIMITS.orderId);

    let sku = '';
    for (const i of at.sku ?? []) if ((sku = text(row[i])) !== '') break;
    bounded(sku, 'sku', rowNumber, LIMITS.sku);
    const hasQuantityColumn = col('quantity') !== undefined;
    const quantity = hasQuantityColumn ? readCount(cell(row, 'quantity'), 'quantity', rowNumber, 1) : 1;
    if (hasQuantityColumn && quantity === undefined && text(cell(row, 'quantity')) === '') add({ row: rowNumber, field: header('quantity'), code: 'required' });

    const sameOrder = carried?.orderId === orderId;
    const isOrder = recipe.rows !== 'returns';
    let orderedAt = isOrder ? readTime(cell(row, 'orderedAt'), 'orderedAt', rowNumber, !(recipe.carryForward && sameOrder && carried?.orderedAt)) : undefined;
    if (!orderedAt && recipe.carryForward && sameOrder && text(cell(row, 'orderedAt')) === '') orderedAt = carried?.orderedAt;
    let status = bounded(text(cell(row, 'status')), 'status', rowNumber, LIMITS.status) || undefined;
    if (!status && recipe.carryForward && sameOrder) status = carried?.status;
    if (recipe.carryForward) carried = { orderId, orderedAt, status };

    const returnedQuantity = readCount(cell(row, 'returnedQuantity'), 'returnedQuantity', rowNumber, 0);
    const reasonText = bounded(text(cell(row, 'returnReason')), 'returnReason', rowNumber, LIMITS.reason);
    const reasonCode = bounded(text(cell(row, 'returnReasonCode')), 'returnReasonCode', rowNumber, LIMITS.reason);
    const returnId = bounded(cleanId(cell(row, 'returnId')).id, 'returnId', rowNumber, LIMITS.returnId) || undefined;
    const isReturn = recipe.rows === 'returns' || (recipe.rows === 'both' && (reasonText !== '' || reasonCode !== '' || (returnedQuantity ?? 0) > 0));
    const returnedAt = isReturn ? readTime(cell(row, 'returnedAt'), 'returnedAt', rowNumber, false) : undefined;
    if (issues.length > before || quantity === undefined || !orderId) continue;

    const seenKey = `${orderId}\u0000${sku}\u0000${returnId ?? ''}`;
    const count = (seen.get(seenKey) ?? 0) + 1;
    seen.set(seenKey, count);
    const lineKey = `${sku || `row${rowNumber}`}${count > 1 ? `#${count}` : ''}`;
    const productName = text(cell(row, 'productName')).slice(0, LIMITS.productName) || undefined;

    // Built field by field in one shape: spreading optional parts into each of 100,000 lines
    // was the import's largest cost after the CSV parser.
    if (isOrder && orderedAt) {
      const o: OrderLine = {
        key: `${recipe.source}:${orderId}:${lineKey}`,
        source: recipe.source,
        orderId,
        lineKey,
        sku,
        quantity,
        orderedAt: orderedAt.utc,
        orderedAtText: orderedAt.text,
        fileName: ctx.fileName,
        row: rowNumber,
        timeZone: ctx.timeZone,
        importedAt: ctx.now,
      };
      if (status) o.status = status;
      if (returnedQuantity !== undefined) o.returnedQuantity = returnedQuantity;
      if (productName) o.productName = productName;
      orders.push(o);
    }
    if (isReturn) {
      const reason = normaliseReason({ code: reasonCode || undefined, text: reasonText || undefined });
      const returnStatus = text(cell(row, 'returnStatus')).slice(0, LIMITS.status) || (recipe.rows === 'returns' ? status : undefined);
      const r: ReturnLine = {
        key: `${recipe.source}:${orderId}:${lineKey}:${returnId ?? '-'}`,
        source: recipe.source,
        orderId,
        lineKey,
        sku,
        quantity: recipe.rows === 'both' && returnedQuantity ? returnedQuantity : quantity,
        ...reason,
        fileName: ctx.fileName,
        row: rowNumber,
        timeZone: ctx.timeZone,
        importedAt: ctx.now,
      };
      if (returnId) r.returnId = returnId;
      if (returnedAt) {
        r.returnedAt = returnedAt.utc;
        r.returnedAtText = returnedAt.text;
      }
      if (returnStatus) r.status = returnStatus;
      returns.push(r);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (orders.length === 0 && returns.length === 0) return { ok: false, issues: [{ code: 'orders.noLines' }] };
  return { ok: true, orders, returns, ...(resolved.order ? { dateOrder: resolved.order } : {}) };
}
