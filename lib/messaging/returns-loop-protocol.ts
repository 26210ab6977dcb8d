import { Id } from '../schema/common';
import { z } from '../zod';
import type { ReturnsLoopResponses } from './returns-loop-types';

/** How long after a show its orders still count: up to a day (lib/returns/match.ts). */
const GraceMs = z.number().int().min(0).max(24 * 3_600_000).optional();
const OrderId = z.string().trim().min(1).max(100);

/** Payload schemas of the returns loop's requests, merged into ./protocol.ts. */
export const returnsLoopRequestSchemas = {
  // Several ids at once: an after-sales person pastes a column of them.
  'returns.lookup': z.object({ orderIds: z.array(OrderId).min(1).max(200), graceMs: GraceMs }).strict(),
  'returns.pack': z.object({ key: z.string().min(1).max(400), graceMs: GraceMs }).strict(),
  'returns.analysis': z
    .object({
      filter: z
        .object({ from: z.number().int().optional(), to: z.number().int().optional(), deckIds: z.array(Id).max(1000).optional() })
        .strict()
        .default({}),
      graceMs: GraceMs,
    })
    .strict(),
  'returns.unmatched': z.object({ graceMs: GraceMs, limit: z.number().int().min(1).max(10_000).default(1000) }).strict(),
  'returns.feedback': z.object({ deckId: Id, graceMs: GraceMs }).strict(),
} satisfies Record<keyof ReturnsLoopResponses, z.ZodType>;
