import type { Change } from '../messaging/types';
import type { OrderStore } from '../db/orders';
import { UpfrontError } from '../errors';
import type { returnsRequestSchemas } from '../messaging/returns-protocol';
import type { ReturnsResponses } from '../messaging/returns-types';

type Payload<T extends keyof ReturnsResponses> = (typeof returnsRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof ReturnsResponses]: (payload: Payload<T>) => Promise<ReturnsResponses[T]> };

/**
 * The returns loop's requests (issue 17), merged into the background service. Payloads arrive
 * parsed by ../messaging/returns-protocol.ts; an import that changed anything tells open pages.
 */
export function returnsHandlers(store: OrderStore | undefined, changed: <T>(value: T, change: Change) => T): Handlers {
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
  };
}
