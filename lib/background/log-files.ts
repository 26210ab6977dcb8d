import type { Proofs } from '../evidence/proofs';
import type { Repository } from '../db/repository';
import { UpfrontError } from '../errors';
import { logBlob, logChunks, repositorySource, throttleProgress } from '../export/stream';
import { LogFileReply, LogFileRequest } from '../messaging/file-protocol';
import type { Session } from '../schema/session';

export interface LogFileDeps {
  repo: Repository;
  now: () => number;
  /** The sessions' time-stamps and signatures, for JSON files (lib/background/prover.ts). */
  proofs?: (sessionIds: string[]) => Promise<Proofs | undefined>;
}

/** The part of a service worker's `message` event a log file request uses. */
export interface FileRequestEvent {
  data: unknown;
  ports: readonly { postMessage(message: unknown): void }[];
  waitUntil?(promise: Promise<unknown>): void;
}

/**
 * Builds a whole log file in the background, where the log is read, and answers with a Blob on
 * the request's port: first progress (at most five times a second), then the file or an error
 * code the studio shows. The same chunks as any export (lib/export/stream.ts).
 */
export async function answerLogFile(data: unknown, reply: (message: LogFileReply) => void, deps: LogFileDeps): Promise<void> {
  try {
    const request = LogFileRequest.safeParse(data);
    if (!request.success) throw new UpfrontError('bad-message', request.error.message);
    const { format, sessionIds, filter } = request.data;
    const found = await deps.repo.getSessions(sessionIds);
    const missing = sessionIds.find((_, i) => !found[i]);
    if (missing !== undefined) throw new UpfrontError('session-not-found', missing);
    const sessions = found as Session[];
    const installation = await deps.repo.installationId();
    const chunks = logChunks({ ...repositorySource(deps.repo), proofs: deps.proofs }, {
      format,
      sessions,
      exportedAt: deps.now(),
      installation,
      filter,
      onProgress: throttleProgress((done, total) => reply({ kind: 'progress', done, total })),
    });
    const blob = await logBlob(chunks, format);
    reply({ kind: 'file', blob });
  } catch (err) {
    if (err instanceof UpfrontError) reply({ kind: 'error', code: err.code, detail: err.message.slice(0, 2000) });
    else reply({ kind: 'error', code: 'internal', detail: (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000) });
  }
}

/**
 * Serves log file requests that extension pages post to the service worker with a reply port.
 * Only same-origin clients (the extension's own pages) can reach a service worker this way; the
 * request is still checked with zod. Messages without a port are not for this.
 */
export function serveLogFiles(scope: { addEventListener(type: 'message', listener: (event: FileRequestEvent) => void): void }, deps: LogFileDeps, ready: Promise<unknown> = Promise.resolve()): void {
  scope.addEventListener('message', (event) => {
    const port = event.ports[0];
    if (!port) return;
    const done = ready.then(() => answerLogFile(event.data, (m) => port.postMessage(m), deps));
    event.waitUntil?.(done);
  });
}
