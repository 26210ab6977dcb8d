import { Action, Item } from '../schema/session';
import { z } from '../zod';
import { ReasonKey } from './types';

export const REPORT_FORMAT = 'upfront-returns-report';
export const REPORT_VERSION = 1;

const Units = z.number().int().nonnegative();
const Reasons = z.partialRecord(ReasonKey, Units);

/**
 * The returns report (`npm run returns-report`, lib/returns/report.ts): which show each order
 * line was bought in, what the host had disclosed about the product before the order, and
 * return counts by product and show. The JSON Schema in docs/schema/returns-report.schema.json
 * is generated from this (npm run docs); docs/returns-loop.md explains the fields.
 */
export const ReturnsReport = z
  .object({
    format: z.literal(REPORT_FORMAT),
    version: z.literal(REPORT_VERSION),
    /** Orders placed up to this long after a show ended counted for it. */
    graceMs: Units,
    totals: z
      .object({
        orderLines: Units,
        matched: Units,
        unmatched: Units,
        cancelled: Units,
        orderedUnits: Units,
        returnedUnits: Units,
        /** Return lines whose order line was not among the orders given. */
        orphanReturns: Units,
      })
      .strict(),
    /** By the card's SKU (variant SKUs counted under it), matched lines only. */
    products: z.array(z.object({ sku: z.string(), ordered: Units, returned: Units, reasons: Reasons }).strict()),
    sessions: z.array(z.object({ sessionId: z.string(), host: z.string(), ordered: Units, returned: Units }).strict()),
    unmatched: z.array(
      z
        .object({
          file: z.string(),
          /** The spreadsheet row (header is row 1), when the parser knew it. */
          row: z.number().int().positive().optional(),
          orderId: z.string(),
          sku: z.string(),
          why: z.enum(['no-show', 'no-such-sku', 'several-shows']),
          sessionIds: z.array(z.string()).optional(),
        })
        .strict(),
    ),
    matches: z.array(
      z
        .object({
          orderId: z.string(),
          /** The order line's SKU as the file wrote it, and the card SKU it counts under. */
          sku: z.string(),
          cardSku: z.string(),
          sessionId: z.string(),
          orderedAt: z.iso.datetime(),
          /** Order time into the stream. */
          offsetMs: z.number().int(),
          quantity: Units,
          returned: Units,
          reasons: Reasons,
          mustSay: z.enum(['said', 'skipped', 'not-reached', 'none']),
          disclosedBefore: z.array(
            z.object({ item: Item, action: Action, seq: z.number().int().positive(), offsetMs: z.number().int(), cardHash: z.string() }).strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ title: 'Upfront returns report', description: 'Order lines attached to the shows they were bought in, with what was disclosed before each order. See docs/returns-loop.md.' });
export type ReturnsReport = z.infer<typeof ReturnsReport>;

/** The schema file's exact text, for scripts/gen-docs.ts and its test. */
export function returnsReportJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(ReturnsReport, { target: 'draft-2020-12', io: 'input' }), null, 2)}\n`;
}
