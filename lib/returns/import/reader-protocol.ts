import type { OrdersImport } from '../line-columns';
import { OrderLayout } from '../types';
import { z } from '../../zod';
import type { ReadResult } from './preview';

/**
 * The studio and the worker that reads one order file (lib/returns/import/reader-worker.ts).
 * `read`: the first one carries the file, every one the options to read its lines with (a new
 * zone, date order or mapping reads the kept table again); answered with `progress` while the
 * file's bytes are parsed, then `read`. `lines`: the last read's lines as `orders.import` sends
 * them (lib/returns/line-columns.ts). Requests are answered one at a time, in order.
 */
export const ReaderRequest = z.discriminatedUnion('kind', [
  z
    .object({
      id: z.number().int().positive(),
      kind: z.literal('read'),
      file: z.object({ name: z.string().max(1000), blob: z.instanceof(Blob) }).optional(),
      options: z
        .object({
          timeZone: z.string().min(1).max(100),
          dateOrder: z.enum(['DMY', 'MDY', 'YMD']).optional(),
          layouts: z.array(OrderLayout).max(1000),
          now: z.number().int(),
        })
        .strict(),
    })
    .strict(),
  z.object({ id: z.number().int().positive(), kind: z.literal('lines'), read: z.number().int().positive() }).strict(),
]);
export type ReaderRequest = z.infer<typeof ReaderRequest>;

export type ReaderReply =
  | { id: number; kind: 'progress'; fraction: number }
  | { id: number; kind: 'read'; result: ReadResult }
  | { id: number; kind: 'lines'; payload: OrdersImport }
  | { id: number; kind: 'error'; detail: string };

/** The worker is Upfront's own, started by the page: its replies are checked for their envelope (the lines are checked by the background). */
export const ReaderReplyEnvelope = z.object({ id: z.number().int(), kind: z.enum(['progress', 'read', 'lines', 'error']) });

/** The part of a worker (or of its global scope) either side uses. */
export interface MessageEnd {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}
