import Papa from 'papaparse';
import { FORMULA_START } from '../export/csv-bytes';

export const MAX_CSV_ROWS = 20_000;

export interface CsvTable {
  header: string[];
  /** Data records; record i is spreadsheet row i + 2 (the header is row 1). */
  rows: string[][];
  /** Set when the file has more rows than we accept. */
  tooManyRows?: boolean;
  /** Papaparse's structural complaints (an unclosed quote…), by spreadsheet row. */
  errors: { row: number; code: string }[];
}

/** Lets the page paint and take clicks between chunks of a long parse. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses CSV text in chunks, yielding to the page between them, so a large file shows
 * progress instead of freezing the tab. Stops reading once MAX_CSV_ROWS is passed.
 */
export function parseCsv(text: string, onProgress?: (fraction: number) => void): Promise<CsvTable> {
  return new Promise((resolve) => {
    const records: string[][] = [];
    const errors: { row: number; code: string }[] = [];
    let tooManyRows = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const [header = [], ...rows] = records;
      resolve({ header: header.map((h) => h.trim()), rows: rows.slice(0, MAX_CSV_ROWS), tooManyRows, errors });
    };
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: 256 * 1024,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const e of result.errors) errors.push({ row: (e.row ?? 0) + records.length + 1, code: e.code });
        for (const r of result.data) records.push(r.map((c: unknown) => (typeof c === 'string' ? c : String(c))));
        onProgress?.(Math.min(1, (result.meta.cursor ?? 0) / Math.max(1, text.length)));
        if (records.length > MAX_CSV_ROWS + 1) {
          tooManyRows = true;
          parser.abort();
          return;
        }
        parser.pause();
        void yieldToPage().then(() => parser.resume());
      },
      complete: finish,
      error: () => finish(),
    });
  });
}

/** A CSV cell that spreadsheets will not run as a formula (CSV injection). */
export function csvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: string[][]): string {
  return `${Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' })}\r\n`;
}
