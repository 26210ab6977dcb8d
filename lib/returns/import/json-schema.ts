import { z } from '../../zod';
import { OrdersImport } from '../line-columns';
import { OrderLayout, OrderLine, ReturnLine } from '../types';
import { TEMPLATE_COLUMNS } from './recipes';
import { TEMPLATE_HELP } from './template';

const REQUIRED = new Set(['order_id', 'sku', 'quantity', 'ordered_at']);

/** One row of Upfront's order template, as text cells (what a CSV holds), described column by column. */
export const TemplateRow = z
  .object(Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, (REQUIRED.has(c) ? z.string().min(1) : z.string().optional()).describe(TEMPLATE_HELP[c])])))
  .describe("A row of Upfront's order template (docs/order-formats.md)");

/**
 * docs/schema/orders.schema.json: the template's row, the records an import stores and the
 * `orders.import` payload that carries them (in columns), generated from the zod schemas the
 * background checks them with, so the docs cannot drift from the code.
 */
export function ordersJsonSchemaText(): string {
  const of = (schema: z.ZodType) => {
    const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
    return rest;
  };
  const doc = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://upfront.example/schema/orders.json',
    title: 'Upfront orders and returns',
    description: "Upfront's order template row, the order lines, returns and column layouts an import stores, and the orders.import payload that carries them in columns. See docs/order-formats.md.",
    $defs: { TemplateRow: of(TemplateRow), OrderLine: of(OrderLine), ReturnLine: of(ReturnLine), OrderLayout: of(OrderLayout), OrdersImport: of(OrdersImport) },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
