import Papa from 'papaparse';
import { yieldToPage } from '../../import/csv';
import { decode, looksBinary, magicKind, megabytes } from '../../import/read';
import type { ImportIssue } from '../../import/types';
import { isPersonalColumn } from './personal';

/**
 * An order file as a table of the columns Upfront may read. Personal columns (./personal.ts)
 * are dropped row by row as the file is parsed: the full row of a CSV exists only for its chunk,
 * the workbook of an XLSX only inside readXlsx.
 */

/** A cell: text, or what a spreadsheet stored (a number, an Excel date as a Date, a boolean). */
export type Cell = string | number | Date | boolean | undefined;

export interface OrderTable {
  kind: 'csv' | 'xlsx';
  /** Every header as the file wrote it, personal ones too (a header names a column, not a person): the layout's signature. */
  allHeaders: string[];
  /** The headers kept, in file order. */
  headers: string[];
  /** Data rows projected onto `headers`. */
  rows: Cell[][];
  /** The spreadsheet row of each data row (the header is row 1). */
  rowNumbers: number[];
  issues: ImportIssue[];
}

export const MAX_ORDER_FILE_BYTES = 60 * 1024 * 1024;
export const MAX_ORDER_ROWS = 200_000;

type TableResult = { ok: true; table: OrderTable } | { ok: false; issues: ImportIssue[] };

/**
 * Given the non-personal headers (and the whole header row), the ones a known format needs, or
 * undefined to keep them all (an unknown layout, whose mapping step shows them).
 */
export type Narrow = (headers: string[], allHeaders: string[]) => string[] | undefined;

/** Which header indexes to keep: never a personal column; only what the format reads when it is known. */
function keptColumns(headers: string[], narrow?: Narrow): number[] {
  const kept = headers.flatMap((h, i) => (h.trim() !== '' && !isPersonalColumn(h) ? [i] : []));
  const wanted = narrow?.(kept.map((i) => headers[i]), headers);
  return wanted ? kept.filter((i) => wanted.includes(headers[i])) : kept;
}

const isBlank = (row: readonly Cell[]) => row.every((c) => c === undefined || c === null || (typeof c === 'string' && c.trim() === ''));

function tooMany(): ImportIssue {
  return { code: 'orders.tooManyRows', params: { max: MAX_ORDER_ROWS } };
}

/**
 * The separator, from the header line alone: papaparse's own guess looks at data rows too, and
 * 抖店 writes ids with a leading tab (to keep Excel from rounding them), which it takes for one.
 */
export function guessDelimiter(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => [d, first.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Parses CSV text, keeping only non-personal columns of each row as its chunk is read. On a page
 * it pauses between chunks (`pause`) so the page stays responsive; a worker, with no page to keep, passes null.
 */
export function readCsv(text: string, onProgress?: (fraction: number) => void, narrow?: Narrow, pause: (() => Promise<void>) | null = yieldToPage): Promise<TableResult> {
  return new Promise((resolve) => {
    let allHeaders: string[] | undefined;
    let kept: number[] = [];
    const rows: Cell[][] = [];
    const rowNumbers: number[] = [];
    const issues: ImportIssue[] = [];
    let records = 0;
    let over = false;
    Papa.parse<string[]>(text, {
      header: false,
      delimiter: guessDelimiter(text),
      skipEmptyLines: false,
      // Large chunks: each pause for the page costs a timer turn; 1 MB still updates progress often.
      chunkSize: 1024 * 1024,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const e of result.errors) issues.push({ row: records + (e.row ?? 0) + 1, code: `csv.${e.code}` });
        for (const raw of result.data) {
          records += 1;
          if (!allHeaders) {
            if (isBlank(raw)) continue;
            allHeaders = raw.map((h) => String(h).replace(/^\uFEFF/, '').trim());
            kept = keptColumns(allHeaders, narrow);
            continue;
          }
          if (isBlank(raw)) continue;
          if (rows.length >= MAX_ORDER_ROWS) {
            over = true;
            parser.abort();
            return;
          }
          rows.push(kept.map((i) => raw[i]));
          rowNumbers.push(records);
        }
        onProgress?.(Math.min(1, (result.meta.cursor ?? 0) / Math.max(1, text.length)));
        if (pause) {
          parser.pause();
          void pause().then(() => parser.resume());
        }
      },
      complete: () => {
        if (over) return resolve({ ok: false, issues: [tooMany()] });
        if (!allHeaders) return resolve({ ok: false, issues: [{ code: 'empty' }] });
        resolve({ ok: true, table: { kind: 'csv', allHeaders, headers: kept.map((i) => allHeaders![i]), rows, rowNumbers, issues } });
      },
    });
  });
}

/** An ExcelJS cell value as a plain value: rich text as its text, a formula as its result. */
function plain(v: unknown): Cell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plain(o.result);
    if (o.text !== undefined) return plain(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

/** Reads the first sheet with data of an XLSX workbook (ExcelJS, loaded only when one is picked). */
export async function readXlsx(bytes: Uint8Array, narrow?: Narrow): Promise<TableResult> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  let table: OrderTable | undefined;
  try {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
    if (!sheet) return { ok: false, issues: [{ code: 'empty' }] };
    let allHeaders: string[] | undefined;
    let kept: number[] = [];
    const rows: Cell[][] = [];
    const rowNumbers: number[] = [];
    let over = false;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (over) return;
      // ExcelJS's row.values is 1-based.
      const values = (row.values as unknown[]).slice(1).map(plain);
      if (!allHeaders) {
        allHeaders = values.map((v) => (v === undefined ? '' : String(v).trim()));
        kept = keptColumns(allHeaders, narrow);
        return;
      }
      const projected = kept.map((i) => values[i]);
      if (isBlank(projected)) return;
      if (rows.length >= MAX_ORDER_ROWS) {
        over = true;
        return;
      }
      rows.push(projected);
      rowNumbers.push(number);
    });
    if (over) return { ok: false, issues: [tooMany()] };
    if (!allHeaders) return { ok: false, issues: [{ code: 'empty' }] };
    const headers = kept.map((i) => allHeaders![i]);
    table = { kind: 'xlsx', allHeaders, headers, rows, rowNumbers, issues: [] };
  } catch (err) {
    return { ok: false, issues: [{ code: 'orders.xlsxUnreadable', params: { detail: err instanceof Error ? err.message : String(err) } }] };
  }
  return { ok: true, table };
}

/** Size, kind and encoding first, then the table. Never throws. */
export async function readOrderTable(
  file: { name: string; bytes: Uint8Array },
  onProgress?: (fraction: number) => void,
  narrow?: Narrow,
  pause: (() => Promise<void>) | null = yieldToPage,
): Promise<TableResult> {
  const { bytes } = file;
  if (bytes.length === 0) return { ok: false, issues: [{ code: 'empty' }] };
  if (bytes.length > MAX_ORDER_FILE_BYTES) {
    return { ok: false, issues: [{ code: 'tooBig', params: { size: megabytes(bytes.length), max: megabytes(MAX_ORDER_FILE_BYTES) } }] };
  }
  const head = bytes.subarray(0, 64 * 1024);
  const kind = magicKind(head);
  if (kind === 'zip') return readXlsx(bytes, narrow);
  if (kind) return { ok: false, issues: [{ code: kind === 'xls' ? 'orders.xls' : `binary.${kind}` }] };
  if (looksBinary(head)) return { ok: false, issues: [{ code: 'binary.other' }] };
  const text = decode(bytes);
  if (text === undefined) return { ok: false, issues: [{ code: 'encoding' }] };
  return readCsv(text, onProgress, narrow, pause);
}
