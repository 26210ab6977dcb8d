import { UpfrontError } from '../errors';
import type { Input, RequestType, Responses } from '../contracts';
import type { Reply } from './types';

export type { Input };
export type Send = (message: { type: RequestType; payload: unknown }) => Promise<unknown>;

/**
 * How extension pages (sidebar, studio) ask the background for anything. Failures surface as
 * UpfrontError with an i18n code, so the UI can say what went wrong.
 */
export function createClient(send: Send) {
  return async function call<T extends RequestType>(type: T, payload: Input<T>): Promise<Responses[T]> {
    let reply: Reply<Responses[T]> | undefined;
    try {
      reply = (await send({ type, payload })) as Reply<Responses[T]> | undefined;
    } catch (err) {
      throw new UpfrontError('background-unreachable', err instanceof Error ? err.message : String(err));
    }
    if (!reply || typeof reply !== 'object') throw new UpfrontError('background-unreachable', 'no reply');
    if (!reply.ok) throw new UpfrontError(reply.code, reply.detail);
    return reply.data;
  };
}

export type Client = ReturnType<typeof createClient>;
