import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/import/csv';
import { prepareImport } from '../../lib/import/plan';
import { productSku, shopifyCategory } from '../../lib/import/shopify';
import { Card } from '../../lib/schema/card';
import { ctx, example, file, NOW } from './studio-helpers';

describe('Shopify product CSV import', () => {
  it('reads the current column names: one card per product, sizes from the size option, weight, image', async () => {
    const result = await prepareImport(file(example('shopify-products.csv')), ctx());
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const { plan } = result;
    expect(plan.format).toBe('shopify-csv');
    expect(plan.issues).toEqual([]);
    expect(plan.entries.map((e) => [e.action, e.sku, e.reason ?? null, e.rows])).toEqual([
      ['add', 'TEE-100', null, [2, 3, 4]],
      ['add', 'MUG-350', null, [5]],
      ['skip', 'SCARF-01', 'archived', [6]],
    ]);
    const tee = plan.entries[0].card;
    // The planned card is already a whole, valid card: the schema neither adds nor strips anything.
    expect(Card.parse(tee)).toEqual(tee);
    expect(tee).toEqual({
      id: 'id-1',
      sku: 'TEE-100',
      name: { en: 'Boxy cotton T-shirt' },
      category: 'apparel',
      image: 'https://cdn.example.com/tee.jpg',
      // The size option gives the rows; the chest figures are left for the producer to fill in.
      sizeChart: {
        unit: 'cm',
        measurements: [{ id: 'chest', label: expect.objectContaining({ en: 'Chest' }) }],
        rows: [
          { size: 'S', values: { chest: null } },
          { size: 'M', values: { chest: null } },
          { size: 'L', values: { chest: null } },
        ],
      },
      dimensions: { weightG: 210 }, // the first variant's weight
      scaleRefs: [],
      caveats: [],
      notes: [],
      updatedAt: NOW,
    });
    expect(plan.entries[1].card.category).toBe('home');
    expect(plan.entries[1].card.sizeChart).toBeUndefined(); // "Title / Default Title" is not a size
    expect(plan.commit.cards.map((c) => c.card.sku)).toEqual(['TEE-100', 'MUG-350']);
  });

  it('reads the legacy template, with the size in Option2', async () => {
    const result = await prepareImport(file(example('shopify-products-legacy.csv')), ctx({ language: 'zh-CN' }));
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const [shoe, lamp] = result.plan.entries;
    expect(shoe.sku).toBe('SHOE-7-BLU');
    expect(shoe.card.category).toBe('footwear');
    expect(shoe.card.name).toEqual({ 'zh-CN': 'Trail running shoe' });
    expect(shoe.card.sizeChart?.rows.map((r) => r.size)).toEqual(['40', '41', '42']);
    expect(shoe.card.sizeChart?.measurements[0].id).toBe('foot');
    expect(shoe.card.dimensions?.weightG).toBe(640);
    expect(lamp.sku).toBe('LAMP-9');
    expect(lamp.card.dimensions?.weightG).toBe(950);
  });

  it('matches products by SKU: a re-import updates, keeps what the producer wrote, and skips what is unchanged', async () => {
    const first = await prepareImport(file(example('shopify-products.csv')), ctx());
    if (!first.ok) throw new Error('first import failed');
    const existing = first.plan.entries.filter((e) => e.action === 'add').map((e) => e.card);
    // The producer filled in the chart and a caveat in the studio.
    existing[0] = {
      ...existing[0],
      sizeChart: { ...existing[0].sizeChart!, rows: existing[0].sizeChart!.rows.map((r, i) => ({ ...r, values: { chest: 100 + i } })) },
      caveats: [{ id: 'c1', text: { en: 'White is see-through' }, mustSay: true }],
    };
    const again = await prepareImport(file(example('shopify-products.csv')), ctx({}, existing));
    if (!again.ok) throw new Error('second import failed');
    expect(again.plan.entries.map((e) => [e.action, e.reason ?? null])).toEqual([
      ['skip', 'unchanged'],
      ['skip', 'unchanged'],
      ['skip', 'archived'],
    ]);
    const changed = example('shopify-products.csv').replace('Boxy cotton T-shirt', 'Boxy tee').replace(',L,,White,19.00,230,', ',XL,,White,19.00,230,');
    const third = await prepareImport(file(changed), ctx({}, existing));
    if (!third.ok) throw new Error('third import failed');
    const tee = third.plan.entries[0];
    expect(tee.action).toBe('update');
    expect(tee.card.id).toBe(existing[0].id);
    expect(tee.card.name.en).toBe('Boxy tee');
    expect(tee.card.caveats).toEqual(existing[0].caveats);
    expect(tee.card.sizeChart?.rows.map((r) => [r.size, r.values.chest])).toEqual([
      ['S', 100],
      ['M', 101],
      ['L', 102],
      ['XL', null],
    ]);
  });

  it('names each wrong row and column, and blocks the whole import', async () => {
    const csv = [
      'Handle,Title,Variant SKU,Variant Grams,Image Src',
      'cap,Cap,CAP-1,heavy,http://insecure.example/cap.jpg',
      'cap,,CAP-2,100,',
      'belt,,BELT-1,90,',
      ',Orphan,X-1,1,',
    ].join('\n');
    const result = await prepareImport(file(csv), ctx());
    if (!result.ok) throw new Error('expected a plan with issues');
    expect(result.plan.issues).toEqual(
      expect.arrayContaining([
        { row: 2, field: 'Variant Grams', code: 'number', params: { value: 'heavy' } },
        { row: 2, field: 'Image Src', code: 'url' },
        { row: 4, field: 'Title', code: 'required' },
        { row: 5, field: 'Handle', code: 'required' },
      ]),
    );
  });

  it('derives product SKUs and categories', () => {
    expect(productSku(['TEE-1-S', 'TEE-1-M'], 'tee')).toBe('TEE-1');
    expect(productSku(['ABC'], 'x')).toBe('ABC');
    expect(productSku(['A-1', 'B-2'], 'x')).toBe('A-1');
    expect(productSku([], 'handle-only')).toBe('handle-only');
    expect(shopifyCategory('Apparel & Accessories > Shoes')).toBe('footwear');
    expect(shopifyCategory('Health & Beauty > Personal Care')).toBe('beauty');
    expect(shopifyCategory('Something else')).toBe('other');
  });

  it('parses quoted multi-line cells across chunk boundaries', async () => {
    const row = 'h,"Title with ""quotes""\nand a line break",SKU\n';
    const table = await parseCsv(`Handle,Title,SKU\n${row.repeat(30_00)}`);
    expect(table.rows).toHaveLength(3000);
    expect(table.rows[2999][1]).toBe('Title with "quotes"\nand a line break');
  });
});
