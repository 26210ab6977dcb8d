import type { Card } from '../schema/card';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import type { LogFilter } from './filter';
import { csvHead, csvRows, snapshotCard } from './log-csv';
import { jsonEvents, jsonHead, jsonTail } from './log-json';

/** Where the exporter reads from: the background's database, through messages (or a fake in tests). */
export interface LogSource {
  /** Events of a session with afterSeq < seq ≤ throughSeq, in sequence order, at most `limit`. */
  events(sessionId: string, afterSeq: number, throughSeq: number, limit: number): Promise<DisclosureEvent[]>;
  snapshots(hashes: string[]): Promise<Snapshot[]>;
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

/**
 * The log file as a sequence of text chunks, read page by page, so a 100,000-event export never
 * holds the database's whole answer in one message nor blocks the page while it is built. The
 * chunks joined are exactly the file (logToCsv / logToJson for the same data).
 *
 * A JSON export always holds whole sessions: a hash chain with events left out cannot be
 * verified. A CSV export with a product filter keeps only that product's rows.
 */
export async function* logChunks(source: LogSource, options: StreamOptions): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const pause = options.pause ?? yieldToEventLoop;
  const total = options.sessions.reduce((n, s) => n + s.lastSeq, 0);
  const cardId = options.format === 'csv' ? options.filter?.cardId : undefined;
  const sessionsById = new Map(options.sessions.map((s) => [s.id, s]));
  const cards = new Map<string, Card | undefined>();
  const cited = new Set<string>();
  let done = 0;
  let anyEvents = false;

  yield options.format === 'csv'
    ? csvHead()
    : jsonHead({ exportedAt: options.exportedAt, installation: options.installation, filter: options.filter }, options.sessions);
  options.onProgress?.(0, total);

  // Sequence numbers are unique per session, so the window (after, after + pageSize] never holds
  // more than a page, whatever gaps a session has: every request can be made up front. A few
  // are kept in flight so the database is never idle while a page is turned into text (bench:
  // CSV export of 100,000 events; reading is the slow part).
  const windows = options.sessions.flatMap((session) =>
    Array.from({ length: Math.ceil(session.lastSeq / pageSize) }, (_, k) => ({ session, after: k * pageSize, through: Math.min(session.lastSeq, (k + 1) * pageSize) })),
  );
  const inFlight: Promise<DisclosureEvent[]>[] = [];
  let asked = 0;
  const askAhead = () => {
    while (inFlight.length < READ_AHEAD && asked < windows.length) {
      const w = windows[asked++];
      inFlight.push(prefetch(source.events(w.session.id, w.after, w.through, pageSize)));
    }
  };
  askAhead();
  while (inFlight.length > 0) {
    const page = await inFlight.shift()!;
    askAhead();
    if (page.length === 0) continue;
    done += page.length;
    if (options.format === 'csv') {
      const rows = cardId === undefined ? page : page.filter((e) => e.cardId === cardId);
      const unknown = [...new Set(rows.map((e) => e.cardHash))].filter((h) => !cards.has(h));
      for (let i = 0; i < unknown.length; i += SNAPSHOT_BATCH) {
        const batch = unknown.slice(i, i + SNAPSHOT_BATCH);
        const found = await source.snapshots(batch);
        for (const h of batch) cards.set(h, undefined);
        for (const s of found) cards.set(s.hash, snapshotCard(s));
      }
      yield csvRows(rows, sessionsById, cards);
    } else {
      for (const e of page) cited.add(e.cardHash);
      yield jsonEvents(page, !anyEvents);
      anyEvents = true;
    }
    options.onProgress?.(done, total);
    await pause();
  }

  if (options.format === 'json') {
    const hashes = [...cited];
    const snapshots: Snapshot[] = [];
    for (let i = 0; i < hashes.length; i += SNAPSHOT_BATCH) snapshots.push(...(await source.snapshots(hashes.slice(i, i + SNAPSHOT_BATCH))));
    snapshots.sort((a, b) => a.hash.localeCompare(b.hash));
    yield jsonTail(snapshots, anyEvents);
  }
}

/** Collects the chunks (tests, the CLI sample generator); a page hands them to a Blob instead. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return parts.join('');
}

/** A LogSource straight over the repository (the sample generator and tests; the studio goes through messages). */
export function repositorySource(repo: {
  eventsPage(sessionId: string, afterSeq: number, limit: number, throughSeq?: number): Promise<DisclosureEvent[]>;
  getSnapshots(hashes: string[]): Promise<Snapshot[]>;
}): LogSource {
  return {
    events: (sessionId, afterSeq, throughSeq, limit) => repo.eventsPage(sessionId, afterSeq, limit, throughSeq),
    snapshots: (hashes) => repo.getSnapshots(hashes),
  };
}
