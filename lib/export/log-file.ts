import { z } from '../zod';
import { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { Proofs } from '../evidence/proofs';
import { LogFilter } from './filter';

export const LOG_FORMAT = 'upfront-log';
/**
 * 2 added source, filter, and the session fields endReason, endNote and origin.
 * 3 added the session field chainVersion (2: the chain covers the session's header) and
 * `proofs` (time-stamps and device signatures over chain heads).
 */
export const LOG_VERSION = 3;
export const SUPPORTED_LOG_VERSIONS = [1, 2, 3] as const;

/**
 * The JSON log file, as read back by the verifier and the team-view import. Strict objects: a
 * field added to an event by hand is reported instead of silently dropped. The JSON Schema in
 * docs/schema/log-file.schema.json is generated from this (npm run docs).
 */
export const LogFile = z
  .object({
    format: z.literal(LOG_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    exportedAt: z.iso.datetime(),
    /** The installation that wrote the file (absent in version 1). */
    source: z.object({ installation: z.string().min(1).max(100), app: z.literal('upfront') }).strict().optional(),
    /** The filter the file was exported with; JSON exports always hold whole sessions. */
    filter: LogFilter.optional(),
    sessions: z.array(Session.strict()),
    events: z.array(DisclosureEvent.strict()),
    snapshots: z.array(Snapshot.strict()),
    /** Time-stamps and device signatures over chain heads (version 3; lib/evidence/proofs.ts). */
    proofs: Proofs.optional(),
  })
  .strict()
  .meta({
    title: 'Upfront disclosure log',
    description: 'Sessions, their hash-chained disclosure events and the card snapshots they cite. See docs/log-format.md.',
  });
export type LogFile = z.infer<typeof LogFile>;

/** The JSON Schema of the log file (draft 2020-12), as written to docs/schema/log-file.schema.json. */
export function logFileJsonSchema(): unknown {
  return z.toJSONSchema(LogFile, { target: 'draft-2020-12', io: 'input' });
}

/** The schema file's exact text (two-space JSON and a final newline), for the script and its test. */
export function logFileJsonSchemaText(): string {
  return `${JSON.stringify(logFileJsonSchema(), null, 2)}\n`;
}
