import type { LogData } from '../schema/session';
import type { Proofs } from '../evidence/proofs';
import type { Session } from '../schema/session';
import { compactFilter, type LogFilter } from './filter';
import { LOG_FORMAT, LOG_VERSION } from './log-file';

export { LOG_FORMAT, LOG_VERSION };

/**
 * A session as it goes into a file: its origin filled in (sessions recorded before origins
 * existed are this installation's) and the local export bookkeeping left out.
 */
export function sessionForExport(s: Session, installation: string | undefined): Session {
  const { exportedAt: _local, ...rest } = s;
  return installation && !rest.origin ? { ...rest, origin: { installation } } : rest;
}

export interface JsonHeader {
  exportedAt: number;
  installation?: string;
  filter?: LogFilter;
}

/** The opening of the file, up to and including `"sessions": [...]`, `"events": [`. */
export function jsonHead(h: JsonHeader, sessions: Session[]): string {
  const head: Record<string, unknown> = {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    exportedAt: new Date(h.exportedAt).toISOString(),
  };
  if (h.installation) head.source = { installation: h.installation, app: 'upfront' };
  const filter = h.filter ? compactFilter(h.filter) : {};
  if (Object.keys(filter).length > 0) head.filter = filter;
  const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const list = sessions.map((s) => `    ${JSON.stringify(sessionForExport(s, h.installation))}`).join(',\n');
  return `{\n${fields.join(',\n')},\n  "sessions": [${list ? `\n${list}\n  ` : ''}],\n  "events": [`;
}

/**
 * One page of events, one per line. `first` says whether these are the first events written,
 * so commas go only between items.
 */
export function jsonEvents(events: unknown[], first: boolean): string {
  if (events.length === 0) return '';
  return (first ? '\n' : ',\n') + jsonEventLines(events);
}

/** Events one per line, commas between them only (a page of lib/export/page.ts). */
export function jsonEventLines(events: unknown[]): string {
  return events.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
}

/** The close of the events list, the snapshots, the proofs (when there are any), and the end of the file. */
export function jsonTail(snapshots: unknown[], anyEvents: boolean, proofs?: Proofs): string {
  const list = snapshots.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
  const any = proofs && (proofs.stamps.length > 0 || proofs.signatures.length > 0);
  const proofText = any
    ? `,\n  "proofs": {\n${(['stamps', 'keys', 'signatures'] as const).map((k) => `    ${JSON.stringify(k)}: [${proofs[k].map((p) => `\n      ${JSON.stringify(p)}`).join(',')}${proofs[k].length ? '\n    ' : ''}]`).join(',\n')}\n  }`
    : '';
  return `${anyEvents ? '\n  ' : ''}],\n  "snapshots": [${list ? `\n${list}\n  ` : ''}]${proofText}\n}\n`;
}

/**
 * The whole JSON log file at once (small logs and tests; the studio streams, lib/export/stream.ts).
 * Documented in docs/log-format.md.
 */
export function logToJson(data: LogData, exportedAt: number, installation?: string, filter?: LogFilter): string {
  return (
    jsonHead({ exportedAt, installation, filter }, data.sessions) +
    jsonEvents(data.events, true) +
    jsonTail(data.snapshots, data.events.length > 0)
  );
}
