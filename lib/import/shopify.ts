import type { Category } from '../schema/card';
import type { CsvTable } from './csv';
import type { CardPatch, ParsedProduct } from './patch';
import { parseNumber } from './upfront-csv';
import type { ImportIssue } from './types';

/**
 * Shopify's product CSV export (docs/import-formats.md; Shopify help, "Using CSV files
 * to import and export products"). One product spans several rows, one per variant; rows after
 * the first repeat only the handle and the variant columns. Both the current column names and
 * the legacy template's are read.
 */
export const SHOPIFY_COLUMNS = {
  handle: ['URL handle', 'Handle'],
  title: ['Title'],
  category: ['Product category', 'Product Category'],
  type: ['Type'],
  status: ['Status'],
  sku: ['SKU', 'Variant SKU'],
  weight: ['Weight value (grams)', 'Variant Grams'],
  image: ['Product image URL', 'Image Src'],
  options: [
    [['Option1 name', 'Option1 Name'], ['Option1 value', 'Option1 Value']],
    [['Option2 name', 'Option2 Name'], ['Option2 value', 'Option2 Value']],
    [['Option3 name', 'Option3 Name'], ['Option3 value', 'Option3 Value']],
  ],
} as const;

/** Option names that mean "size" in the shops we see. */
const SIZE_OPTION = /^(size|sizes|taille|größe|groesse|talla|尺码|尺寸|サイズ)$/i;

/** Shopify's category taxonomy path or product type → Upfront's category. */
export function shopifyCategory(text: string): Category | undefined {
  const t = text.toLowerCase();
  if (!t) return undefined;
  if (/shoe|footwear|sneaker|boot|sandal|鞋/.test(t)) return 'footwear';
  if (/apparel|clothing|shirt|dress|hoodie|jacket|pants|trousers|skirt|top|衣|裙|裤/.test(t)) return 'apparel';
  if (/beauty|cosmetic|skin|makeup|health & beauty|美妆|护肤/.test(t)) return 'beauty';
  if (/electronic|phone|computer|audio|电子|数码/.test(t)) return 'electronics';
  if (/toy|game|玩具/.test(t)) return 'toys';
  if (/food|beverage|snack|食品/.test(t)) return 'food';
  if (/home|furniture|kitchen|garden|decor|lamp|bedding|家居|家具/.test(t)) return 'home';
  return 'other';
}

/**
 * The product's SKU: variant SKUs usually share a stem ("TEE-001-S", "TEE-001-M" → "TEE-001").
 * A single variant keeps its SKU; with no common stem, the first variant's SKU; with no SKU at
 * all, the handle.
 */
export function productSku(variantSkus: string[], handle: string): string {
  const skus = variantSkus.filter((s) => s !== '');
  if (skus.length === 0) return handle;
  if (skus.length === 1) return skus[0];
  let prefix = skus[0];
  for (const s of skus) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Cut back to a whole part: "SHOE-7-BLU-40" and "SHOE-7-BLU-41" share "SHOE-7-BLU-4", stem "SHOE-7-BLU".
  const whole = skus.every((s) => s.length === prefix.length || /[-_ ./]/.test(s[prefix.length]) || /[-_ ./]$/.test(prefix));
  if (!whole) prefix = prefix.slice(0, Math.max(0, prefix.search(/[-_ ./][^-_ ./]*$/)));
  const stem = prefix.replace(/[-_ ./]+$/, '');
  return stem.length >= 3 ? stem : skus[0];
}

export function parseShopifyCsv(table: CsvTable, language: string): { products: ParsedProduct[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const col = (names: readonly string[]) => {
    for (const n of names) {
      const i = table.header.findIndex((h) => h.toLowerCase() === n.toLowerCase());
      if (i >= 0) return { index: i, name: table.header[i] };
    }
    return undefined;
  };
  const handleCol = col(SHOPIFY_COLUMNS.handle);
  const titleCol = col(SHOPIFY_COLUMNS.title);
  if (!handleCol) issues.push({ row: 1, field: 'URL handle', code: 'missingColumn' });
  if (!titleCol) issues.push({ row: 1, field: 'Title', code: 'missingColumn' });
  if (!handleCol || !titleCol) return { products: [], issues };
  const skuCol = col(SHOPIFY_COLUMNS.sku);
  const weightCol = col(SHOPIFY_COLUMNS.weight);
  const imageCol = col(SHOPIFY_COLUMNS.image);
  const categoryCol = col(SHOPIFY_COLUMNS.category);
  const typeCol = col(SHOPIFY_COLUMNS.type);
  const statusCol = col(SHOPIFY_COLUMNS.status);
  const optionCols = SHOPIFY_COLUMNS.options.map(([n, v]) => ({ name: col(n), value: col(v) }));

  interface Group {
    handle: string;
    rows: number[];
    title?: string;
    titleRow?: number;
    category?: string;
    type?: string;
    status?: string;
    image?: string;
    weight?: number;
    skus: string[];
    sizes: string[];
    /** Which option (0–2) is the size, once the first row names it. */
    sizeOption?: number;
  }
  const groups = new Map<string, Group>();

  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const cell = (c: { index: number } | undefined) => (c ? (cells[c.index] ?? '').trim() : '');
    if (cells.every((c) => c.trim() === '')) return;
    const handle = cell(handleCol);
    if (!handle) {
      issues.push({ row, field: handleCol.name, code: 'required' });
      return;
    }
    let g = groups.get(handle);
    if (!g) {
      g = { handle, rows: [], skus: [], sizes: [] };
      groups.set(handle, g);
    }
    g.rows.push(row);
    const title = cell(titleCol);
    if (title && !g.title) {
      g.title = title;
      g.titleRow = row;
    }
    g.category ||= cell(categoryCol);
    g.type ||= cell(typeCol);
    g.status ||= cell(statusCol);
    const image = cell(imageCol);
    if (image && !g.image) {
      if (/^https:\/\/\S+$/.test(image)) g.image = image;
      else issues.push({ row, field: imageCol!.name, code: 'url' });
    }
    const weightText = cell(weightCol);
    if (weightText) {
      const w = parseNumber(weightText);
      if (w === 'invalid' || (typeof w === 'number' && w < 0)) issues.push({ row, field: weightCol!.name, code: 'number', params: { value: weightText } });
      else if (typeof w === 'number' && w > 0 && g.weight === undefined) g.weight = w;
    }
    const sku = cell(skuCol);
    if (sku) {
      if (sku.length > 100) issues.push({ row, field: skuCol!.name, code: 'maxLength', params: { maximum: 100 } });
      g.skus.push(sku);
    }
    optionCols.forEach((o, i) => {
      const name = cell(o.name);
      if (name && SIZE_OPTION.test(name) && g!.sizeOption === undefined) g!.sizeOption = i;
    });
    if (g.sizeOption !== undefined) {
      const size = cell(optionCols[g.sizeOption].value);
      if (size && size.length > 40) issues.push({ row, field: optionCols[g.sizeOption].value!.name, code: 'maxLength', params: { maximum: 40 } });
      else if (size && !g.sizes.includes(size)) g.sizes.push(size);
    }
  });

  const products: ParsedProduct[] = [];
  for (const g of groups.values()) {
    if (!g.title) {
      issues.push({ row: g.rows[0], field: titleCol.name, code: 'required' });
      continue;
    }
    const patch: CardPatch = { sku: productSku(g.skus, g.handle), name: { [language]: g.title } };
    const category = shopifyCategory(g.category ?? '') ?? shopifyCategory(g.type ?? '');
    if (category) patch.category = category;
    if (g.image) patch.image = g.image;
    if (g.weight !== undefined) patch.dimensions = { weightG: g.weight };
    if (g.sizes.length > 0) patch.sizeChart = { sizes: g.sizes };
    products.push({ rows: g.rows, patch, archived: g.status?.toLowerCase() === 'archived' });
  }
  return { products, issues };
}

/** Which Shopify column a card field came from, for schema errors after mapping. */
export function shopifyColumnFor(path: string, header: string[]): string {
  const pick = (names: readonly string[]) => header.find((h) => names.some((n) => n.toLowerCase() === h.toLowerCase())) ?? names[0];
  if (path.startsWith('sku')) return pick(SHOPIFY_COLUMNS.sku);
  if (path.startsWith('name')) return pick(SHOPIFY_COLUMNS.title);
  if (path.startsWith('image')) return pick(SHOPIFY_COLUMNS.image);
  if (path.startsWith('dimensions')) return pick(SHOPIFY_COLUMNS.weight);
  if (path.startsWith('sizeChart')) return pick(SHOPIFY_COLUMNS.options[0][1]);
  return path;
}
