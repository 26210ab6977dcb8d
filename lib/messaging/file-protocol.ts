import { LogFilter } from '../export/filter';
import { Id } from '../schema/common';
import { z } from '../zod';

/**
 * A log file asked of the service worker over a MessageChannel (lib/background/log-files.ts):
 * runtime messaging carries JSON only, and a whole file as text cost more to move than to
 * build (bench: CSV export of 100,000 events). The worker answers with a Blob, which the browser
 * passes by reference.
 */
export const LOG_FILE_REQUEST = 'log.file';

export const LogFileRequest = z
  .object({
    type: z.literal(LOG_FILE_REQUEST),
    format: z.enum(['csv', 'json']),
    /** In the file's order; the worker reads each session as it is when the export begins. */
    sessionIds: z.array(Id).max(100_000),
    /** Recorded in a JSON file's header; its cardId keeps only that product's rows in a CSV. */
    filter: LogFilter.optional(),
  })
  .strict();
export type LogFileRequest = z.infer<typeof LogFileRequest>;

/** What the worker posts back on the request's port: progress, then the file or an error. */
export const LogFileReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('progress'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('file'), blob: z.instanceof(Blob) }).strict(),
  z.object({ kind: z.literal('error'), code: z.string().min(1).max(100), detail: z.string().max(2000).optional() }).strict(),
]);
export type LogFileReply = z.infer<typeof LogFileReply>;
