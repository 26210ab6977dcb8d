import { sha256Hex } from '../evidence/hash';
import { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { z } from '../zod';

/**
 * One record of the journal (issue 22): the second copy of the log, kept outside IndexedDB.
 * A session's header when it starts, each committed event, each card snapshot the events cite,
 * and how the session ended. Sequence numbers and chain heads are not journaled: they follow
 * from the events.
 */
export const JournalRecord = z.discriminatedUnion('k', [
  z.object({ k: z.literal('session'), session: Session }),
  z.object({ k: z.literal('event'), event: DisclosureEvent }),
  z.object({ k: z.literal('snapshot'), snapshot: Snapshot }),
  z.object({
    k: z.literal('end'),
    sessionId: z.string(),
    endedAt: z.number().int(),
    endReason: z.enum(['host', 'auto']).optional(),
    endNote: z.string().max(500).optional(),
  }),
]);
export type JournalRecord = z.infer<typeof JournalRecord>;

/** The JSON Schema of one record (draft 2020-12), as written to docs/schema/journal-record.schema.json. */
export function journalRecordJsonSchemaText(): string {
  const schema = z.toJSONSchema(
    JournalRecord.meta({ title: 'Upfront journal record', description: "One line of the log's second copy, after its check. See docs/journal.md." }),
    { target: 'draft-2020-12', io: 'input' },
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** A line's check: the first 16 hex digits of the SHA-256 of its JSON. */
const check = (json: string) => sha256Hex(json).slice(0, 16);

/**
 * A record as one line: its check, a space, its JSON, a newline. The newline is written last, so
 * a line without one (or whose check fails) is a record cut short by a crash or a full disk.
 */
export function encodeRecord(record: JournalRecord): string {
  const json = asciiJson(record);
  return `${check(json)} ${json}\n`;
}

/** JSON with every non-ASCII character escaped, so a length in characters is a length in bytes. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface DecodedSegment {
  records: JournalRecord[];
  /** Length of the whole lines read (bytes: lines are ASCII); what follows is torn. */
  validLength: number;
  /** A last line cut short (no newline, or a check that fails on the last line): dropped. */
  torn: boolean;
  /** Whole lines in the middle of the segment that fail their check or their schema. */
  damaged: number[];
}

/**
 * Reads one segment's text. Only the last line can be torn (appends only ever add at the end);
 * a bad line before it is damage, reported by its line number and skipped.
 */
export function decodeSegment(text: string): DecodedSegment {
  const records: JournalRecord[] = [];
  const damaged: number[] = [];
  let pos = 0;
  let line = 0;
  let validLength = 0;
  let torn = false;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const last = nl === -1 || nl === text.length - 1;
    if (nl === -1) {
      torn = true;
      break;
    }
    const raw = text.slice(pos, nl);
    pos = nl + 1;
    line += 1;
    const record = decodeLine(raw);
    if (record) {
      records.push(record);
      validLength = pos;
    } else if (last) {
      torn = true;
    } else {
      damaged.push(line);
      validLength = pos;
    }
  }
  return { records, validLength, torn, damaged };
}

function decodeLine(raw: string): JournalRecord | undefined {
  const space = raw.indexOf(' ');
  if (space !== 16) return undefined;
  const json = raw.slice(17);
  if (check(json) !== raw.slice(0, 16)) return undefined;
  try {
    const parsed = JournalRecord.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
