/**
 * The returns loop's data contract (issue 17): order lines and returns read from a shop's
 * export files, as stored in the background's database (tables `orderBuckets`, `returnBuckets`
 * holding many lines a record, and `orderLayouts`; lib/db/database.ts, lib/db/order-buckets.ts)
 * and as the matching and analysis read them.
 * Buyer personal data (names, addresses, phone numbers, usernames, messages) is never part of
 * these records: parsers read only the columns below.
 */
import { z } from '../zod';

/** The normalised return reasons (docs/order-formats.md, "Reasons"). */
export const ReasonKey = z.enum([
  'size_fit',
  'colour_look',
  'material_quality',
  'not_as_described',
  'damaged_defective',
  'changed_mind',
  'wrong_item',
  'late_not_received',
  'other',
]);
export type ReasonKey = z.infer<typeof ReasonKey>;

/** Which shop an order file comes from. `upfront` is Upfront's own simple template. */
export const OrderSource = z.enum(['tiktok', 'shopify', 'douyin', 'upfront']);
export type OrderSource = z.infer<typeof OrderSource>;

/** Which file layout a file was read as; `mapped` = an unknown layout read through a column mapping. */
export const OrderFileFormat = z.enum([
  'tiktok-orders',
  'tiktok-returns',
  'shopify-orders',
  'douyin-orders',
  'upfront-template',
  'mapped',
]);
export type OrderFileFormat = z.infer<typeof OrderFileFormat>;

/** One SKU line of one order. Keyed by source + order id + line, so a re-import adds nothing twice. */
export const OrderLine = z.object({
  /** `${source}:${orderId}:${lineKey}` */
  key: z.string().min(1),
  source: OrderSource,
  orderId: z.string().min(1),
  /** What tells this line apart within its order: the SKU (or SKU id), else the row's line number. */
  lineKey: z.string().min(1),
  /** The seller SKU as the file spells it (variant SKUs match their card's SKU stem). */
  sku: z.string(),
  quantity: z.number().int().positive(),
  /** Order (creation) time, UTC milliseconds, converted with the time zone chosen at import. */
  orderedAt: z.number().int(),
  /** The time as the file wrote it, kept for evidence. */
  orderedAtText: z.string(),
  /** The order's status as the file wrote it (e.g. "Completed", "Cancelled", 已完成). */
  status: z.string().optional(),
  /** Units the order file itself says were returned (TikTok's "Sku Quantity of return"), if any. */
  returnedQuantity: z.number().int().nonnegative().optional(),
  productName: z.string().optional(),
  fileName: z.string(),
  /** The spreadsheet row it was read from (the header is row 1), for "why unmatched" lists. */
  row: z.number().int().positive().optional(),
  timeZone: z.string(),
  importedAt: z.number().int(),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** One returned (or refund-requested) SKU line. */
export const ReturnLine = z.object({
  /** `${source}:${orderId}:${lineKey}:${returnId}` (returnId is "-" when the file has none). */
  key: z.string().min(1),
  source: OrderSource,
  orderId: z.string().min(1),
  lineKey: z.string().min(1),
  returnId: z.string().optional(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  reason: ReasonKey,
  /** The platform's code (TikTok `…item_is_too_small`, Shopify `SIZE_TOO_SMALL`) and/or its text. */
  reasonCode: z.string().optional(),
  reasonText: z.string().optional(),
  /** An ambiguous reason text (尺码拍错: size or changed mind?) put in `other` for a person to review. */
  needsReview: z.boolean().optional(),
  returnedAt: z.number().int().optional(),
  returnedAtText: z.string().optional(),
  status: z.string().optional(),
  fileName: z.string(),
  row: z.number().int().positive().optional(),
  timeZone: z.string(),
  importedAt: z.number().int(),
});
export type ReturnLine = z.infer<typeof ReturnLine>;

/** The fields a column mapping can point at (an unknown layout's mapping step). */
export const MappedField = z.enum(['orderId', 'sku', 'quantity', 'orderedAt', 'status', 'returnReason', 'returnedAt']);
export type MappedField = z.infer<typeof MappedField>;

/**
 * A column mapping remembered per file layout (the layout's signature: its header row).
 * `columns` names, per field, the file's header; fields a file does not have are left out
 * (a partial record: zod 4's record over an enum would demand every field).
 */
export const OrderLayout = z.object({
  signature: z.string().min(1).max(20_000),
  columns: z.partialRecord(MappedField, z.string().min(1).max(300)),
  source: OrderSource,
  dateOrder: z.enum(['DMY', 'MDY', 'YMD']).optional(),
  timeZone: z.string().optional(),
});
export type OrderLayout = z.infer<typeof OrderLayout>;

/*
 * Two functions join the halves of the loop (the CLI `npm run returns-report` calls both):
 *
 *   lib/returns/import/index.ts
 *     parseOrderFile(file: { name: string; bytes: Uint8Array },
 *                    options: { timeZone: string; dateOrder?: 'DMY' | 'MDY' | 'YMD';
 *                               layouts?: OrderLayout[]; now: number })
 *       : Promise<{ ok: true; format: OrderFileFormat; orders: OrderLine[]; returns: ReturnLine[] }
 *               | { ok: false; issues: ImportIssue[] }>           (lib/import/types.ts ImportIssue)
 *
 *   lib/returns/report.ts
 *     buildReport(input: { sessions: Session[]; events: DisclosureEvent[]; snapshots: Snapshot[];
 *                          decks/cards as the log file carries them;
 *                          orders: OrderLine[]; returns: ReturnLine[]; graceMs?: number })
 *       : ReturnsReport                                             (zod schema beside it)
 */

/** What one import did to one table: lines new to it, lines it had with other values, lines it had as they are. */
export interface LineCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** What one order-file import wrote (orders.import). */
export interface OrdersImportResult {
  orders: LineCounts;
  returns: LineCounts;
}
