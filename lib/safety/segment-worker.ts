import { SegmentJournal, type SegmentFolder, type SegmentHandle } from './segment-journal';
import { SegmentRequest, type SegmentReply } from './segment-protocol';

interface SyncFile {
  createSyncAccessHandle(): Promise<SegmentHandle>;
}
interface Dir {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<SyncFile>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<Dir>;
  keys(): AsyncIterable<string>;
  removeEntry(name: string): Promise<void>;
}

/** The journal's folder in the Origin Private File System, as a dedicated worker opens it (synchronous handles). */
export function opfsSegmentFolder(folderName = 'journal'): SegmentFolder {
  const dir = (navigator.storage.getDirectory() as unknown as Promise<Dir>).then((root) => root.getDirectoryHandle(folderName, { create: true }));
  return {
    async names() {
      const names: string[] = [];
      for await (const name of (await dir).keys()) names.push(name);
      return names;
    },
    async open(name, create) {
      const file = await (await dir).getFileHandle(name, { create });
      // A worker of an offscreen document just closed may hold the handle for a moment longer.
      for (let tries = 0; ; tries++) {
        try {
          return await file.createSyncAccessHandle();
        } catch (err) {
          if (!(err instanceof DOMException && err.name === 'NoModificationAllowedError') || tries >= 50) throw err;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    remove: async (name) => (await dir).removeEntry(name),
  };
}

/** The part of a worker's global scope this needs. */
export interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

/**
 * Answers the background's requests (checked with zod) one at a time, in order: an append is
 * acknowledged once flushed; the next segment is made after the answer, not before it.
 */
export function serveSegments(scope: WorkerScope, journal: SegmentJournal): void {
  const post = (reply: SegmentReply) => scope.postMessage(reply);
  let queue: Promise<void> = Promise.resolve();
  const serve = async (req: SegmentRequest) => {
    try {
      if (req.op === 'append') {
        await journal.append(req.text);
        post({ id: req.id, ok: true });
        await journal.keepSpare().catch(() => undefined);
      } else post({ id: req.id, ok: true, segments: await journal.readAll() });
    } catch (err) {
      const e = err as { name?: unknown; message?: unknown } | undefined;
      post({ id: req.id, ok: false, name: String(e?.name ?? 'Error'), message: String(e?.message ?? err) });
    }
  };
  scope.onmessage = (e) => {
    const req = SegmentRequest.safeParse(e.data);
    if (req.success) queue = queue.then(() => serve(req.data));
  };
  // Opened at once, so the first click does not wait for the segment to be found or made.
  void journal.start().catch((err) => console.error('Upfront: the journal segment did not open', err));
}
