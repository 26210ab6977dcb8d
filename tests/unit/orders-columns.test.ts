import { describe, expect, it } from 'vitest';
import type { ParsedOrders } from '../../lib/returns/import';
import { importedLines, importPayload, MAX_IMPORT_LINES, OrdersImport } from '../../lib/returns/line-columns';
import { EXAMPLES, parseExample, PERSONAL_VALUES } from './orders-helpers';

async function example(file: string): Promise<ParsedOrders> {
  const r = await parseExample(file);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

/** What runtime messaging does to a payload on its way: JSON. */
const overTheWire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('orders.import in columns', () => {
  it('every example file goes over the wire and comes back as the same lines, keys made from their fields', async () => {
    for (const { file } of EXAMPLES) {
      const parsed = await example(file);
      const checked = OrdersImport.parse(overTheWire(importPayload(parsed)));
      const lines = importedLines(checked);
      expect(lines.orders, file).toEqual(parsed.orders);
      expect(lines.returns, file).toEqual(parsed.returns);
    }
  });

  it('sends the fields a file shares once, leaves absent optional fields out, and carries no key and no personal value', async () => {
    const parsed = await example('douyin-orders.csv');
    const payload = importPayload(parsed);
    expect(payload.orders).toHaveLength(1);
    const [batch] = payload.orders;
    expect(batch).toMatchObject({ source: 'douyin', fileName: 'douyin-orders.csv', timeZone: 'Asia/Shanghai' });
    expect(batch).not.toHaveProperty('key');
    expect(batch.orderId).toHaveLength(parsed.orders.length);
    // No 抖店 order line carries a returned quantity: no column of nulls is sent for it.
    expect(batch).not.toHaveProperty('returnedQuantity');
    const [returns] = payload.returns;
    expect(returns.needsReview?.filter((v) => v === true)).toHaveLength(1);
    expect(importedLines(OrdersImport.parse(overTheWire(payload))).returns.filter((r) => 'needsReview' in r)).toHaveLength(1);
    const text = JSON.stringify(payload);
    for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
  });

  it('lines of several files travel as one batch each, in their order', async () => {
    const [a, b] = [await example('tiktok-orders.csv'), await example('upfront-orders.csv')];
    const mixed = [...a.orders, ...b.orders];
    const payload = importPayload({ orders: mixed, returns: [] });
    expect(payload.orders.map((batch) => batch.fileName)).toEqual(['tiktok-orders.csv', 'upfront-orders.csv']);
    expect(importedLines(OrdersImport.parse(overTheWire(payload))).orders).toEqual(mixed);
  });

  it('refuses more lines than an import may carry', () => {
    const n = MAX_IMPORT_LINES + 1;
    const batch = {
      source: 'upfront',
      fileName: 'big.csv',
      timeZone: 'UTC',
      importedAt: 0,
      orderId: Array.from({ length: n }, (_, i) => `o${i}`),
      lineKey: Array(n).fill('A'),
      sku: Array(n).fill('A'),
      quantity: Array(n).fill(1),
      orderedAt: Array(n).fill(0),
      orderedAtText: Array(n).fill(''),
    };
    expect(OrdersImport.safeParse({ orders: [batch], returns: [] }).success).toBe(false);
    const half = (from: number, to: number) => Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, Array.isArray(v) ? v.slice(from, to) : v]));
    expect(OrdersImport.safeParse({ orders: [half(0, 150_000)], returns: [] }).success).toBe(true);
    expect(OrdersImport.safeParse({ orders: [half(0, 150_000), half(150_000, n)], returns: [] }).success).toBe(false);
  });
});
