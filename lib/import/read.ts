import type { ImportFormat, ImportIssue } from './types';

/**
 * Reading an import file, before any parsing: size first, then the first bytes, then the text
 * encoding. A 50 MB video or a zip is turned away in milliseconds with words that say why.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;

export type ReadResult = { ok: true; text: string; format: ImportFormat } | { ok: false; issues: ImportIssue[] };

/** Known non-text files, named so the message can say what to do (Excel: save as CSV). */
export function magicKind(head: Uint8Array): string | undefined {
  const at = (bytes: number[]) => bytes.every((b, k) => head[k] === b);
  if (at([0x50, 0x4b, 0x03, 0x04])) return 'zip'; // also .xlsx and .numbers
  if (at([0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (at([0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (at([0x89, 0x50, 0x4e, 0x47]) || at([0xff, 0xd8, 0xff]) || at([0x47, 0x49, 0x46, 0x38])) return 'image';
  if (at([0x1f, 0x8b])) return 'gzip';
  return undefined;
}

export function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on a Chinese Windows saves "CSV" in GB18030 (GBK); Chromium and Node both decode it.
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}

export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return head.length > 0 && control / head.length > 0.01;
}

/** Which format a text is, from its first line: a JSON object or one of the CSV headers. */
export function detectFormat(text: string): ImportFormat | undefined {
  const start = text.trimStart();
  if (start.startsWith('{')) return 'upfront-deck';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  const cells = firstLine.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (cells.includes('title') && (cells.includes('handle') || cells.includes('url handle'))) return 'shopify-csv';
  if (cells.includes('sku') && cells.some((c) => c.startsWith('name.'))) return 'upfront-csv';
  return undefined;
}

/** Reads a file for import; never throws. */
export async function readImportFile(file: Blob): Promise<ReadResult> {
  try {
    if (file.size === 0) return { ok: false, issues: [{ code: 'empty' }] };
    if (file.size > MAX_IMPORT_BYTES) {
      return { ok: false, issues: [{ code: 'tooBig', params: { size: megabytes(file.size), max: megabytes(MAX_IMPORT_BYTES) } }] };
    }
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const kind = magicKind(head);
    if (kind) return { ok: false, issues: [{ code: `binary.${kind}` }] };
    if (looksBinary(head)) return { ok: false, issues: [{ code: 'binary.other' }] };
    const text = decode(new Uint8Array(await file.arrayBuffer()));
    if (text === undefined) return { ok: false, issues: [{ code: 'encoding' }] };
    const clean = text.replace(/^\uFEFF/, '');
    const format = detectFormat(clean);
    if (!format) return { ok: false, issues: [{ code: 'unknownFormat' }] };
    return { ok: true, text: clean, format };
  } catch (err) {
    return { ok: false, issues: [{ code: 'unreadable', params: { detail: err instanceof Error ? err.message : String(err) } }] };
  }
}

export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
