import type { LogData } from '../db/repository';

export const LOG_FORMAT = 'upfront-log';
export const LOG_VERSION = 1;

/**
 * The JSON log file: everything needed to re-check each session's hash chain and to read what
 * every card said at the time. Documented in docs/log-format.md.
 */
export function logToJson(data: LogData, exportedAt: number): string {
  return JSON.stringify(
    {
      format: LOG_FORMAT,
      version: LOG_VERSION,
      exportedAt: new Date(exportedAt).toISOString(),
      sessions: data.sessions,
      events: data.events,
      snapshots: data.snapshots,
    },
    null,
    2,
  );
}
