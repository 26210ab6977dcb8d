import { localize } from '../cards/text';
import { dontSayText } from '../dont-say/text';
import type { LogData } from '../schema/session';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { CsvBytes, cellRun } from './csv-bytes';
import { formatOffset } from './offset';
import { policyText } from './policy-text';

/** Column names, in order. The same words as the JSON fields; see docs/log-format.md. */
export const LOG_CSV_COLUMNS = [
  'session_id',
  'deck',
  'host',
  'platform',
  'console_origin',
  'market',
  'seq',
  'event_id',
  'at',
  'offset',
  'offset_ms',
  'card_id',
  'sku',
  'product',
  'card_hash',
  'item_kind',
  'item_id',
  'item_text',
  'language',
  'action',
  'corrects',
  'prev',
  'hash',
] as const;

/** A snapshot's content: the card and the return policy it was sold under, as they were. */
export interface SnapshotParts {
  card?: Card;
  policy?: ReturnPolicy | null;
}

/**
 * The text of an item as the card said it then, from the snapshot the event cites: a caveat's or
 * note's text, or the return-policy paragraph the host read out (issue 21: a dispute needs it).
 */
function itemText(snapshot: SnapshotParts | undefined, event: DisclosureEvent): string {
  const card = snapshot?.card;
  if (!card) return '';
  const lang = event.language;
  if (event.item.kind === 'caveat') return localize(card.caveats.find((c) => c.id === event.item.id)?.text, lang)?.text ?? '';
  if (event.item.kind === 'note') return localize(card.notes.find((n) => n.id === event.item.id)?.text, lang)?.text ?? '';
  if (event.item.kind === 'policy' && snapshot.policy?.id === event.item.id) return policyText(snapshot.policy, lang);
  if (event.item.kind === 'dontSay') return localize(dontSayText(card.dontSay?.find((d) => d.id === event.item.id)), lang)?.text ?? '';
  return '';
}

/** The first chunk of a CSV file: byte-order mark and header line. */
export function csvHead(): string {
  return `\uFEFF${LOG_CSV_COLUMNS.join(',')}\r\n`;
}

/** Repeating blocks kept between pages: more than a show's worth of products and items. */
const RUN_CACHE_LIMIT = 20_000;

/**
 * Writes rows for events as UTF-8 bytes, each line ended with CRLF (lib/export/csv-bytes.ts).
 * One writer serves a whole export: the block a product and an item add to a row is keyed by
 * snapshot hash, so it is encoded once and never goes stale.
 */
export class CsvRowWriter {
  private readonly out = new CsvBytes();
  /** By snapshot hash, then language, card id and item: the product's and the item's cells. */
  private readonly runs = new Map<string, Map<string, Uint8Array>>();
  private cached = 0;

  /** `sessions` and `cards` (snapshot content by hash) must cover the events. */
  rows(events: DisclosureEvent[], sessions: Map<string, Session>, cards: Map<string, SnapshotParts | undefined>): Uint8Array {
    const sessionRuns = new Map<string, Uint8Array>();
    if (this.cached > RUN_CACHE_LIMIT) {
      this.runs.clear();
      this.cached = 0;
    }
    for (const e of events) {
      let sessionRun = sessionRuns.get(e.sessionId);
      if (!sessionRun) {
        const s = sessions.get(e.sessionId);
        sessionRun = cellRun([e.sessionId, s?.deckName ?? '', s?.host ?? '', s?.platform ?? '', s?.consoleOrigin ?? '', s?.market ?? '']);
        sessionRuns.set(e.sessionId, sessionRun);
      }
      // Keys are kept short: building and hashing long keys per row cost more than the rows.
      let runs = this.runs.get(e.cardHash);
      if (!runs) {
        runs = new Map();
        this.runs.set(e.cardHash, runs);
      }
      const key = `${e.language}\n${e.cardId}\n${e.item.kind}\n${e.item.id}`;
      let cardRun = runs.get(key);
      if (!cardRun) {
        const snapshot = cards.get(e.cardHash);
        const card = snapshot?.card;
        const name = localize(card?.name, e.language)?.text ?? '';
        cardRun = cellRun([e.cardId, card?.sku ?? '', name, e.cardHash, e.item.kind, e.item.id, itemText(snapshot, e), e.language]);
        runs.set(key, cardRun);
        this.cached += 1;
      }
      // The order of LOG_CSV_COLUMNS.
      this.out
        .run(sessionRun)
        .cell(e.seq)
        .cell(e.id)
        .cell(new Date(e.at).toISOString())
        .cell(formatOffset(e.offsetMs))
        .cell(e.offsetMs)
        .run(cardRun)
        .cell(e.action)
        .cell(e.corrects ?? '')
        .cell(e.prev)
        .cell(e.hash, true);
    }
    return this.out.take();
  }
}

/** Rows for some events as text (the one-shot exporter and tests; a page of an export keeps bytes). */
export function csvRows(events: DisclosureEvent[], sessions: Map<string, Session>, cards: Map<string, SnapshotParts | undefined>): string {
  return new TextDecoder().decode(new CsvRowWriter().rows(events, sessions, cards));
}

/** The card inside a snapshot's content, if it has one. */
export function snapshotCard(snapshot: Snapshot): Card | undefined {
  return snapshotParts(snapshot)?.card;
}

/** A snapshot's card and policy, if it has them. */
export function snapshotParts(snapshot: Snapshot): SnapshotParts | undefined {
  return (snapshot.content as SnapshotParts | null) ?? undefined;
}

/**
 * One row per event, UTF-8 with a byte-order mark so Excel reads Chinese text right, RFC 4180
 * quoting and CRLF line ends, and cells that a spreadsheet would run as a formula neutralised
 * (papaparse's escapeFormulae prefixes them with an apostrophe, as OWASP advises; see
 * lib/export/csv-bytes.ts). An export builds the same bytes page by page (lib/export/stream.ts).
 */
export function logToCsv(data: LogData): string {
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const cards = new Map(data.snapshots.map((s) => [s.hash, snapshotParts(s)]));
  return csvHead() + csvRows(data.events, sessions, cards);
}
