import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../lib/import/plan';
import { upfrontCsvTemplate } from '../../lib/import/upfront-csv';
import { ctx, example, file, NOW } from './studio-helpers';

describe('Upfront CSV import', () => {
  it('reads the downloadable template (docs/examples/upfront-products.csv) without a single issue', async () => {
    expect(example('upfront-products.csv')).toBe(upfrontCsvTemplate());
    const result = await prepareImport(file(upfrontCsvTemplate()), ctx({ target: { kind: 'new', name: 'Template show', market: 'EU', languages: ['en', 'zh-CN'] } }));
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.plan.issues).toEqual([]);
    const [tee, lamp] = result.plan.entries.map((e) => e.card);
    expect(tee.sizeChart).toMatchObject({
      unit: 'cm',
      measurements: [{ id: 'chest', label: { en: 'Chest', 'zh-CN': '胸围' } }, { id: 'length' }],
      rows: [
        { size: 'S', values: { chest: 104, length: 66 } },
        { size: 'M', values: { chest: 110, length: 69 } },
        { size: 'L', values: { chest: 116, length: 72 } },
      ],
      fitAdvice: { en: 'Runs large: take one size down.', 'zh-CN': '版型偏大：建议选小一码。' },
    });
    expect(tee.caveats).toEqual([{ id: 'caveat-1', text: { en: 'White is slightly see-through', 'zh-CN': '白色略透' }, mustSay: true }]);
    expect(tee.notes).toEqual([{ id: 'note-material', kind: 'material', text: { en: '100 % cotton', 'zh-CN': '100% 棉' } }]);
    expect(lamp.dimensions).toEqual({ lengthMm: 180, widthMm: 120, heightMm: 420, weightG: 950 });
    expect(result.plan.deck).toMatchObject({ name: 'Template show', cardIds: [tee.id, lamp.id], market: 'EU', languages: ['en', 'zh-CN'], updatedAt: NOW });
  });

  it('reports every wrong cell by row and column', async () => {
    const csv = [
      'sku,name.en,category,sizeChart.sizes,sizeChart.values.chest,dimensions.weightG,caveats.en,caveats.mustSay,name.english,colour',
      'A-1,Shirt,shirt,S|M,90|x,-5,a|b,yes,,',
      ',Nameless,home,,,,,,,',
      'A-1,Twin,home,,,,,,,',
      'B-2,,home,,,,,,,',
    ].join('\n');
    const result = await prepareImport(file(csv), ctx());
    if (!result.ok) throw new Error('expected a plan');
    const issues = result.plan.issues.map((i) => `${i.row}|${i.field}|${i.code}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        '1|name.english|languageTag',
        '1|colour|unknownColumn',
        '2|category|oneOf',
        '2|sizeChart.values.chest|number',
        '2|dimensions.weightG|positive',
        '2|caveats.mustSay|listLength',
        '3|sku|required',
        '4|sku|duplicateSku',
        '5|name.<lang>|emptyText',
      ]),
    );
  });

  it('refuses a file that is not CSV or JSON, too big, or empty, before parsing', async () => {
    const fail = async (blob: Blob) => {
      const r = await prepareImport(blob, ctx());
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.failure.issues.map((i) => i.code);
    };
    expect(await fail(file(''))).toEqual(['empty']);
    expect(await fail(new Blob([new Uint8Array(11 * 1024 * 1024)]))).toEqual(['tooBig']);
    expect(await fail(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toEqual(['binary.zip']);
    expect(await fail(file(new Uint8Array([1, 0, 2, 0, 3])))).toEqual(['binary.other']);
    expect(await fail(file('just,some,columns\n1,2,3\n'))).toEqual(['unknownFormat']);
    expect(await fail(file('{"format":"other"}'))).toEqual(['notDeckFile']);
    expect(await fail(file('{"format":"upfront-deck","version":7}'))).toEqual(['newerVersion']);
  });

  it('reads a GB18030 (GBK) file as Excel on a Chinese Windows saves it', async () => {
    // "sku,name.zh-CN\nT-1,衬衫\n" encoded in GB18030.
    const bytes = new Uint8Array([...new TextEncoder().encode('sku,name.zh-CN\nT-1,'), 0xb3, 0xc4, 0xc9, 0xc0, 0x0a]);
    const r = await prepareImport(file(bytes), ctx());
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    expect(r.plan.entries[0].card.name).toEqual({ 'zh-CN': '衬衫' });
  });
});
