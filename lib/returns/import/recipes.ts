import type { MappedField, OrderFileFormat, OrderLayout, OrderSource } from '../types';

/**
 * How each known export is read: which header holds which field (the first header present
 * wins; for `sku`, the first non-empty cell of a row). An unknown layout read through a column
 * mapping is a recipe too (recipeOfLayout), so every file goes through one row reader (./rows.ts).
 */
export interface Recipe {
  format: OrderFileFormat;
  source: OrderSource;
  /** Headers that must all be present (any spelling listed) to recognise the format. */
  requires: (keyof RecipeColumns)[];
  columns: RecipeColumns;
  /** TikTok: row 2 describes the columns; skipped when its order id is not an id. */
  descriptionRow?: boolean;
  /** Shopify: an order's later line items leave the order's own fields blank. */
  carryForward?: boolean;
  /** What a row is: an order line, a return, or an order line that may carry its return. */
  rows: 'orders' | 'returns' | 'both';
}

export interface RecipeColumns {
  orderId?: string[];
  /** Candidates in order: the first non-empty cell of a row is the line's SKU. */
  sku?: string[];
  quantity?: string[];
  orderedAt?: string[];
  status?: string[];
  productName?: string[];
  returnedQuantity?: string[];
  returnId?: string[];
  returnReason?: string[];
  returnReasonCode?: string[];
  returnedAt?: string[];
  returnStatus?: string[];
}

export const norm = (header: string) => header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** Upfront's own template (docs/order-formats.md): one row per order line, its return beside it. */
export const TEMPLATE_COLUMNS = [
  'order_id',
  'sku',
  'quantity',
  'ordered_at',
  'status',
  'product_name',
  'returned_quantity',
  'return_reason',
  'return_reason_code',
  'returned_at',
  'return_id',
] as const;

export const RECIPES: Recipe[] = [
  {
    format: 'tiktok-returns',
    source: 'tiktok',
    requires: ['returnId', 'orderId', 'sku'],
    rows: 'returns',
    descriptionRow: true,
    columns: {
      returnId: ['Return Order ID', 'Return ID'],
      orderId: ['Order ID'],
      sku: ['Seller SKU', 'SKU ID'],
      quantity: ['Return Quantity', 'Quantity'],
      returnReason: ['Return Reason'],
      returnReasonCode: ['Return Reason Code'],
      returnedAt: ['Time Requested', 'Request Time', 'Created Time'],
      returnStatus: ['Return Status'],
      productName: ['Product Name', 'SKU Name'],
    },
  },
  {
    format: 'tiktok-orders',
    source: 'tiktok',
    requires: ['orderId', 'sku', 'quantity', 'orderedAt'],
    rows: 'orders',
    descriptionRow: true,
    columns: {
      orderId: ['Order ID'],
      sku: ['Seller SKU', 'SKU ID'],
      quantity: ['Quantity'],
      orderedAt: ['Created Time'],
      status: ['Order Status'],
      productName: ['Product Name'],
      returnedQuantity: ['Sku Quantity of return'],
    },
  },
  {
    format: 'shopify-orders',
    source: 'shopify',
    requires: ['orderId', 'sku', 'quantity', 'orderedAt'],
    rows: 'orders',
    carryForward: true,
    columns: {
      orderId: ['Name'],
      sku: ['Lineitem sku'],
      quantity: ['Lineitem quantity'],
      orderedAt: ['Created at'],
      status: ['Financial Status'],
      productName: ['Lineitem name'],
    },
  },
  {
    format: 'douyin-orders',
    source: 'douyin',
    requires: ['orderId', 'sku', 'quantity', 'orderedAt'],
    rows: 'both',
    columns: {
      orderId: ['主订单编号'],
      sku: ['商家编码', '商品ID'],
      quantity: ['商品数量'],
      orderedAt: ['订单提交时间'],
      status: ['订单状态'],
      productName: ['选购商品'],
      // Not verified in a real 售后 export: read when present (docs/order-formats.md).
      returnReason: ['售后原因', '退款原因', '退货原因'],
      returnedAt: ['售后申请时间', '退款申请时间'],
      returnStatus: ['售后状态'],
    },
  },
  {
    format: 'upfront-template',
    source: 'upfront',
    requires: ['orderId', 'sku', 'quantity', 'orderedAt'],
    rows: 'both',
    columns: {
      orderId: ['order_id'],
      sku: ['sku'],
      quantity: ['quantity'],
      orderedAt: ['ordered_at'],
      status: ['status'],
      productName: ['product_name'],
      returnedQuantity: ['returned_quantity'],
      returnReason: ['return_reason'],
      returnReasonCode: ['return_reason_code'],
      returnedAt: ['returned_at'],
      returnId: ['return_id'],
    },
  },
];

/** The index of each recipe column in the table's headers (first spelling present), or -1. */
export function locate(recipe: Recipe, headers: string[]): Record<keyof RecipeColumns, number[]> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(norm(h))) index.set(norm(h), i);
  });
  const out = {} as Record<keyof RecipeColumns, number[]>;
  for (const [field, names] of Object.entries(recipe.columns) as [keyof RecipeColumns, string[] | undefined][]) {
    out[field] = (names ?? []).map((n) => index.get(norm(n))).filter((i): i is number => i !== undefined);
  }
  return out;
}

/** The headers a recipe reads, of those given. */
export function recipeHeaders(recipe: Recipe, headers: string[]): string[] {
  const wanted = new Set(Object.values(recipe.columns).flatMap((names) => (names ?? []).map(norm)));
  return headers.filter((h) => wanted.has(norm(h)));
}

/** The known format whose required columns are all present, if any. */
export function detectRecipe(headers: string[]): Recipe | undefined {
  return RECIPES.find((r) => {
    const at = locate(r, headers);
    return r.requires.every((f) => (at[f]?.length ?? 0) > 0);
  });
}

/** A layout's signature: its whole header row, normalised. */
export const layoutSignature = (allHeaders: string[]) => allHeaders.map(norm).join('|');

/** The recipe a remembered (or just chosen) column mapping stands for. */
export function recipeOfLayout(layout: OrderLayout): Recipe {
  const c = layout.columns;
  const one = (h: string | undefined) => (h ? [h] : undefined);
  const returnsOnly = !c.orderedAt;
  const columns: RecipeColumns = {
    orderId: one(c.orderId),
    sku: one(c.sku),
    quantity: one(c.quantity),
    orderedAt: one(c.orderedAt),
    status: returnsOnly ? undefined : one(c.status),
    returnStatus: returnsOnly ? one(c.status) : undefined,
    returnReason: one(c.returnReason),
    returnedAt: one(c.returnedAt),
  };
  // Every column the mapping names must be in the file.
  const requires = (Object.keys(columns) as (keyof RecipeColumns)[]).filter((k) => columns[k] !== undefined);
  return { format: 'mapped', source: layout.source, requires, rows: returnsOnly ? 'returns' : 'both', columns };
}

/** What a mapping needs before a file can be read with it. */
export function mappingProblems(columns: Partial<Record<MappedField, string>>): MappedField[] {
  const missing: MappedField[] = [];
  if (!columns.orderId) missing.push('orderId');
  if (!columns.sku) missing.push('sku');
  if (!columns.orderedAt && !columns.returnReason && !columns.returnedAt) missing.push('orderedAt');
  return missing;
}

const GUESSES: [MappedField, RegExp][] = [
  ['orderId', /order.?(id|no|number|#)|订单(编号|号)|注文番号|pedido/i],
  ['sku', /\bsku\b|商家编码|货号|seller.?code|品番/i],
  ['quantity', /qty|quantity|\bunits?\b|pcs|数量|件数|個数|cantidad/i],
  ['orderedAt', /(order|created|purchase).*(time|date|\bat\b)|placed|下单时间|订单.*时间|注文日/i],
  ['status', /status|状态|ステータス|estado/i],
  ['returnReason', /reason|原因|理由|motivo/i],
  ['returnedAt', /(return|refund|request).*(time|date|at)|退.*时间|申请时间/i],
];

/** A first guess at a mapping from the kept headers, for the mapping step to start from. */
export function suggestMapping(headers: string[]): Partial<Record<MappedField, string>> {
  const out: Partial<Record<MappedField, string>> = {};
  const used = new Set<string>();
  for (const [field, re] of GUESSES) {
    const h = headers.find((x) => re.test(x) && !used.has(x));
    if (h) {
      out[field] = h;
      used.add(h);
    }
  }
  return out;
}
