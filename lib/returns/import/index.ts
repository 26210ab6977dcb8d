import type { ImportIssue } from '../../import/types';
import type { MappedField, OrderFileFormat, OrderLayout, OrderLine, OrderSource, ReturnLine } from '../types';
import { detectRecipe, layoutSignature, mappingProblems, recipeHeaders, recipeOfLayout, suggestMapping, type Recipe } from './recipes';
import { readRows } from './rows';
import { readOrderTable, type Cell, type Narrow, type OrderTable } from './table';

export { readOrderTable, type OrderTable } from './table';
import { formatWall, excelDateToWall, isTimeZone, type DateOrder } from './time';

/**
 * Reading a shop's order or return export (issue 17, the import half of the returns loop):
 * TikTok Shop orders (CSV, XLSX) and returns, Shopify orders, 抖店 orders, Upfront's template,
 * or any other layout through a column mapping remembered per header row. Runs wherever the
 * file is (the studio, `npm run returns-report`); storing is the background's `orders.import`.
 * Formats, time handling and what is dropped: docs/order-formats.md.
 */

export type { DateOrder } from './time';

export interface ParseOptions {
  /** The shop's IANA time zone, for times written without an offset. */
  timeZone: string;
  /** How to read a/b/yyyy dates; without it, the file's own dates decide or the answer asks. */
  dateOrder?: DateOrder;
  /** Remembered column mappings, matched by header row. */
  layouts?: OrderLayout[];
  /** importedAt of every record. */
  now: number;
  /** Reading progress of a large CSV, 0–1. */
  onProgress?: (fraction: number) => void;
}

export interface ParsedOrders {
  ok: true;
  format: OrderFileFormat;
  source: OrderSource;
  orders: OrderLine[];
  returns: ReturnLine[];
  /** The order a/b/yyyy dates were read in, when the file had any. */
  dateOrder?: DateOrder;
  /** The layout this file was read with (mapped files), to remember with the import. */
  layout?: OrderLayout;
}

/** A file that could not be read as it is: what is wrong, per row and column. */
export interface OrderFileRefused {
  ok: false;
  issues: ImportIssue[];
  needs?: undefined;
}

/** An unknown layout: the mapping step shows these headers (personal columns already gone) and rows. */
export interface NeedsMapping {
  ok: false;
  needs: 'mapping';
  issues: ImportIssue[];
  signature: string;
  headers: string[];
  /** The first rows as text, for the mapping step's sample. */
  sample: string[][];
  /** A first guess the mapping step starts from. */
  suggestion: Partial<Record<MappedField, string>>;
}

/** Dates such as 04/05/2026 that read two ways: the person importing says which. */
export interface NeedsDateOrder {
  ok: false;
  needs: 'date-order';
  issues: ImportIssue[];
  format: OrderFileFormat;
  /** Up to three of the file's dates that read both ways. */
  examples: string[];
}

export type ParseResult = ParsedOrders | OrderFileRefused | NeedsMapping | NeedsDateOrder;

const SAMPLE_ROWS = 5;

const sampleText = (c: Cell): string => (c instanceof Date ? formatWall(excelDateToWall(c)!) : c === undefined ? '' : String(c));

export async function parseOrderFile(file: { name: string; bytes: Uint8Array }, options: ParseOptions): Promise<ParseResult> {
  if (!isTimeZone(options.timeZone)) return zoneRefused(options.timeZone);
  const read = await readOrderTable(file, options.onProgress, narrowTo(options.layouts));
  if (!read.ok) return { ok: false, issues: read.issues };
  return parseOrderTable(read.table, file.name, options);
}

/**
 * Keeps, of a known format's file, only the columns it reads (a TikTok export has 50-odd):
 * a large export then takes a fraction of the memory and time. An unknown layout keeps every
 * non-personal column for the mapping step.
 */
export function narrowTo(layouts: OrderLayout[] | undefined): Narrow {
  return (headers, allHeaders) => {
    const signature = layoutSignature(allHeaders);
    const remembered = layouts?.find((l) => l.signature === signature);
    const recipe = detectRecipe(headers) ?? (remembered && mappingProblems(remembered.columns).length === 0 ? recipeOfLayout(remembered) : undefined);
    return recipe && recipeHeaders(recipe, headers);
  };
}

const zoneRefused = (zone: string): OrderFileRefused => ({ ok: false, issues: [{ code: 'orders.timeZone', params: { zone: zone.slice(0, 60) } }] });

/**
 * The second half of parseOrderFile, over a table already read (personal columns gone): the
 * studio keeps the table, not the file's bytes, to read it again with another zone, date order
 * or mapping.
 */
export function parseOrderTable(table: OrderTable, fileName: string, options: Omit<ParseOptions, 'onProgress'>): ParseResult {
  if (!isTimeZone(options.timeZone)) return zoneRefused(options.timeZone);
  const signature = layoutSignature(table.allHeaders);
  const remembered = options.layouts?.find((l) => l.signature === signature);
  let recipe: Recipe | undefined = detectRecipe(table.headers);
  if (!recipe && remembered && mappingProblems(remembered.columns).length === 0) recipe = recipeOfLayout(remembered);
  if (!recipe) {
    return {
      ok: false,
      needs: 'mapping',
      issues: [{ code: 'orders.unknownLayout' }],
      signature,
      headers: table.headers,
      sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.map(sampleText)),
      suggestion: suggestMapping(table.headers),
    };
  }
  const dateOrder = options.dateOrder ?? (recipe.format === 'mapped' ? remembered?.dateOrder : undefined);
  const rows = readRows(recipe, table, { fileName: fileName.slice(0, 300), timeZone: options.timeZone, dateOrder, now: options.now });
  if (!rows.ok) {
    if (rows.ambiguousDates) return { ok: false, needs: 'date-order', issues: rows.issues, format: recipe.format, examples: rows.ambiguousDates };
    return { ok: false, issues: rows.issues };
  }
  const layout = recipe.format === 'mapped' && remembered ? { ...remembered, ...(rows.dateOrder ? { dateOrder: rows.dateOrder } : {}), timeZone: options.timeZone } : undefined;
  return {
    ok: true,
    format: recipe.format,
    source: recipe.source,
    orders: rows.orders,
    returns: rows.returns,
    ...(rows.dateOrder ? { dateOrder: rows.dateOrder } : {}),
    ...(layout ? { layout } : {}),
  };
}
