import { SegmentJournal, type SegmentFolder, type SegmentHandle } from '@/lib/safety/segment-journal';
import { SegmentRequest, type SegmentReply } from '@/lib/safety/segment-protocol';

// Wiring only: the journal's writer in a dedicated worker (lib/safety/segment-journal.ts).
export default defineUnlistedScript(() => {
  interface SyncFile {
    createSyncAccessHandle(): Promise<SegmentHandle>;
  }
  interface Dir {
    getFileHandle(name: string, options?: { create?: boolean }): Promise<SyncFile>;
    getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<Dir>;
    keys(): AsyncIterable<string>;
    removeEntry(name: string): Promise<void>;
  }
  const dir = (navigator.storage.getDirectory() as unknown as Promise<Dir>).then((root) => root.getDirectoryHandle('journal', { create: true }));
  const folder: SegmentFolder = {
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
  const journal = new SegmentJournal(folder);
  const post = (reply: SegmentReply) => self.postMessage(reply);
  let queue: Promise<void> = Promise.resolve();
  const serve = async (req: SegmentRequest) => {
    try {
      if (req.op === 'append') {
        await journal.append(req.text);
        post({ id: req.id, ok: true });
        // After the answer, not before it: the next segment is made while there is time and room.
        await journal.keepSpare().catch(() => undefined);
      } else post({ id: req.id, ok: true, segments: await journal.readAll() });
    } catch (err) {
      const e = err as { name?: unknown; message?: unknown };
      post({ id: req.id, ok: false, name: String(e?.name ?? 'Error'), message: String(e?.message ?? err) });
    }
  };
  self.onmessage = (e: MessageEvent<unknown>) => {
    const req = SegmentRequest.safeParse(e.data);
    if (req.success) queue = queue.then(() => serve(req.data));
  };
  // Opened at once, so the first click does not wait for the segment to be found or made.
  void journal.start().catch((err) => console.error('Upfront: the journal segment did not open', err));
});
