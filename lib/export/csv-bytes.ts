import Papa from 'papaparse';

/**
 * A cell a spreadsheet would run as a formula (OWASP CSV injection). papaparse's own default,
 * /^[=+\-@\t\r].*$/, misses a formula followed by a line break (`.` stops at "\n"), so only
 * the first character is tested here.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** How every cell of a log CSV is written: RFC 4180 quoting, formulas neutralised. */
export const UNPARSE: Papa.UnparseConfig = { header: false, newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false };

/**
 * Text papaparse writes unchanged with UNPARSE: ASCII with no quote, delimiter, line break,
 * byte-order mark or edge space, and no formula start. Ids, hashes, times and numbers are.
 */
const PLAIN = /^[\w.:/][\w.:/+@-]*$/;

const utf8 = new TextEncoder();

/** PLAIN as a table of ASCII codes: 2 may start a plain cell, 1 may follow, 0 may not. */
const PLAIN_BYTE = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (PLAIN.test(ch)) table[c] = 2;
    else if (PLAIN.test(`a${ch}`)) table[c] = 1;
  }
  return table;
})();

/** A cell as papaparse writes it (quoted, escaped or prefixed as UNPARSE says). */
export function unparseCell(value: string): string {
  return value === '' || PLAIN.test(value) ? value : Papa.unparse([[value]], UNPARSE);
}

/** Cells as one UTF-8 run, each followed by a comma: a block of a row that repeats across rows. */
export function cellRun(values: string[]): Uint8Array {
  return utf8.encode(values.map((v) => `${unparseCell(v)},`).join(''));
}

const COMMA = 0x2c;

/**
 * Writes CSV rows straight as UTF-8 bytes. The CSV export of 100,000 events spent as long
 * turning text into a Blob as building it (bench: CSV export); bytes skip that step, and the
 * blocks that repeat across rows (a session's columns, a product's, an item's) are encoded once.
 */
export class CsvBytes {
  private buf: Uint8Array;
  private at = 0;
  /** Non-plain cells (product names, item text, odd ids) already escaped and encoded. */
  private readonly escaped = new Map<string, Uint8Array>();

  constructor(capacity = 1 << 20) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }

  /** Bytes already encoded (a cellRun). */
  run(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  /** One cell; `last` ends the row with CRLF instead of a comma. */
  cell(value: string | number, last = false): this {
    // papaparse writes numbers as they print, never quoted or prefixed ("-5" stays -5).
    if (typeof value === 'number') this.ascii(String(value));
    else if (!this.plain(value)) {
      const text = value;
      let bytes = this.escaped.get(text);
      if (!bytes) {
        if (this.escaped.size >= 10_000) this.escaped.clear();
        bytes = utf8.encode(unparseCell(text));
        this.escaped.set(text, bytes);
      }
      this.run(bytes);
    }
    this.room(2);
    if (last) {
      this.buf[this.at++] = 0x0d;
      this.buf[this.at++] = 0x0a;
    } else {
      this.buf[this.at++] = COMMA;
    }
    return this;
  }

  /**
   * Writes text that PLAIN matches as ASCII, testing and copying in one pass (ids, hashes and
   * times are most of a row), and the empty cell; anything else is left unwritten, reported false.
   */
  private plain(text: string): boolean {
    const n = text.length;
    if (n === 0) return true;
    if (PLAIN_BYTE[text.charCodeAt(0)] !== 2) return false;
    this.room(n);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 127 || PLAIN_BYTE[c] === 0) return false;
      buf[at++] = c;
    }
    this.at = at;
    return true;
  }

  private ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.at++] = text.charCodeAt(i);
  }

  /**
   * The bytes written so far, and a fresh start. The buffer is handed over, not copied (a copy
   * of every page cost a tenth of an export); the next starts at the size this one reached.
   */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(Math.max(1024, Math.ceil(this.at * 1.25)));
    this.at = 0;
    return out;
  }
}
