/**
 * Responses of the returns loop's requests (issue 17). Type-only, like ./types.ts, which merges
 * them into its Responses map; the payload schemas are in ./returns-protocol.ts.
 */
import type { OrdersImportResult } from '../db/orders';
import type { OrderLayout } from '../returns/types';

export interface ReturnsResponses {
  /** Writes one parsed file's lines (and the layout it was read with), all or nothing. */
  'orders.import': OrdersImportResult;
  /** How many order lines and returns are stored. */
  'orders.counts': { orders: number; returns: number };
  /** Remembered column mappings, for parseOrderFile's `layouts`. */
  'orders.layouts': OrderLayout[];
  'orders.layout.save': OrderLayout;
}
