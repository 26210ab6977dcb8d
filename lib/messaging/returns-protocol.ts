import { OrderLayout, OrderLine, ReturnLine } from '../returns/types';
import { z } from '../zod';
import type { ReturnsResponses } from './returns-types';

/** The most lines one import may carry (a file's rows are capped at 200,000 too). */
export const MAX_IMPORT_LINES = 200_000;

const orderKey = (l: OrderLine) => `${l.source}:${l.orderId}:${l.lineKey}`;
const returnKey = (l: ReturnLine) => `${l.source}:${l.orderId}:${l.lineKey}:${l.returnId ?? '-'}`;

/**
 * Payload schemas of the returns loop's requests (issue 17), merged into ./protocol.ts. Lines are
 * checked with the same schemas the database's records follow, strictly (an extra field such as a
 * buyer's name is refused, not stripped), and each key must be the one its fields make, so a
 * line can only ever replace the same line.
 */
export const returnsRequestSchemas = {
  'orders.import': z
    .object({
      orders: z.array(OrderLine.strict()).max(MAX_IMPORT_LINES),
      returns: z.array(ReturnLine.strict()).max(MAX_IMPORT_LINES),
      layout: OrderLayout.strict().optional(),
    })
    .strict()
    .refine((p) => p.orders.every((l) => l.key === orderKey(l)), { message: 'an order line key is not source:orderId:lineKey', path: ['orders'] })
    .refine((p) => p.returns.every((l) => l.key === returnKey(l)), { message: 'a return key is not source:orderId:lineKey:returnId', path: ['returns'] }),
  'orders.counts': z.object({}).strict(),
  'orders.layouts': z.object({}).strict(),
  'orders.layout.save': z.object({ layout: OrderLayout.strict() }).strict(),
} satisfies Record<keyof ReturnsResponses, z.ZodType>;
