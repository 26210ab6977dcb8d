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
 * How long a request may wait for the writer's answer. A writer that never answers (its worker
 * failed to start, or hung) must not hang the database's opening, which reads the journal
 * before any request is answered, nor a host's click: past this it is given up and replaced.
 */
export const WRITER_ANSWER_MS = 15_000;

/**
 * The background's end of the journal's writer. `open` makes the port (in Chromium: an offscreen
 * document that hosts the worker, ./offscreen-journal.ts); a port that goes away, or does not
 * answer within WRITER_ANSWER_MS, fails whatever was waiting on it, and the next request opens
 * a new one.
 */
export class SegmentLink implements SegmentSink {
  private port: Promise<PortLike> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly open: () => Promise<PortLike>,
    private readonly answerWithinMs = WRITER_ANSWER_MS,
  ) {}

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

  private lost(port: PortLike, why = "the journal's writer went away before it answered"): void {
    void this.port?.then((current) => {
      if (current === port) this.port = undefined;
    });
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(named('AbortError', why));
    }
  }

  private async request(body: { op: 'append'; text: string } | { op: 'read' }): Promise<SegmentReply & { ok: true }> {
    const port = await this.connect();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.lost(port, "the journal's writer did not answer"), this.answerWithinMs);
      const settle = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => {
        clearTimeout(timer);
        f(...a);
      };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      port.postMessage({ id, ...body } satisfies SegmentRequest);
    });
  }
}
