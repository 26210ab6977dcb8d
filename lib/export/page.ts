import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { CsvRowWriter, snapshotParts, type SnapshotParts } from './log-csv';
import { jsonEventLines } from './log-json';

/** One page of a log file: a window of one session's events, as text. */
export interface PageRequest {
  sessionId: string;
  /** Events with afterSeq < seq ≤ throughSeq. */
  afterSeq: number;
  throughSeq: number;
  format: 'csv' | 'json';
  /** CSV only: keep this product's rows (a JSON file holds whole sessions, or chains break). */
  cardId?: string;
}

export interface Page {
  /** CSV rows (CRLF-ended) as UTF-8 bytes, or JSON event lines with no comma before the first or after the last. */
  body: string | Uint8Array;
  /** Events read (progress counts these, filtered out or not). */
  count: number;
  /** JSON: the snapshot hashes its events cite, for the file's tail. */
  cited: string[];
}

/** A page as runtime messaging carries it (JSON only: text, never bytes). */
export interface PageText extends Omit<Page, 'body'> {
  text: string;
}

export const pageText = ({ body, ...rest }: Page): PageText => ({ ...rest, text: typeof body === 'string' ? body : new TextDecoder().decode(body) });

/** Where pages are read from: the repository in the background, or a fake in tests. */
export interface LogReader {
  events(sessionId: string, afterSeq: number, throughSeq: number): Promise<DisclosureEvent[]>;
  session(sessionId: string): Promise<Session | undefined>;
  snapshots(hashes: string[]): Promise<Snapshot[]>;
}

/** Snapshots kept decoded between pages; they are content-addressed, so never stale. */
const CARD_CACHE_LIMIT = 2000;

/**
 * Turns pages of the log into file content where the log is read (the background): events as
 * objects cost more to pass between processes than to read (bench: CSV export of 100,000 events).
 * One builder serves one export, or many: what it keeps is keyed by content hash.
 */
export function pageBuilder(reader: LogReader): (request: PageRequest) => Promise<Page> {
  const cards = new Map<string, SnapshotParts | undefined>();
  const csv = new CsvRowWriter();
  return async ({ sessionId, afterSeq, throughSeq, format, cardId }) => {
    const events = await reader.events(sessionId, afterSeq, throughSeq);
    if (format === 'json') return { body: jsonEventLines(events), count: events.length, cited: [...new Set(events.map((e) => e.cardHash))] };
    const rows = cardId === undefined ? events : events.filter((e) => e.cardId === cardId);
    const session = rows.length > 0 ? await reader.session(sessionId) : undefined;
    const unknown = [...new Set(rows.map((e) => e.cardHash))].filter((h) => !cards.has(h));
    if (unknown.length > 0) {
      if (cards.size + unknown.length > CARD_CACHE_LIMIT) cards.clear();
      const found = new Map((await reader.snapshots(unknown)).map((s) => [s.hash, snapshotParts(s)]));
      for (const h of unknown) cards.set(h, found.get(h));
    }
    const sessions = new Map(session ? [[sessionId, session]] : []);
    return { body: csv.rows(rows, sessions, cards), count: events.length, cited: [] };
  };
}

/** The repository as a LogReader (the background answers the studio's pages with it). */
export function repositoryReader(repo: {
  eventsPage(sessionId: string, afterSeq: number, throughSeq: number): Promise<DisclosureEvent[]>;
  getSession(id: string): Promise<Session | undefined>;
  getSnapshots(hashes: string[]): Promise<Snapshot[]>;
}): LogReader {
  return {
    events: (sessionId, afterSeq, throughSeq) => repo.eventsPage(sessionId, afterSeq, throughSeq),
    session: (id) => repo.getSession(id),
    snapshots: (hashes) => repo.getSnapshots(hashes),
  };
}
