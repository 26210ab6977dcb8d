import Papa from 'papaparse';
import { localize } from '../cards/text';
import type { LogData } from '../db/repository';
import type { Card } from '../schema/card';
import type { DisclosureEvent } from '../schema/session';
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
 * One row per event, UTF-8 with a byte-order mark so Excel reads Chinese text right, RFC 4180
 * quoting and CRLF line ends, and cells that a spreadsheet would run as a formula neutralised
 * (papaparse's escapeFormulae prefixes them with an apostrophe, as OWASP advises).
 */
export function logToCsv(data: LogData): string {
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const cards = new Map(data.snapshots.map((s) => [s.hash, (s.content as SnapshotContent | null)?.card]));
  const rows = data.events.map((e) => {
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
  const body = Papa.unparse(
    { fields: [...LOG_CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}
