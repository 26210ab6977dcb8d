import type { OrderStore } from '../db/orders';
import { UpfrontError } from '../errors';
import type { Change } from '../messaging/types';
import { OrderLayout, OrderLine, ReturnLine } from '../returns/types';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/** The most lines one import may carry (a file's rows are capped at 200,000 too). */
export const MAX_IMPORT_LINES = 200_000;

const orderKey = (l: OrderLine) => `${l.source}:${l.orderId}:${l.lineKey}`;
const returnKey = (l: ReturnLine) => `${l.source}:${l.orderId}:${l.lineKey}:${l.returnId ?? '-'}`;

/**
 * The shop's order lines and returns (issue 17), read from its export files in the studio. Lines
 * are checked with the same schemas the database's records follow, strictly (an extra field such
 * as a buyer's name is refused, not stripped), and each key must be the one its fields make, so a
 * line can only ever replace the same line.
 */
export const orderRequests = {
  // Writes one parsed file's lines (and the layout it was read with), all or nothing.
  'orders.import': z
    .object({
      orders: z.array(OrderLine.strict()).max(MAX_IMPORT_LINES),
      returns: z.array(ReturnLine.strict()).max(MAX_IMPORT_LINES),
      layout: OrderLayout.strict().optional(),
    })
    .strict()
    .refine((p) => p.orders.every((l) => l.key === orderKey(l)), { message: 'an order line key is not source:orderId:lineKey', path: ['orders'] })
    .refine((p) => p.returns.every((l) => l.key === returnKey(l)), { message: 'a return key is not source:orderId:lineKey:returnId', path: ['returns'] }),
  // How many order lines and returns are stored.
  'orders.counts': z.object({}).strict(),
  // Remembered column mappings, for parseOrderFile's `layouts`.
  'orders.layouts': z.object({}).strict(),
  'orders.layout.save': z.object({ layout: OrderLayout.strict() }).strict(),
};

/** An import that changed anything tells open pages (push scope 'orders'). */
export function orderHandlers(store: OrderStore | undefined, changed: <T>(value: T, change: Change) => T) {
  const s = () => {
    if (!store) throw new UpfrontError('internal', 'order store not wired');
    return store;
  };
  return {
    'orders.import': async (p) => {
      const result = await s().importLines(p);
      const wrote = result.orders.added + result.orders.updated + result.returns.added + result.returns.updated > 0;
      return wrote ? changed(result, { scope: 'orders' }) : result;
    },
    'orders.counts': () => s().counts(),
    'orders.layouts': () => s().listLayouts(),
    'orders.layout.save': ({ layout }) => s().saveLayout(layout),
  } satisfies HandlersFor<typeof orderRequests>;
}

export type OrderResponses = ResponsesOf<ReturnType<typeof orderHandlers>>;
