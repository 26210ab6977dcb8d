import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ordersJsonSchemaText, TemplateRow } from '../../lib/returns/import/json-schema';
import { TEMPLATE_COLUMNS } from '../../lib/returns/import/recipes';
import { orderTemplateCsv } from '../../lib/returns/import/template';
import { parseOrderFile } from '../../lib/returns/import';
import { ROOT } from './studio-helpers';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('order formats documentation is current (run `npm run docs` to update)', () => {
  it('docs/schema/orders.schema.json matches the zod schemas', () => {
    expect(read('docs/schema/orders.schema.json')).toBe(ordersJsonSchemaText());
  });

  it('docs/order-formats.md documents every template column', () => {
    const doc = read('docs/order-formats.md');
    for (const column of TEMPLATE_COLUMNS) expect(doc).toContain(`| \`${column}\` |`);
  });

  it('the example template file and the downloadable template have the template columns, and their rows pass the row schema', async () => {
    for (const text of [read('docs/examples/upfront-orders.csv'), orderTemplateCsv()]) {
      const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
      expect(Object.keys(data[0])).toEqual([...TEMPLATE_COLUMNS]);
      for (const row of data) TemplateRow.parse(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '')));
    }
    const download = await parseOrderFile({ name: 't.csv', bytes: new TextEncoder().encode(orderTemplateCsv()) }, { timeZone: 'UTC', now: 0 });
    expect(download).toMatchObject({ ok: true, format: 'upfront-template', orders: [{ sku: 'HD-200-M' }], returns: [{ reason: 'size_fit' }] });
  });
});
