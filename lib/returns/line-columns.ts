import { z } from '../zod';
import { OrderLayout, OrderLine, ReturnLine } from './types';

/**
 * How a file's lines travel from the studio to the background (`orders.import`): in columns,
 * not one object per line. Runtime messaging carries JSON, and 100,000 line objects (every field
 * name written 100,000 times) cost the studio more to send, and the background more to parse and
 * check one by one, than storing them did (bench/README.md, orders). A batch holds the fields
 * every line of a file shares once (source, file name, time zone, import time), every other
 * field as an array with one value per line (`null` where an optional field is absent), and no
 * key: the background makes each line's key from its fields, so a line can only ever replace
 * the same line. The columns are checked with the line schemas' own field schemas, strictly: an
 * extra column (a buyer's name) is refused, not dropped.
 */

/** The most lines one import may carry (a file's rows are capped at 200,000 too). */
export const MAX_IMPORT_LINES = 200_000;
/** A parsed file makes one batch of each kind; lines from several files could make a few. */
const MAX_BATCHES = 100;

/** Fields every line of one file shares: sent once per batch. */
const BATCH_FIELDS = ['source', 'fileName', 'timeZone', 'importedAt'] as const;
type BatchField = (typeof BATCH_FIELDS)[number];
const isBatchField = (name: string): name is BatchField => (BATCH_FIELDS as readonly string[]).includes(name);

type RequiredKeys<L> = { [K in keyof L]-?: undefined extends L[K] ? never : K }[keyof L];
type OptionalKeys<L> = Exclude<keyof L, RequiredKeys<L>>;

/** A batch of lines of type L: the shared fields once, the key left out, every other field a column. */
export type LineColumns<L> = Pick<L, BatchField & keyof L> & { [K in Exclude<RequiredKeys<L>, 'key' | BatchField>]: L[K][] } & {
  [K in Exclude<OptionalKeys<L>, BatchField>]?: (Exclude<L[K], undefined> | null)[];
};

export const orderKey = (l: Pick<OrderLine, 'source' | 'orderId' | 'lineKey'>) => `${l.source}:${l.orderId}:${l.lineKey}`;
export const returnKey = (l: Pick<ReturnLine, 'source' | 'orderId' | 'lineKey' | 'returnId'>) => `${l.source}:${l.orderId}:${l.lineKey}:${l.returnId ?? '-'}`;

/** The columns' schema, made from the line schema's fields (so the two cannot drift apart). */
function columnsSchema<L>(line: z.ZodObject, description: string): z.ZodType<LineColumns<L>> {
  const shape: Record<string, z.ZodType> = {};
  const columns: string[] = [];
  for (const [name, field] of Object.entries(line.shape as Record<string, z.ZodType>)) {
    if (name === 'key') continue;
    if (isBatchField(name)) shape[name] = field;
    else {
      columns.push(name);
      shape[name] = field instanceof z.ZodOptional ? z.array((field.unwrap() as z.ZodType).nullable()).max(MAX_IMPORT_LINES).optional() : z.array(field).max(MAX_IMPORT_LINES);
    }
  }
  return z
    .object(shape)
    .strict()
    .refine(
      (batch: Record<string, unknown>) => {
        const lengths = new Set(columns.flatMap((c) => (Array.isArray(batch[c]) ? [(batch[c] as unknown[]).length] : [])));
        return lengths.size <= 1;
      },
      { message: 'the columns of a batch are not all as long' },
    )
    .describe(description) as unknown as z.ZodType<LineColumns<L>>;
}

export const OrderColumns = columnsSchema<OrderLine>(OrderLine, 'Order lines of one file, in columns (orders.import): the key is made from source:orderId:lineKey');
export type OrderColumns = LineColumns<OrderLine>;
export const ReturnColumns = columnsSchema<ReturnLine>(ReturnLine, 'Returns of one file, in columns (orders.import): the key is made from source:orderId:lineKey:returnId');
export type ReturnColumns = LineColumns<ReturnLine>;

const total = (batches: readonly { orderId: readonly unknown[] }[]) => batches.reduce((n, b) => n + b.orderId.length, 0);

/** The payload of `orders.import`: one parsed file's lines and the layout it was read with. */
export const OrdersImport = z
  .object({
    orders: z.array(OrderColumns).max(MAX_BATCHES),
    returns: z.array(ReturnColumns).max(MAX_BATCHES),
    layout: OrderLayout.strict().optional(),
  })
  .strict()
  .refine((p) => total(p.orders) <= MAX_IMPORT_LINES && total(p.returns) <= MAX_IMPORT_LINES, { message: `more than ${MAX_IMPORT_LINES} lines` })
  .describe("The payload of orders.import: a file's order lines and returns in columns, and the column layout it was read with");
export type OrdersImport = z.infer<typeof OrdersImport>;

/** Lines in batches of columns: one batch per set of shared fields (a parsed file: one). */
function toColumns<L extends object>(lines: readonly L[], fields: readonly string[]): LineColumns<L>[] {
  const groups = new Map<string, L[]>();
  for (const line of lines) {
    const l = line as Record<string, unknown>;
    const id = JSON.stringify(BATCH_FIELDS.map((f) => l[f]));
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(line);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Record<string, unknown>;
    const batch: Record<string, unknown> = {};
    for (const f of BATCH_FIELDS) batch[f] = first[f];
    for (const name of fields) {
      if (name === 'key' || isBatchField(name)) continue;
      const column = group.map((l) => (l as Record<string, unknown>)[name] ?? null);
      // An optional field no line has is left out (a required one is never null).
      if (column.some((v) => v !== null)) batch[name] = column;
    }
    return batch as LineColumns<L>;
  });
}

/** Columns back into lines, each with the key its fields make, absent optional fields left out. */
function fromColumns<L>(batch: LineColumns<L>, key: (line: L) => string): L[] {
  const b = batch as unknown as Record<string, unknown>;
  const names = Object.keys(b).filter((name) => !isBatchField(name));
  const columns = names.map((name) => b[name] as unknown[]);
  const n = columns[0]?.length ?? 0;
  const out: L[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const line: Record<string, unknown> = { key: '', source: b.source, fileName: b.fileName, timeZone: b.timeZone, importedAt: b.importedAt };
    for (let c = 0; c < names.length; c++) {
      const v = columns[c][i];
      if (v !== null && v !== undefined) line[names[c]] = v;
    }
    line.key = key(line as L);
    out[i] = line as L;
  }
  return out;
}

const ORDER_FIELDS = Object.keys(OrderLine.shape);
const RETURN_FIELDS = Object.keys(ReturnLine.shape);

/** The request the studio sends for one parsed file. */
export function importPayload(input: { orders: readonly OrderLine[]; returns: readonly ReturnLine[]; layout?: OrderLayout }): OrdersImport {
  return {
    orders: toColumns(input.orders, ORDER_FIELDS),
    returns: toColumns(input.returns, RETURN_FIELDS),
    ...(input.layout ? { layout: input.layout } : {}),
  };
}

/** The lines a checked payload carries, keyed. */
export function importedLines(payload: OrdersImport): { orders: OrderLine[]; returns: ReturnLine[] } {
  return {
    orders: payload.orders.flatMap((b) => fromColumns(b, orderKey)),
    returns: payload.returns.flatMap((b) => fromColumns(b, returnKey)),
  };
}
