import Papa from 'papaparse';
import { localize } from '../cards/text';
import type { LogData } from '../db/repository';
import type { Card } from '../schema/card';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { formatOffset } from './offset';

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

interface SnapshotContent {
  card?: Card;
}

/** The text of an item as the card said it then, from the snapshot the event cites. */
function itemText(card: Card | undefined, event: DisclosureEvent): string {
  if (!card) return '';
  const lang = event.language;
  if (event.item.kind === 'caveat') return localize(card.caveats.find((c) => c.id === event.item.id)?.text, lang)?.text ?? '';
  if (event.item.kind === 'note') return localize(card.notes.find((n) => n.id === event.item.id)?.text, lang)?.text ?? '';
  return '';
}

/**
 * A cell a spreadsheet would run as a formula (OWASP CSV injection). papaparse's own default,
 * /^[=+\-@\t\r].*$/, misses a formula followed by a line break (`.` stops at "\n"), so only
 * the first character is tested here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The first chunk of a CSV file: byte-order mark and header line. */
export function csvHead(): string {
  return `\uFEFF${LOG_CSV_COLUMNS.join(',')}\r\n`;
}

/**
 * Rows for some events, each line ended with CRLF. `sessions` and `cards` (card by snapshot
 * hash) must cover the events.
 */
export function csvRows(events: DisclosureEvent[], sessions: Map<string, Session>, cards: Map<string, Card | undefined>): string {
  if (events.length === 0) return '';
  const rows = events.map((e) => {
    const s = sessions.get(e.sessionId);
    const card = cards.get(e.cardHash);
    return [
      e.sessionId,
      s?.deckName ?? '',
      s?.host ?? '',
      s?.platform ?? '',
      s?.consoleOrigin ?? '',
      s?.market ?? '',
      e.seq,
      e.id,
      new Date(e.at).toISOString(),
      formatOffset(e.offsetMs),
      e.offsetMs,
      e.cardId,
      card?.sku ?? '',
      localize(card?.name, e.language)?.text ?? '',
      e.cardHash,
      e.item.kind,
      e.item.id,
      itemText(card, e),
      e.language,
      e.action,
      e.corrects ?? '',
      e.prev,
      e.hash,
    ];
  });
  return `${Papa.unparse(rows, { header: false, newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false })}\r\n`;
}

/** The card inside a snapshot's content, if it has one. */
export function snapshotCard(snapshot: Snapshot): Card | undefined {
  return (snapshot.content as SnapshotContent | null)?.card;
}

/**
 * One row per event, UTF-8 with a byte-order mark so Excel reads Chinese text right, RFC 4180
 * quoting and CRLF line ends, and cells that a spreadsheet would run as a formula neutralised
 * (papaparse's escapeFormulae prefixes them with an apostrophe, as OWASP advises). The studio
 * builds the same text page by page (lib/export/stream.ts).
 */
export function logToCsv(data: LogData): string {
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const cards = new Map(data.snapshots.map((s) => [s.hash, snapshotCard(s)]));
  return csvHead() + csvRows(data.events, sessions, cards);
}
