import type { PortLike } from '../messaging/port';
import type { SegmentText } from './segment-journal';
import { SegmentReply, type SegmentRequest } from './segment-protocol';

/** Where the journal's records go: the in-place writer in a dedicated worker, reached over a port. */
export interface SegmentSink {
  append(text: string): Promise<void>;
  read(): Promise<SegmentText[]>;
  warm?(): Promise<void>;
}

type Pending = { resolve: (reply: SegmentReply & { ok: true }) => void; reject: (err: Error) => void };

/** An error as the writer named it, so storageFault tells a full disk from the rest. */
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

/**
 * The background's end of the journal's writer. `open` makes the port (in Chromium: an offscreen
 * document that hosts the worker, ./offscreen-journal.ts); a port that goes away fails whatever
 * was waiting on it, and the next request opens a new one.
 */
export class SegmentLink implements SegmentSink {
  private port: Promise<PortLike> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly open: () => Promise<PortLike>) {}

  async append(text: string): Promise<void> {
    await this.request({ op: 'append', text });
  }

  /** Opens the writer ahead of the first click (a restarted service worker otherwise pays it then). */
  async warm(): Promise<void> {
    await this.connect();
  }

  async read(): Promise<SegmentText[]> {
    return (await this.request({ op: 'read' })).segments ?? [];
  }

  private connect(): Promise<PortLike> {
    return (this.port ??= this.open().then(
      (port) => {
        port.onMessage.addListener((message) => {
          const reply = SegmentReply.safeParse(message);
          if (!reply.success) return;
          const waiting = this.pending.get(reply.data.id);
          this.pending.delete(reply.data.id);
          if (!waiting) return;
          if (reply.data.ok) waiting.resolve(reply.data);
          else waiting.reject(named(reply.data.name, reply.data.message));
        });
        port.onDisconnect.addListener(() => this.lost(port));
        return port;
      },
      (err) => {
        this.port = undefined;
        throw err;
      },
    ));
  }

  private lost(port: PortLike): void {
    void this.port?.then((current) => {
      if (current === port) this.port = undefined;
    });
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(named('AbortError', "the journal's writer went away before it answered"));
    }
  }

  private async request(body: { op: 'append'; text: string } | { op: 'read' }): Promise<SegmentReply & { ok: true }> {
    const port = await this.connect();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      port.postMessage({ id, ...body } satisfies SegmentRequest);
    });
  }
}
