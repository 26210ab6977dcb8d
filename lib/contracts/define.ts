import type { Sender } from '../background/sender';
import type { z } from '../zod';

/** A domain's requests: each request's name and the zod schema its payload must pass. */
export type RequestSchemas = Record<string, z.ZodType>;

/** A domain's handlers: one per request, given the payload as its schema parsed it and who sent it. */
export type HandlersFor<S extends RequestSchemas> = { [K in keyof S]: (payload: z.output<S[K]>, sender: Sender) => Promise<unknown> };

/** What each request answers, read off the handlers that answer it (never written out twice). */
export type ResponsesOf<H> = { [K in keyof H]: H[K] extends (...args: never[]) => Promise<infer R> ? R : never };
