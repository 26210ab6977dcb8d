import type { OrderStore } from '../db/orders';
import { UpfrontError } from '../errors';
import type { Change } from '../messaging/types';
import { importedLines, OrdersImport } from '../returns/line-columns';
import { OrderLayout } from '../returns/types';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/**
 * The shop's order lines and returns (issue 17), read from its export files in the studio and
 * sent in columns (lib/returns/line-columns.ts), checked with the same field schemas the
 * database's records follow, strictly (an extra column such as a buyer's name is refused, not
 * dropped); each line's key is made here from its fields, so a line can only ever replace the
 * same line.
 */
export const orderRequests = {
  // Writes one parsed file's lines (and the layout it was read with), all or nothing.
  'orders.import': OrdersImport,
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
      const result = await s().importLines({ ...importedLines(p), ...(p.layout ? { layout: p.layout } : {}) });
      const wrote = result.orders.added + result.orders.updated + result.returns.added + result.returns.updated > 0;
      return wrote ? changed(result, { scope: 'orders' }) : result;
    },
    'orders.counts': () => s().counts(),
    'orders.layouts': () => s().listLayouts(),
    'orders.layout.save': ({ layout }) => s().saveLayout(layout),
  } satisfies HandlersFor<typeof orderRequests>;
}

export type OrderResponses = ResponsesOf<ReturnType<typeof orderHandlers>>;
