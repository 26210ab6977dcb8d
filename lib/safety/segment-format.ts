import { decodeSegment, type JournalRecord } from './journal-format';

/**
 * The journal's preallocated segments (issue 22): files of zeros made while the disk has room,
 * into which records are then written in place. On a full disk nothing new can be written
 * anywhere on it, but bytes already allocated to a file can be overwritten, and the file's
 * entry in the browser's index of the Origin Private File System was committed when it was made.
 */
export const SEGMENTS = {
  /** Each segment's size: thousands of clicks. */
  bytes: 4 * 1024 * 1024,
  /** When less than this is left in the segment being written, the next one is made (while there is room). */
  spareWhenLeft: 1024 * 1024,
};

const NAME = /^seg-(\d{8})\.bin$/;
export const segmentFileName = (n: number) => `seg-${String(n).padStart(8, '0')}.bin`;

/** The segments' numbers among a folder's names, in order. */
export function segmentNumbers(names: string[]): number[] {
  return names
    .map((n) => NAME.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

export interface ScannedSegment {
  /** The records' text: every whole line, up to the first zero byte. */
  text: string;
  /** Where the next record goes: after the last whole line. */
  validLength: number;
  /** Where the zeros start: bytes between validLength and here are a record cut short. */
  end: number;
  records: JournalRecord[];
  damaged: number[];
}

/**
 * Reads a segment's bytes: records are the same checked lines as the older one-file-per-write
 * journal (./journal-format.ts), ASCII only, followed by zeros up to the segment's size. A record
 * cut short (power lost mid-write) is the text after the last whole line, before the zeros.
 */
export function scanSegment(bytes: Uint8Array): ScannedSegment {
  let end = bytes.indexOf(0);
  if (end === -1) end = bytes.length;
  const text = asciiText(bytes.subarray(0, end));
  const decoded = decodeSegment(text);
  return { text: text.slice(0, decoded.validLength), validLength: decoded.validLength, end, records: decoded.records, damaged: decoded.damaged };
}

function asciiText(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A record's text as bytes (it is ASCII: ./journal-format.ts escapes the rest). */
export function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
