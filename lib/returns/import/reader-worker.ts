import { importPayload, type OrdersImport } from '../line-columns';
import { narrowTo, parseOrderTable, readOrderTable, type ParsedOrders } from './index';
import { previewOf } from './preview';
import { ReaderRequest, type MessageEnd, type ReaderReply } from './reader-protocol';

/**
 * Reads one order file for the studio, off its main thread (entrypoints/order-reader.ts starts
 * one worker per chosen file, so several files are read at once). It keeps the file's table
 * (personal columns already dropped; the bytes only while they are parsed) to read it again with
 * other options, and the last read's lines until the studio stores them: the page gets only the
 * preview, and the lines in columns when the person confirms (./reader-protocol.ts).
 * `pause`: how to let a page breathe between chunks (null in a worker, which has no page).
 */
export function serveOrderReading(scope: MessageEnd, pause: (() => Promise<void>) | null = null): void {
  const post = (reply: ReaderReply) => scope.postMessage(reply);
  let name = '';
  let table: ReturnType<typeof readOrderTable> | undefined;
  type Last = { read: number; result?: ParsedOrders; payload?: OrdersImport };
  let last: Last | undefined;
  let queue: Promise<void> = Promise.resolve();

  const readTable = async (id: number, file: { name: string; blob: Blob }, layouts: Parameters<typeof narrowTo>[0]) => {
    name = file.name;
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    return readOrderTable({ name, bytes }, (fraction) => post({ id, kind: 'progress', fraction }), narrowTo(layouts), pause);
  };

  const serve = async (req: ReaderRequest) => {
    try {
      if (req.kind === 'read') {
        if (req.file && !table) table = readTable(req.id, req.file, req.options.layouts);
        if (!table) throw new Error('no file to read');
        const read = await table;
        if (!read.ok) {
          last = { read: req.id };
          return post({ id: req.id, kind: 'read', result: { ok: false, issues: read.issues } });
        }
        const result = parseOrderTable(read.table, name, req.options);
        const now: Last = { read: req.id, ...(result.ok ? { result } : {}) };
        last = now;
        post({ id: req.id, kind: 'read', result: previewOf(result) });
        // The columns are made while the person reads the preview (unless another read comes first).
        if (result.ok) queue = queue.then(() => void (last === now && (now.payload ??= importPayload(result))));
        return;
      }
      // Only the lines the person saw previewed are sent: a read asked for since is not them.
      if (!last?.result || last.read !== req.read) throw new Error('the lines asked for are not the last read');
      post({ id: req.id, kind: 'lines', payload: (last.payload ??= importPayload(last.result)) });
    } catch (err) {
      post({ id: req.id, kind: 'error', detail: err instanceof Error ? err.message : String(err) });
    }
  };

  scope.onmessage = (event) => {
    const req = ReaderRequest.safeParse(event.data);
    if (req.success) queue = queue.then(() => serve(req.data));
    else post({ id: 0, kind: 'error', detail: req.error.message.slice(0, 2000) });
  };
}
