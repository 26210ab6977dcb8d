import { yieldToPage } from '../../import/csv';
import type { OrdersImport } from '../line-columns';
import type { OrderLayout } from '../types';
import type { ReadResult } from './preview';
import { ReaderReplyEnvelope, type MessageEnd, type ReaderReply, type ReaderRequest } from './reader-protocol';
import { serveOrderReading } from './reader-worker';
import type { DateOrder } from './time';

export interface ReadOptions {
  timeZone: string;
  dateOrder?: DateOrder;
  layouts: OrderLayout[];
  now: number;
}

type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/** A worker the page started (a `Worker`), or the same reader run on the page. */
export type ReaderWorker = MessageEnd & { terminate(): void; onerror?: ((event: { message?: string }) => void) | null };

/**
 * One chosen order file, read where `worker` runs it (./reader-worker.ts): the studio's side.
 * `read` answers the preview, or undefined when a later read was asked meanwhile (its answer is
 * the one to show); `lines` the last read's lines, as `orders.import` takes them.
 */
export class OrderFileReading {
  private next = 1;
  private lastRead = 0;
  private readonly waiting = new Map<number, { resolve: (reply: ReaderReply) => void; reject: (err: Error) => void; progress?: (fraction: number) => void }>();

  constructor(
    private readonly worker: ReaderWorker,
    private file?: { name: string; blob: Blob },
  ) {
    worker.onmessage = (event) => {
      const envelope = ReaderReplyEnvelope.safeParse(event.data);
      if (!envelope.success) return;
      const reply = event.data as ReaderReply;
      const w = this.waiting.get(reply.id);
      if (!w) return;
      if (reply.kind === 'progress') return w.progress?.(reply.fraction);
      this.waiting.delete(reply.id);
      if (reply.kind === 'error') w.reject(new Error(reply.detail));
      else w.resolve(reply);
    };
    // A worker that failed to start or crashed answers nothing more: say so instead of waiting.
    worker.onerror = (event) => this.fail(new Error(event.message || 'the file reader stopped'));
  }

  private fail(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  private ask(request: WithoutId<ReaderRequest>, progress?: (fraction: number) => void): Promise<ReaderReply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, progress });
      this.worker.postMessage({ ...request, id });
    });
  }

  async read(options: ReadOptions, onProgress?: (fraction: number) => void): Promise<ReadResult | undefined> {
    const file = this.file;
    // The file goes once: the worker keeps its table for every later read.
    this.file = undefined;
    const id = this.next;
    this.lastRead = id;
    const reply = await this.ask({ kind: 'read', options, ...(file ? { file } : {}) }, onProgress);
    if (id !== this.lastRead || reply.kind !== 'read') return undefined;
    return reply.result;
  }

  async lines(): Promise<OrdersImport> {
    const reply = await this.ask({ kind: 'lines', read: this.lastRead });
    if (reply.kind !== 'lines') throw new Error(`unexpected ${reply.kind}`);
    return reply.payload;
  }

  close(): void {
    this.worker.terminate();
    this.fail(new Error('closed'));
  }
}

/**
 * The reader run on the page itself, as a worker would run it (where there are no workers, as in
 * component tests): messages are passed on a later task, by reference.
 */
export function readerOnPage(): ReaderWorker {
  let closed = false;
  const worker: ReaderWorker = {
    onmessage: null,
    postMessage: (message) => void Promise.resolve().then(() => !closed && scope.onmessage?.({ data: message })),
    terminate: () => void (closed = true),
  };
  const scope: MessageEnd = {
    onmessage: null,
    postMessage: (message) => void Promise.resolve().then(() => !closed && worker.onmessage?.({ data: message })),
  };
  serveOrderReading(scope, yieldToPage);
  return worker;
}
