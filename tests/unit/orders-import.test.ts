import { describe, expect, it } from 'vitest';
import { narrowTo, parseOrderFile, type ParseResult, type ParsedOrders } from '../../lib/returns/import';
import { readOrderTable } from '../../lib/returns/import/table';
import { OrderLine, ReturnLine, type OrderLayout } from '../../lib/returns/types';
import { csvFile, EXAMPLES, exampleBytes, IMPORT_NOW, parseExample, PERSONAL_VALUES } from './orders-helpers';

const parsed = (r: ParseResult): ParsedOrders => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r).slice(0, 400)}`);
  return r;
};
const utc = (iso: string) => Date.parse(iso);
const opts = { timeZone: 'Europe/Madrid', now: IMPORT_NOW };

describe('the example files', () => {
  it.each(EXAMPLES)('$file is read as $format with every line valid', async ({ file, format, orders, returns }) => {
    const r = parsed(await parseExample(file));
    expect(r.format).toBe(format);
    expect(r.orders).toHaveLength(orders);
    expect(r.returns).toHaveLength(returns);
    for (const o of r.orders) expect(OrderLine.strict().parse(o)).toEqual(o);
    for (const x of r.returns) expect(ReturnLine.strict().parse(x)).toEqual(x);
    expect(new Set(r.orders.map((o) => o.key)).size).toBe(orders);
  });

  it('TikTok: skips the description row, converts shop time (Madrid, UTC+1 in November) and keeps the text', async () => {
    const r = parsed(await parseExample('tiktok-orders.csv'));
    expect(r.orders[0]).toMatchObject({
      key: 'tiktok:577023118420113401:DEMO-HOODIE-01-M',
      orderId: '577023118420113401',
      sku: 'DEMO-HOODIE-01-M',
      quantity: 1,
      orderedAt: utc('2026-11-20T12:05:12Z'),
      orderedAtText: '11/20/2026 1:05:12 PM',
      status: 'Completed',
      returnedQuantity: 1,
      row: 3,
      timeZone: 'Europe/Madrid',
      fileName: 'tiktok-orders.csv',
      importedAt: IMPORT_NOW,
    });
    expect(r.dateOrder).toBe('MDY');
  });

  it('TikTok XLSX (Excel date cells) gives the same lines as the CSV', async () => {
    const csv = parsed(await parseExample('tiktok-orders.csv'));
    const xlsx = parsed(await parseExample('tiktok-orders.xlsx'));
    const core = (o: OrderLine) => [o.key, o.quantity, o.orderedAt, o.status, o.returnedQuantity, o.row];
    expect(xlsx.orders.map(core)).toEqual(csv.orders.map(core));
    expect(xlsx.orders[0].orderedAtText).toBe('2026-11-20 13:05:12');
  });

  it('TikTok returns: reasons normalised, the raw text kept', async () => {
    const r = parsed(await parseExample('tiktok-returns.csv'));
    expect(r.returns.map((x) => [x.orderId, x.reason, x.reasonText])).toEqual([
      ['577023118420113401', 'size_fit', 'Item is too small'],
      ['577023118420113402', 'size_fit', 'Item is too big'],
      ['577023118420113403', 'material_quality', 'Quality or style not as expected'],
      ['577023118420113404', 'damaged_defective', 'Damaged'],
      ['577023118420113408', 'changed_mind', 'No longer needed'],
    ]);
    expect(r.returns[0]).toMatchObject({ key: 'tiktok:577023118420113401:DEMO-HOODIE-01-M:4035117726390001', returnId: '4035117726390001', returnedAt: utc('2026-11-24T09:12:00Z'), status: 'Completed' });
  });

  it('Shopify: later line items take the order time carried forward; offsets are honoured whatever the zone', async () => {
    const r = parsed(await parseExample('shopify-orders.csv', { timeZone: 'Asia/Tokyo' }));
    const [first, second] = r.orders;
    expect(first).toMatchObject({ key: 'shopify:#1041:DEMO-HOODIE-01-M', orderedAt: utc('2026-11-20T12:07:31Z'), status: 'paid' });
    expect(second).toMatchObject({ key: 'shopify:#1041:DEMO-SERUM-30', orderedAt: utc('2026-11-20T12:07:31Z'), orderedAtText: '2026-11-20 13:07:31 +0100', status: 'paid', row: 3 });
  });

  it('Shopify: a blank Name carries the order forward too', async () => {
    const file = csvFile('s.csv', [
      ['Name', 'Email', 'Created at', 'Lineitem quantity', 'Lineitem sku', 'Billing Name'],
      ['#9', 'a@example.com', '2026-03-29 01:59:00 +0100', '1', 'A-1', 'Ada'],
      ['', '', '', '2', 'B-2', ''],
    ]);
    const r = parsed(await parseOrderFile(file, opts));
    expect(r.orders.map((o) => [o.key, o.orderedAt, o.quantity])).toEqual([
      ['shopify:#9:A-1', utc('2026-03-29T00:59:00Z'), 1],
      ['shopify:#9:B-2', utc('2026-03-29T00:59:00Z'), 2],
    ]);
  });

  it('抖店: ids lose the tab Excel needs, Beijing time, after-sale reasons with a review flag', async () => {
    const r = parsed(await parseExample('douyin-orders.csv'));
    expect(r.orders[0]).toMatchObject({ key: 'douyin:6937120045518823401:DEMO-COVER-60', orderedAt: utc('2026-11-20T14:02:30Z'), status: '已完成' });
    expect(r.returns.map((x) => [x.orderId, x.reason, x.needsReview ?? false])).toEqual([
      ['6937120045518823401', 'other', true],
      ['6937120045518823601', 'colour_look', false],
      ['6937120045518823701', 'material_quality', false],
      ['6937120045518823901', 'changed_mind', false],
    ]);
    expect(r.returns[0]).toMatchObject({ reasonText: '尺码拍错', status: '退货退款成功', lineKey: 'DEMO-COVER-60' });
  });

  it('the template: a line and its return in one row, codes and texts', async () => {
    const r = parsed(await parseExample('upfront-orders.csv'));
    expect(r.returns).toEqual([
      expect.objectContaining({ key: 'upfront:UF-20261120-001:DEMO-HOODIE-01-M:R-77', reason: 'size_fit', quantity: 1, returnedAt: utc('2026-11-26T10:00:00Z') }),
      expect.objectContaining({ key: 'upfront:UF-20261120-003:DEMO-SERUM-30:-', reason: 'damaged_defective', reasonCode: 'DEFECTIVE' }),
    ]);
  });
});

describe('no buyer personal data', () => {
  it.each(EXAMPLES)('$file: no personal value in the parse result, and no personal column read', async ({ file, timeZone }) => {
    const bytes = exampleBytes(file);
    const r = await parseOrderFile({ name: file, bytes }, { timeZone, now: IMPORT_NOW });
    const out = JSON.stringify(r);
    for (const value of PERSONAL_VALUES) expect(out).not.toContain(value);
    const table = await readOrderTable({ name: file, bytes });
    if (!table.ok) throw new Error('unreadable');
    const kept = JSON.stringify([table.table.headers, table.table.rows]);
    for (const value of PERSONAL_VALUES) expect(kept).not.toContain(value);
    // The shops' files do hold them (Upfront's template has no such column): a reader that kept them would be caught.
    const raw = file.endsWith('.csv') ? new TextDecoder().decode(bytes) : '';
    if (raw && file !== 'upfront-orders.csv') expect(PERSONAL_VALUES.some((v) => raw.includes(v))).toBe(true);
  });

  it('an unknown layout: the mapping step sees no personal column either', async () => {
    const file = csvFile('crm.csv', [
      ['Ref', 'Item code', 'Units', 'Placed', 'Customer name', 'Mobile', 'Delivery address', 'E-mail'],
      ['A-1', 'DEMO-SERUM-30', '1', '2026-11-20 13:05:00', 'Zoe Quincy', '+44 7700 900123', '1 High St', 'zoe@example.com'],
    ]);
    const r = await parseOrderFile(file, opts);
    expect(r).toMatchObject({ ok: false, needs: 'mapping', headers: ['Ref', 'Item code', 'Units', 'Placed'] });
    for (const v of ['Zoe Quincy', '7700', 'High St', 'zoe@example.com']) expect(JSON.stringify(r)).not.toContain(v);
  });
});

describe('what a read keeps', () => {
  it('a known format keeps only the columns it reads; an unknown one every non-personal column', async () => {
    const tiktok = await readOrderTable({ name: 't.csv', bytes: exampleBytes('tiktok-orders.csv') }, undefined, narrowTo([]));
    if (!tiktok.ok) throw new Error('unreadable');
    expect(tiktok.table.headers).toEqual(['Order ID', 'Order Status', 'SKU ID', 'Seller SKU', 'Product Name', 'Quantity', 'Sku Quantity of return', 'Created Time']);
    expect(tiktok.table.allHeaders).toHaveLength(53);
    const unknown = await readOrderTable(csvFile('u.csv', [['Ref', 'Price', 'Phone', 'Placed'], ['1', '2', '3', '4']]), undefined, narrowTo([]));
    expect(unknown.ok && unknown.table.headers).toEqual(['Ref', 'Price', 'Placed']);
  });
});

describe('dates that read two ways', () => {
  const tiktok = (times: string[]) =>
    csvFile('t.csv', [['Order ID', 'Seller SKU', 'Quantity', 'Created Time'], ...times.map((t, i) => [`57700000000000000${i}`, 'DEMO-SERUM-30', '1', t])]);

  it('are asked, not guessed', async () => {
    const r = await parseOrderFile(tiktok(['04/05/2026 10:00:00', '06/07/2026 11:00:00']), opts);
    expect(r).toMatchObject({ ok: false, needs: 'date-order', examples: ['04/05/2026 10:00:00', '06/07/2026 11:00:00'], format: 'tiktok-orders' });
  });

  it('are read in the order chosen', async () => {
    const dmy = parsed(await parseOrderFile(tiktok(['04/05/2026 10:00:00']), { ...opts, dateOrder: 'DMY' }));
    const mdy = parsed(await parseOrderFile(tiktok(['04/05/2026 10:00:00']), { ...opts, dateOrder: 'MDY' }));
    expect(dmy.orders[0].orderedAt).toBe(utc('2026-05-04T08:00:00Z'));
    expect(mdy.orders[0].orderedAt).toBe(utc('2026-04-05T08:00:00Z'));
  });

  it('are settled by the file itself when one of its dates reads only one way', async () => {
    const r = parsed(await parseOrderFile(tiktok(['04/05/2026 10:00:00', '13/05/2026 10:00:00']), opts));
    expect(r.dateOrder).toBe('DMY');
    expect(r.orders[0].orderedAt).toBe(utc('2026-05-04T08:00:00Z'));
  });

  it('a date that does not fit the chosen order is an error on its row and column', async () => {
    const r = await parseOrderFile(tiktok(['04/05/2026 10:00:00', '13/05/2026 10:00:00']), { ...opts, dateOrder: 'MDY' });
    expect(r).toEqual({ ok: false, issues: [{ row: 3, field: 'Created Time', code: 'orders.timeWrongOrder', params: { value: '13/05/2026 10:00:00', order: 'MDY' } }] });
  });
});

describe('bad rows: all or nothing, per row and column', () => {
  it('names every wrong cell and returns no lines', async () => {
    const file = csvFile('t.csv', [
      ['Order ID', 'Seller SKU', 'Quantity', 'Created Time'],
      ['577000000000000001', 'A', '1', '11/20/2026 1:05:12 PM'],
      ['', 'B', 'two', '11/31/2026 1:00:00 PM'],
      ['5.77E+17', 'C', '0', 'yesterday'],
    ]);
    const r = await parseOrderFile(file, opts);
    if (r.ok) throw new Error('expected the file to be refused');
    expect(r).not.toHaveProperty('orders');
    expect(r.issues).toEqual([
      { row: 3, field: 'Order ID', code: 'required' },
      { row: 3, field: 'Quantity', code: 'positive', params: { value: 'two' } },
      { row: 3, field: 'Created Time', code: 'orders.time', params: { value: '11/31/2026 1:00:00 PM', order: 'MDY' } },
      { row: 4, field: 'Order ID', code: 'orders.idScientific', params: { value: '5.77E+17' } },
      { row: 4, field: 'Quantity', code: 'positive', params: { value: '0' } },
      { row: 4, field: 'Created Time', code: 'orders.time', params: { value: 'yesterday', order: 'MDY' } },
    ]);
  });

  it('keeps row 2 when it is an order, not the description', async () => {
    const file = csvFile('t.csv', [['Order ID', 'Seller SKU', 'Quantity', 'Created Time'], ['577000000000000001', 'A', '1', '2026-11-20 13:00:00']]);
    expect(parsed(await parseOrderFile(file, opts)).orders.map((o) => o.row)).toEqual([2]);
  });

  it('turns away binary files, old Excel, an unknown zone and empty files with a reason', async () => {
    const f = (bytes: number[]) => ({ name: 'x', bytes: new Uint8Array(bytes) });
    expect(await parseOrderFile(f([0x25, 0x50, 0x44, 0x46, 1, 2]), opts)).toEqual({ ok: false, issues: [{ code: 'binary.pdf' }] });
    expect(await parseOrderFile(f([0xd0, 0xcf, 0x11, 0xe0, 1]), opts)).toEqual({ ok: false, issues: [{ code: 'orders.xls' }] });
    expect(await parseOrderFile(f([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), opts)).toMatchObject({ ok: false, issues: [{ code: 'orders.xlsxUnreadable' }] });
    expect(await parseOrderFile(f([]), opts)).toEqual({ ok: false, issues: [{ code: 'empty' }] });
    expect(await parseOrderFile(csvFile('a.csv', [['x']]), { ...opts, timeZone: 'Mars/Olympus' })).toEqual({ ok: false, issues: [{ code: 'orders.timeZone', params: { zone: 'Mars/Olympus' } }] });
  });

  it('the same SKU twice in one order gets a second line key', async () => {
    const file = csvFile('t.csv', [['order_id', 'sku', 'quantity', 'ordered_at'], ['A', 'X', '1', '2026-11-20T12:00:00Z'], ['A', 'X', '2', '2026-11-20T12:00:00Z']]);
    expect(parsed(await parseOrderFile(file, opts)).orders.map((o) => o.key)).toEqual(['upfront:A:X', 'upfront:A:X#2']);
  });
});

describe('unknown layouts: the column mapping', () => {
  const file = csvFile('crm.csv', [
    ['Ref', 'Item code', 'Units', 'Placed', 'Order status', 'Why back'],
    ['A-1', 'DEMO-SERUM-30', '2', '20.11.2026 13:05', 'done', 'too small'],
    ['A-2', 'DEMO-COVER-60', '1', '20.11.2026 13:06', 'done', ''],
  ]);

  it('asks for a mapping with the headers, sample rows and a first guess', async () => {
    const r = await parseOrderFile(file, opts);
    expect(r).toMatchObject({
      ok: false,
      needs: 'mapping',
      issues: [{ code: 'orders.unknownLayout' }],
      sample: [
        ['A-1', 'DEMO-SERUM-30', '2', '20.11.2026 13:05', 'done', 'too small'],
        ['A-2', 'DEMO-COVER-60', '1', '20.11.2026 13:06', 'done', ''],
      ],
      suggestion: { quantity: 'Units', orderedAt: 'Placed', status: 'Order status' },
    });
  });

  it('reads the file with a remembered layout, and hands the layout back to be kept', async () => {
    const first = await parseOrderFile(file, opts);
    if (first.ok || first.needs !== 'mapping') throw new Error('expected the mapping step');
    const layout: OrderLayout = { signature: first.signature, source: 'upfront', columns: { orderId: 'Ref', sku: 'Item code', quantity: 'Units', orderedAt: 'Placed', status: 'Order status', returnReason: 'Why back' } };
    const r = parsed(await parseOrderFile(file, { ...opts, layouts: [layout] }));
    expect(r.format).toBe('mapped');
    expect(r.orders.map((o) => [o.key, o.quantity, o.orderedAt, o.status])).toEqual([
      ['upfront:A-1:DEMO-SERUM-30', 2, utc('2026-11-20T12:05:00Z'), 'done'],
      ['upfront:A-2:DEMO-COVER-60', 1, utc('2026-11-20T12:06:00Z'), 'done'],
    ]);
    expect(r.returns).toEqual([expect.objectContaining({ key: 'upfront:A-1:DEMO-SERUM-30:-', reason: 'size_fit', reasonText: 'too small', quantity: 2 })]);
    expect(r.layout).toEqual({ ...layout, dateOrder: 'DMY', timeZone: 'Europe/Madrid' });
  });

  it('a layout naming a column the file lacks is refused on that column', async () => {
    const first = await parseOrderFile(file, opts);
    if (first.ok || first.needs !== 'mapping') throw new Error('expected the mapping step');
    const layout: OrderLayout = { signature: first.signature, source: 'upfront', columns: { orderId: 'Ref', sku: 'Item code', orderedAt: 'Ordered' } };
    expect(await parseOrderFile(file, { ...opts, layouts: [layout] })).toEqual({ ok: false, issues: [{ field: 'Ordered', code: 'missingColumn' }] });
  });
});

describe('Excel workbooks', () => {
  async function workbook(rows: unknown[][]): Promise<{ name: string; bytes: Uint8Array }> {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('OrderSKUList');
    for (const row of rows) sheet.addRow(row);
    return { name: 'w.xlsx', bytes: new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer) };
  }
  const header = ['Order ID', 'Seller SKU', 'Quantity', 'Created Time', 'Recipient'];

  it('reads serial numbers as wall times in the shop zone, and never the personal column', async () => {
    // 46346.5 is 2026-11-20 12:00 as Excel counts days; Madrid is UTC+1 then.
    const file = await workbook([header, ['577000000000000001', 'A-1', 2, 46346.5, 'Zoe Quincy']]);
    const r = parsed(await parseOrderFile(file, opts));
    expect(r.orders[0]).toMatchObject({ orderedAt: utc('2026-11-20T11:00:00Z'), orderedAtText: '2026-11-20 12:00:00', quantity: 2 });
    expect(JSON.stringify(r)).not.toContain('Zoe');
  });

  it('refuses an order id stored as a number that lost its digits', async () => {
    const file = await workbook([header, [Number("577023118420113401"), 'A-1', 1, 46346.5, '']]);
    expect(await parseOrderFile(file, opts)).toMatchObject({ ok: false, issues: [{ row: 2, field: 'Order ID', code: 'orders.idAsNumber' }] });
  });
});
