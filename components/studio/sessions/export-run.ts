import { UpfrontError } from '../../../lib/errors';
import type { LogFilter } from '../../../lib/export/filter';
import { EXPORT_PAGE_SIZE, logBlob, logChunks, throttleProgress, yieldToEventLoop, type LogSource } from '../../../lib/export/stream';
import type { Client } from '../../../lib/messaging/client';
import { LOG_FILE_REQUEST, LogFileReply, type LogFileRequest } from '../../../lib/messaging/file-protocol';
import type { Session } from '../../../lib/schema/session';
import { fileSafe } from '../download';

export interface ExportJob {
  format: 'csv' | 'json';
  sessions: Session[];
  filter?: LogFilter;
  onProgress?: (done: number, total: number) => void;
}

/** Where a request for a whole file goes: the background's service worker. */
export interface FileWorker {
  postMessage(message: LogFileRequest, transfer: Transferable[]): void;
}

/** The background's service worker (Chromium); undefined where the background is a page (Firefox). */
export async function backgroundWorker(): Promise<FileWorker | undefined> {
  try {
    // Reading navigator.serviceWorker itself can throw where service workers are off (Firefox's
    // private windows): then there is no worker to ask, and the studio builds the file.
    const registration = await globalThis.navigator?.serviceWorker?.getRegistration();
    return registration?.active ?? undefined;
  } catch {
    return undefined;
  }
}

/** Longest wait for any answer from the worker (it reports progress five times a second). */
const WORKER_SILENCE_MS = 60_000;

/**
 * Asks the service worker for a whole log file on a MessageChannel (lib/background/log-files.ts).
 * Every reply is checked with zod; failures reject with an UpfrontError the studio shows.
 */
export function requestLogFile(worker: FileWorker, request: LogFileRequest, onProgress?: (done: number, total: number) => void, silenceMs = WORKER_SILENCE_MS): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      channel.port1.close();
      settle();
    };
    // A worker stopped mid-way leaves the port silent: give up rather than spin forever.
    const expectMore = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(() => reject(new UpfrontError('background-unreachable', 'the log file request went unanswered'))), silenceMs);
    };
    channel.port1.onmessage = (event: MessageEvent) => {
      const reply = LogFileReply.safeParse(event.data);
      if (!reply.success) return finish(() => reject(new UpfrontError('internal', `invalid reply: ${reply.error.message}`)));
      const r = reply.data;
      if (r.kind === 'progress') {
        expectMore();
        onProgress?.(r.done, r.total);
      } else if (r.kind === 'file') {
        finish(() => resolve(r.blob));
      } else {
        finish(() => reject(new UpfrontError(r.code, r.detail)));
      }
    };
    expectMore();
    worker.postMessage(request, [channel.port2]);
  });
}

/** The background's database as a LogSource over runtime messaging: pages of text, snapshots in batches. */
export function messageSource(call: Client): LogSource {
  return {
    page: async (request) => {
      const { text, ...rest } = await call('log.page', request);
      return { body: text, ...rest };
    },
    snapshots: (hashes) => call('log.snapshots', { hashes }),
  };
}

/** The file built here from pages of text asked over runtime messaging (a background page has no MessageChannel route). */
async function pagedFile(call: Client, job: ExportJob, now: number): Promise<Blob> {
  const { installation } = await call('log.installation', {});
  const chunks = logChunks(messageSource(call), {
    format: job.format,
    sessions: job.sessions,
    exportedAt: now,
    installation,
    filter: job.filter,
    pageSize: EXPORT_PAGE_SIZE,
    onProgress: job.onProgress && throttleProgress(job.onProgress),
    pause: yieldToEventLoop,
  });
  return logBlob(chunks, job.format);
}

/**
 * A log file for the sessions, and its name. The service worker builds the file where the log
 * is read and hands over one Blob; where the background is not a service worker, the studio
 * builds it from pages.
 */
export async function buildExport(
  call: Client,
  job: ExportJob,
  { now = Date.now(), worker }: { now?: number; worker?: FileWorker } = {},
): Promise<{ name: string; blob: Blob }> {
  const target = worker ?? (await backgroundWorker());
  const blob = target
    ? await requestLogFile(target, { type: LOG_FILE_REQUEST, format: job.format, sessionIds: job.sessions.map((s) => s.id), filter: job.filter }, job.onProgress)
    : await pagedFile(call, job, now);
  return { name: exportName(job.sessions, job.format, now), blob };
}

/** upfront-2026-11-20-Lina-1a2b3c4d.json for one session; upfront-log-2026-11-22-3-sessions.csv for several. */
export function exportName(sessions: Session[], format: 'csv' | 'json', now: number): string {
  if (sessions.length === 1) {
    const s = sessions[0];
    return `upfront-${new Date(s.startedAt).toISOString().slice(0, 10)}-${fileSafe(s.host)}-${s.id.slice(0, 8)}.${format}`;
  }
  return `upfront-log-${new Date(now).toISOString().slice(0, 10)}-${sessions.length}-sessions.${format}`;
}
