import type { LogFilter } from '../../../lib/export/filter';
import { EXPORT_PAGE_SIZE, logChunks, yieldToEventLoop, type LogSource } from '../../../lib/export/stream';
import type { Client } from '../../../lib/messaging/client';
import type { Session } from '../../../lib/schema/session';
import { fileSafe } from '../download';

/** The background's database as a LogSource: pages of text, snapshots in batches. */
export function messageSource(call: Client): LogSource {
  return {
    page: (request) => call('log.page', request),
    snapshots: (hashes) => call('log.snapshots', { hashes }),
  };
}

export interface ExportJob {
  format: 'csv' | 'json';
  sessions: Session[];
  filter?: LogFilter;
  onProgress?: (done: number, total: number) => void;
}

const BLOB_FLUSH_CHARS = 8 * 1024 * 1024;

/**
 * Builds a log file from chunks into a Blob: the page never holds one giant string and yields
 * between pages, so exporting 100,000 events leaves the studio responsive. Then records which
 * sessions were exported, for the reminder.
 */
export async function buildExport(call: Client, job: ExportJob, now = Date.now()): Promise<{ name: string; blob: Blob }> {
  const { installation } = await call('log.installation', {});
  const type = job.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  // The text goes into Blobs (held by the browser, outside the page's heap) every few megabytes,
  // so the page never keeps the whole file as strings (bench: peak memory of a 100,000-event export).
  const blobs: Blob[] = [];
  let parts: string[] = [];
  let held = 0;
  for await (const chunk of logChunks(messageSource(call), {
    format: job.format,
    sessions: job.sessions,
    exportedAt: now,
    installation,
    filter: job.filter,
    pageSize: EXPORT_PAGE_SIZE,
    onProgress: throttled(job.onProgress),
    pause: yieldToEventLoop,
  })) {
    parts.push(chunk);
    held += chunk.length;
    if (held >= BLOB_FLUSH_CHARS) {
      blobs.push(new Blob(parts));
      parts = [];
      held = 0;
    }
  }
  blobs.push(new Blob(parts));
  await call('log.exported', { sessionIds: job.sessions.map((s) => s.id) }).catch(() => undefined);
  return { name: exportName(job.sessions, job.format, now), blob: new Blob(blobs, { type }) };
}

/**
 * Progress at most five times a second, and always the last step: each update re-renders the
 * sessions area, which cost more than building the file when it ran after every page.
 */
function throttled(onProgress: ExportJob['onProgress'], everyMs = 200): ExportJob['onProgress'] {
  if (!onProgress) return undefined;
  let last = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    onProgress(done, total);
  };
}

/** upfront-2026-11-20-Lina-1a2b3c4d.json for one session; upfront-log-2026-11-22-3-sessions.csv for several. */
export function exportName(sessions: Session[], format: 'csv' | 'json', now: number): string {
  if (sessions.length === 1) {
    const s = sessions[0];
    return `upfront-${new Date(s.startedAt).toISOString().slice(0, 10)}-${fileSafe(s.host)}-${s.id.slice(0, 8)}.${format}`;
  }
  return `upfront-log-${new Date(now).toISOString().slice(0, 10)}-${sessions.length}-sessions.${format}`;
}
