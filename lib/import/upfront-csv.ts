import { Category, NoteKind } from '../schema/card';
import { LanguageTag } from '../schema/common';
import type { CsvTable } from './csv';
import { toCsv } from './csv';
import { measurementLabel } from './measurements';
import type { CardPatch, ParsedProduct } from './patch';
import type { ImportIssue } from './types';

/**
 * Upfront's product CSV: one row per product. Column names are the card's field paths (the same
 * words as the schema, the editor and docs/csv-format.md); "<lang>" is a language tag such as
 * "en" or "zh-CN". Lists inside one cell are separated by "|".
 */
export const LIST_SEPARATOR = '|';

export const UPFRONT_CSV_COLUMNS: { column: string; description: string }[] = [
  { column: 'sku', description: 'Required. Unique product code; an import updates the product with this SKU.' },
  { column: 'name.<lang>', description: 'Product name in one language (at least one name column).' },
  { column: 'category', description: `One of: ${Category.options.join(', ')}.` },
  { column: 'image', description: 'An https:// image URL.' },
  { column: 'policyId', description: 'Id of a return policy already in Upfront (else the deck default applies).' },
  { column: 'sizeChart.unit', description: 'cm or in.' },
  { column: 'sizeChart.sizes', description: 'The sizes, in order: S|M|L.' },
  { column: 'sizeChart.values.<measurement>', description: 'One value per size, in the order of sizeChart.sizes: 96|100|104; empty = unknown. Known measurements: chest, bust, waist, hip, length, shoulder, sleeve, inseam, height, foot.' },
  { column: 'sizeChart.fitAdvice.<lang>', description: 'Fit advice the host reads out.' },
  { column: 'dimensions.lengthMm', description: 'Millimetres.' },
  { column: 'dimensions.widthMm', description: 'Millimetres.' },
  { column: 'dimensions.heightMm', description: 'Millimetres.' },
  { column: 'dimensions.weightG', description: 'Grams.' },
  { column: 'caveats.<lang>', description: '"Not suitable if" caveats: caveat one|caveat two (same order in every language).' },
  { column: 'caveats.mustSay', description: 'yes or no per caveat: yes|no.' },
  { column: 'dontSay.<lang>', description: "Don't-say claims the host must not make: claim one|claim two (same order in every language)." },
  { column: 'dontSay.say.<lang>', description: 'What to say instead of each claim, in the order of dontSay.<lang>; empty = nothing given.' },
  { column: 'notes.<kind>.<lang>', description: `A note; kind is one of: ${NoteKind.options.join(', ')}.` },
];

const TEMPLATE_HEADER = [
  'sku',
  'name.en',
  'name.zh-CN',
  'category',
  'image',
  'policyId',
  'sizeChart.unit',
  'sizeChart.sizes',
  'sizeChart.values.chest',
  'sizeChart.values.length',
  'sizeChart.fitAdvice.en',
  'sizeChart.fitAdvice.zh-CN',
  'dimensions.lengthMm',
  'dimensions.widthMm',
  'dimensions.heightMm',
  'dimensions.weightG',
  'caveats.en',
  'caveats.zh-CN',
  'caveats.mustSay',
  'notes.material.en',
  'notes.material.zh-CN',
];

const TEMPLATE_ROWS = [
  [
    'TEE-001',
    'Boxy cotton T-shirt',
    '宽松纯棉T恤',
    'apparel',
    '',
    '',
    'cm',
    'S|M|L',
    '104|110|116',
    '66|69|72',
    'Runs large: take one size down.',
    '版型偏大：建议选小一码。',
    '',
    '',
    '',
    '220',
    'White is slightly see-through',
    '白色略透',
    'yes',
    '100 % cotton',
    '100% 棉',
  ],
  ['LAMP-002', 'Folding desk lamp', '折叠台灯', 'home', '', '', '', '', '', '', '', '', '180', '120', '420', '950', 'Not for outdoor use', '不适合户外使用', 'yes', '', ''],
];

/** The downloadable template: every common column and two example products. */
export function upfrontCsvTemplate(): string {
  return toCsv(TEMPLATE_HEADER, TEMPLATE_ROWS);
}

const LANG_COLUMN = /^(name|sizeChart\.fitAdvice|caveats|dontSay\.say|dontSay)\.(.+)$/;
const NOTE_COLUMN = /^notes\.([a-z]+)\.(.+)$/;
const VALUES_COLUMN = /^sizeChart\.values\.(.+)$/;
const PLAIN = new Set(['sku', 'category', 'image', 'policyId', 'sizeChart.unit', 'sizeChart.sizes', 'caveats.mustSay', 'dimensions.lengthMm', 'dimensions.widthMm', 'dimensions.heightMm', 'dimensions.weightG']);

/** A number as a spreadsheet writes it ("12.5", "12,5"); undefined for an empty cell. */
export function parseNumber(cell: string): number | undefined | 'invalid' {
  const s = cell.trim();
  if (s === '') return undefined;
  const n = Number(/^\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
  return Number.isFinite(n) ? n : 'invalid';
}

export const splitList = (cell: string) => cell.split(LIST_SEPARATOR).map((s) => s.trim());

/** Checks the header: unknown columns and bad language tags are reported, not ignored. */
function checkHeader(header: string[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  header.forEach((h) => {
    if (seen.has(h)) issues.push({ row: 1, field: h, code: 'duplicateColumn' });
    seen.add(h);
    const lang = LANG_COLUMN.exec(h)?.[2] ?? NOTE_COLUMN.exec(h)?.[2];
    const note = NOTE_COLUMN.exec(h);
    if (note && !NoteKind.safeParse(note[1]).success) issues.push({ row: 1, field: h, code: 'unknownNoteKind', params: { kinds: NoteKind.options.join(', ') } });
    else if (lang !== undefined && h !== 'caveats.mustSay' && !LanguageTag.safeParse(lang).success) issues.push({ row: 1, field: h, code: 'languageTag' });
    else if (!PLAIN.has(h) && !LANG_COLUMN.test(h) && !NOTE_COLUMN.test(h) && !VALUES_COLUMN.test(h) && h !== '') issues.push({ row: 1, field: h, code: 'unknownColumn' });
  });
  if (!header.includes('sku')) issues.push({ row: 1, field: 'sku', code: 'missingColumn' });
  return issues;
}

/** Reads Upfront CSV rows into card patches, with an issue per wrong cell. */
export function parseUpfrontCsv(table: CsvTable): { products: ParsedProduct[]; issues: ImportIssue[] } {
  const issues = checkHeader(table.header);
  if (issues.some((i) => i.code === 'missingColumn')) return { products: [], issues };
  const products: ParsedProduct[] = [];
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const get = (column: string) => (cells[table.header.indexOf(column)] ?? '').trim();
    const issue = (field: string, code: string, params?: ImportIssue['params']) => issues.push({ row, field, code, ...(params ? { params } : {}) });
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== table.header.length) issue('', 'columnCount', { expected: table.header.length, found: cells.length });

    const patch: CardPatch = { sku: get('sku') };
    if (!patch.sku) issue('sku', 'required');

    const category = get('category');
    if (category) {
      const c = Category.safeParse(category);
      if (c.success) patch.category = c.data;
      else issue('category', 'oneOf', { values: Category.options.join(', ') });
    }
    const image = get('image');
    if (image) {
      if (/^https:\/\/\S+$/.test(image)) patch.image = image;
      else issue('image', 'url');
    }
    const policyId = get('policyId');
    if (policyId) patch.policyId = policyId;

    const texts: Record<string, Record<string, string>> = {};
    const notes: NonNullable<CardPatch['notes']> = {};
    const values: { id: string; cells: string; column: string }[] = [];
    table.header.forEach((h, i) => {
      const cell = (cells[i] ?? '').trim();
      const lang = LANG_COLUMN.exec(h);
      if (lang && h !== 'caveats.mustSay' && cell) (texts[lang[1]] ??= {})[lang[2]] = cell;
      const note = NOTE_COLUMN.exec(h);
      if (note && cell && NoteKind.safeParse(note[1]).success) (notes[note[1] as keyof typeof notes] ??= {})[note[2]] = cell;
      const v = VALUES_COLUMN.exec(h);
      if (v && cell) values.push({ id: v[1], cells: cell, column: h });
    });
    if (texts.name) patch.name = texts.name;
    if (Object.keys(notes).length > 0) patch.notes = notes;

    const sizesCell = get('sizeChart.sizes');
    const unit = get('sizeChart.unit');
    if (unit && unit !== 'cm' && unit !== 'in') issue('sizeChart.unit', 'oneOf', { values: 'cm, in' });
    if (sizesCell || values.length > 0 || texts['sizeChart.fitAdvice']) {
      const sizes = sizesCell ? splitList(sizesCell) : [];
      if (values.length > 0 && sizes.length === 0) issue('sizeChart.sizes', 'required');
      const parsedValues = values.map((v) => {
        const list = splitList(v.cells);
        if (list.length !== sizes.length) issue(v.column, 'listLength', { expected: sizes.length, found: list.length });
        return {
          id: v.id,
          label: measurementLabel(v.id),
          values: list.map((cell) => {
            const n = parseNumber(cell);
            if (n === 'invalid' || (typeof n === 'number' && n < 0)) {
              issue(v.column, 'number', { value: cell });
              return null;
            }
            return n ?? null;
          }),
        };
      });
      patch.sizeChart = {
        ...(unit === 'cm' || unit === 'in' ? { unit } : {}),
        sizes,
        ...(parsedValues.length > 0 ? { values: parsedValues } : {}),
        ...(texts['sizeChart.fitAdvice'] ? { fitAdvice: texts['sizeChart.fitAdvice'] } : {}),
      };
    }

    const dimensions: NonNullable<CardPatch['dimensions']> = {};
    for (const key of ['lengthMm', 'widthMm', 'heightMm', 'weightG'] as const) {
      const n = parseNumber(get(`dimensions.${key}`));
      if (n === 'invalid' || (typeof n === 'number' && n <= 0)) issue(`dimensions.${key}`, 'positive', { value: get(`dimensions.${key}`) });
      else if (n !== undefined) dimensions[key] = n;
    }
    if (Object.keys(dimensions).length > 0) patch.dimensions = dimensions;

    const caveatTexts = texts.caveats;
    const mustSay = get('caveats.mustSay');
    if (caveatTexts) {
      const perLang = Object.entries(caveatTexts).map(([lang, cell]) => [lang, splitList(cell)] as const);
      const count = Math.max(...perLang.map(([, list]) => list.length));
      for (const [lang, list] of perLang) if (list.length !== count) issue(`caveats.${lang}`, 'listLength', { expected: count, found: list.length });
      const flags = mustSay ? splitList(mustSay) : [];
      if (mustSay && flags.length !== count) issue('caveats.mustSay', 'listLength', { expected: count, found: flags.length });
      patch.caveats = Array.from({ length: count }, (_, i) => {
        const flag = (flags[i] ?? 'no').toLowerCase();
        if (!['yes', 'no', 'true', 'false', '是', '否', ''].includes(flag)) issue('caveats.mustSay', 'yesNo', { value: flags[i] });
        return {
          text: Object.fromEntries(perLang.filter(([, list]) => (list[i] ?? '') !== '').map(([lang, list]) => [lang, list[i]])),
          mustSay: ['yes', 'true', '是'].includes(flag),
        };
      });
    }
    const dontSay = dontSayPatch(texts.dontSay, texts['dontSay.say'], issue);
    if (dontSay) patch.dontSay = dontSay;
    products.push({ rows: [row], patch });
  });
  return { products, issues };
}

/**
 * Don't-say claims (issue 20) from `dontSay.<lang>` and `dontSay.say.<lang>`: lists in the same
 * order in every language; a wording to say instead with no claim beside it is an error.
 */
function dontSayPatch(claims: Record<string, string> | undefined, says: Record<string, string> | undefined, issue: (field: string, code: string, params?: ImportIssue['params']) => void): CardPatch['dontSay'] {
  if (!claims && !says) return undefined;
  const lists = (cells: Record<string, string> | undefined) => Object.entries(cells ?? {}).map(([lang, cell]) => [lang, splitList(cell)] as const);
  const perLang = lists(claims);
  const sayLang = lists(says);
  const count = Math.max(0, ...perLang.map(([, list]) => list.length));
  if (count === 0) return void issue('dontSay.<lang>', 'required');
  for (const [lang, list] of perLang) if (list.length !== count) issue(`dontSay.${lang}`, 'listLength', { expected: count, found: list.length });
  for (const [lang, list] of sayLang) if (list.length !== count) issue(`dontSay.say.${lang}`, 'listLength', { expected: count, found: list.length });
  const pick = (entries: typeof perLang, i: number) => Object.fromEntries(entries.filter(([, list]) => (list[i] ?? '') !== '').map(([lang, list]) => [lang, list[i]]));
  return Array.from({ length: count }, (_, i) => {
    const say = pick(sayLang, i);
    return { claim: pick(perLang, i), ...(Object.keys(say).length > 0 ? { say } : {}) };
  });
}

/** Which column a card field path came from, so a schema error names the column to fix. */
export function upfrontColumnFor(path: string): string {
  if (path.startsWith('name')) return path.replace(/^name$/, 'name.<lang>');
  if (path.startsWith('sizeChart.rows')) return 'sizeChart.sizes';
  if (path.startsWith('sizeChart.fitAdvice')) return path;
  if (path.startsWith('caveats.')) return 'caveats.<lang>';
  if (path.startsWith('dontSay.')) return /^dontSay\.\d+\.say/.test(path) ? 'dontSay.say.<lang>' : 'dontSay.<lang>';
  if (path.startsWith('dimensions.')) return path.split('.').slice(0, 2).join('.');
  return path.split('.')[0];
}
