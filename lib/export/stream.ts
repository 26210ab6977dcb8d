import type { Proofs } from '../evidence/proofs';
import type { Session, Snapshot } from '../schema/session';
import type { LogFilter } from './filter';
import { csvHead } from './log-csv';
import { jsonHead, jsonTail } from './log-json';
import { pageBuilder, repositoryReader, type LogReader, type Page, type PageRequest } from './page';

/** Where the exporter reads from: pages built where the log is read (lib/export/page.ts). */
export interface LogSource {
  page(request: PageRequest): Promise<Page>;
  snapshots(hashes: string[]): Promise<Snapshot[]>;
  /** Time-stamps and signatures over the sessions' heads (JSON only; absent where they cannot be read). */
  proofs?(sessionIds: string[]): Promise<Proofs | undefined>;
}

export interface StreamOptions {
  format: 'csv' | 'json';
  /** The sessions to export, as listed when the export began (their lastSeq bounds the events). */
  sessions: Session[];
  exportedAt: number;
  installation?: string;
  /** Recorded in the JSON header; its cardId also keeps only that product's rows in a CSV. */
  filter?: LogFilter;
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Gives the event loop a turn between pages so the page stays responsive. */
  pause?: () => Promise<void>;
}

export const EXPORT_PAGE_SIZE = 2000;
/** Pages asked for ahead of the one being written. */
const READ_AHEAD = 3;
const SNAPSHOT_BATCH = 200;

/** A request made ahead of use: if the export stops before awaiting it, its failure is not unhandled. */
function prefetch<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

/** A macrotask turn: lets the page paint and handle input between pages. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A piece of a log file: text, or UTF-8 bytes (CSV rows). */
export type LogChunk = string | Uint8Array;

/**
 * The log file as a sequence of chunks, read page by page, so a 100,000-event export never
 * holds the database's whole answer at once nor blocks its thread while it is built. The chunks
 * joined are exactly the file (logToCsv / logToJson for the same data).
 *
 * A JSON export always holds whole sessions: a hash chain with events left out cannot be
 * verified. A CSV export with a product filter keeps only that product's rows.
 */
export async function* logChunks(source: LogSource, options: StreamOptions): AsyncGenerator<LogChunk> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const pause = options.pause ?? yieldToEventLoop;
  const { format } = options;
  const total = options.sessions.reduce((n, s) => n + s.lastSeq, 0);
  const cardId = format === 'csv' ? options.filter?.cardId : undefined;
  const cited = new Set<string>();
  let done = 0;
  let anyEvents = false;

  yield format === 'csv'
    ? csvHead()
    : jsonHead({ exportedAt: options.exportedAt, installation: options.installation, filter: options.filter }, options.sessions);
  options.onProgress?.(0, total);

  // Sequence numbers are unique per session, so the window (after, after + pageSize] never holds
  // more than a page, whatever gaps a session has: every request can be made up front. A few
  // are kept in flight so the background is never idle while a page is written out (bench: CSV
  // export of 100,000 events).
  const windows: PageRequest[] = options.sessions.flatMap((session) =>
    Array.from({ length: Math.ceil(session.lastSeq / pageSize) }, (_, k) => ({
      sessionId: session.id,
      afterSeq: k * pageSize,
      throughSeq: Math.min(session.lastSeq, (k + 1) * pageSize),
      format,
      ...(cardId !== undefined && { cardId }),
    })),
  );
  const inFlight: Promise<Page>[] = [];
  let asked = 0;
  const askAhead = () => {
    while (inFlight.length < READ_AHEAD && asked < windows.length) inFlight.push(prefetch(source.page(windows[asked++])));
  };
  askAhead();
  while (inFlight.length > 0) {
    const page = await inFlight.shift()!;
    askAhead();
    if (page.count === 0) continue;
    done += page.count;
    if (format === 'csv') {
      if (page.body.length > 0) yield page.body;
    } else {
      for (const h of page.cited) cited.add(h);
      yield (anyEvents ? ',\n' : '\n') + (typeof page.body === 'string' ? page.body : new TextDecoder().decode(page.body));
      anyEvents = true;
    }
    options.onProgress?.(done, total);
    await pause();
  }

  if (format === 'json') {
    const hashes = [...cited];
    const snapshots: Snapshot[] = [];
    for (let i = 0; i < hashes.length; i += SNAPSHOT_BATCH) snapshots.push(...(await source.snapshots(hashes.slice(i, i + SNAPSHOT_BATCH))));
    snapshots.sort((a, b) => a.hash.localeCompare(b.hash));
    yield jsonTail(snapshots, anyEvents, await source.proofs?.(options.sessions.map((s) => s.id)));
  }
}

/**
 * Progress at most five times a second, and always the last step: each update re-renders the
 * studio's sessions area (or crosses to it), which cost more than building the file when it ran
 * after every page.
 */
export function throttleProgress(onProgress: (done: number, total: number) => void, everyMs = 200): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    onProgress(done, total);
  };
}

/** Collects the chunks as text (tests, the CLI sample generator); an export makes a Blob (logBlob). */
export async function collect(chunks: AsyncIterable<LogChunk>): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? c : decoder.decode(c));
  return parts.join('');
}

const BLOB_FLUSH = 8 * 1024 * 1024;

/**
 * The chunks as one Blob of the log file's type. Text is handed to a Blob every few megabytes (a
 * Blob's data is held by the browser, outside the JS heap), so the whole file is never held as
 * strings (bench: peak memory of a 100,000-event export).
 */
export async function logBlob(chunks: AsyncIterable<LogChunk>, format: 'csv' | 'json'): Promise<Blob> {
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const blobs: Blob[] = [];
  let parts: LogChunk[] = [];
  let held = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    held += chunk.length;
    if (held >= BLOB_FLUSH) {
      blobs.push(new Blob(parts as BlobPart[]));
      parts = [];
      held = 0;
    }
  }
  blobs.push(new Blob(parts as BlobPart[]));
  return new Blob(blobs, { type });
}

/** A LogSource that builds pages where it reads (the background, tests and the sample generator). */
export function readerSource(reader: LogReader): LogSource {
  return { page: pageBuilder(reader), snapshots: (hashes) => reader.snapshots(hashes) };
}

/** A LogSource straight over the repository (the sample generator and tests; the studio goes through messages). */
export const repositorySource = (repo: Parameters<typeof repositoryReader>[0]): LogSource => readerSource(repositoryReader(repo));
