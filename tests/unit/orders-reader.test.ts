import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrdersPreview, ReadResult } from '../../lib/returns/import/preview';
import { OrderFileReading, readerOnPage, type ReaderWorker } from '../../lib/returns/import/reader';
import type { MessageEnd } from '../../lib/returns/import/reader-protocol';
import { serveOrderReading } from '../../lib/returns/import/reader-worker';
import { importedLines, OrdersImport } from '../../lib/returns/line-columns';
import { csvFile, exampleBytes, IMPORT_NOW, parseExample, PERSONAL_VALUES } from './orders-helpers';

/** The reader on the other end of a real MessageChannel: every message structured-cloned, as to a worker. */
function channelWorker(): ReaderWorker {
  const { port1, port2 } = new MessageChannel();
  serveOrderReading(port2 as unknown as MessageEnd);
  const worker = port1 as unknown as ReaderWorker;
  return Object.assign(worker, { terminate: () => (port1.close(), port2.close()) });
}

const opened: OrderFileReading[] = [];
afterEach(() => opened.splice(0).forEach((r) => r.close()));

function reading(name: string, bytes: Uint8Array, worker = channelWorker()): OrderFileReading {
  const r = new OrderFileReading(worker, { name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
  opened.push(r);
  return r;
}

const options = (timeZone: string, more: { dateOrder?: 'DMY' | 'MDY' } = {}) => ({ timeZone, layouts: [], now: IMPORT_NOW, ...more });

function preview(result: ReadResult | undefined): OrdersPreview {
  if (!result?.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe('reading an order file off the page', () => {
  it('answers the preview, and the lines of what was previewed in columns, as parseOrderFile reads them', async () => {
    const r = reading('douyin-orders.csv', exampleBytes('douyin-orders.csv'));
    const progress: number[] = [];
    const p = preview(await r.read(options('Asia/Shanghai'), (f) => progress.push(f)));
    expect(p).toMatchObject({ format: 'douyin-orders', orderCount: 7, returnCount: 4, reviewCount: 1 });
    expect(p.firstOrders).toHaveLength(5);
    expect(progress.at(-1)).toBe(1);
    const parsed = await parseExample('douyin-orders.csv');
    if (!parsed.ok) throw new Error('example');
    const lines = importedLines(OrdersImport.parse(await r.lines()));
    expect(lines.orders).toEqual(parsed.orders);
    expect(lines.returns).toEqual(parsed.returns);
    expect(JSON.stringify(p)).not.toContain('王小红');
  });

  it('reads the kept table again with another zone, and sends the lines of the last read', async () => {
    const r = reading('tiktok-orders.csv', exampleBytes('tiktok-orders.csv'));
    const madrid = preview(await r.read(options('Europe/Madrid')));
    const shanghai = preview(await r.read(options('Asia/Shanghai')));
    expect(madrid.firstOrders[0].orderedAt - shanghai.firstOrders[0].orderedAt).toBe(7 * 3600_000);
    const [batch] = (await r.lines()).orders;
    expect(batch.timeZone).toBe('Asia/Shanghai');
    expect(batch.orderedAt[0]).toBe(shanghai.firstOrders[0].orderedAt);
  });

  it('reads asked at once are answered in order; only the last one is shown and sent', async () => {
    const r = reading('tiktok-orders.csv', exampleBytes('tiktok-orders.csv'));
    const [first, second] = await Promise.all([r.read(options('Europe/Madrid')), r.read(options('UTC'))]);
    expect(first).toBeUndefined();
    expect(preview(second).firstOrders[0].timeZone).toBe('UTC');
    expect((await r.lines()).orders[0].timeZone).toBe('UTC');
  });

  it('asks the date order, lists what is wrong per row and column, and has no lines to send then', async () => {
    const ambiguous = reading('vn.csv', csvFile('vn.csv', [['Order ID', 'Seller SKU', 'Quantity', 'Created Time'], ['577000000000000001', 'A', 1, '04/05/2026 10:00:00']]).bytes);
    expect(await ambiguous.read(options('UTC'))).toMatchObject({ ok: false, needs: 'date-order', examples: ['04/05/2026 10:00:00'] });
    await expect(ambiguous.lines()).rejects.toThrow(/not the last read/);
    expect(preview(await ambiguous.read(options('UTC', { dateOrder: 'DMY' }))).firstOrders[0].orderedAt).toBe(Date.UTC(2026, 4, 4, 10));

    const bad = reading('bad.csv', csvFile('bad.csv', [['order_id', 'sku', 'quantity', 'ordered_at'], ['A', 'X', 'two', '2026-11-20T12:00:00Z']]).bytes);
    expect(await bad.read(options('UTC'))).toEqual({ ok: false, issues: [expect.objectContaining({ row: 2, field: 'quantity', code: 'positive' })] });
  });

  it('an unknown layout: the mapping step gets headers and rows without the personal columns', async () => {
    const file = csvFile('crm.csv', [['Ref', 'Item code', 'Units', 'Placed', 'Customer name', 'Phone'], ['A-1', 'SKU-1', 2, '2026-11-20 12:05:00', 'Lucía Fernández Ortega', '612345678']]);
    const r = reading('crm.csv', file.bytes);
    const need = await r.read(options('UTC'));
    expect(need).toMatchObject({ ok: false, needs: 'mapping', headers: ['Ref', 'Item code', 'Units', 'Placed'] });
    for (const value of PERSONAL_VALUES) expect(JSON.stringify(need)).not.toContain(value);
  });

  it('a message that is not a request is answered with an error, not read', async () => {
    const { port1, port2 } = new MessageChannel();
    serveOrderReading(port2 as unknown as MessageEnd);
    const reply = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    port1.postMessage({ kind: 'read', id: 1, options: options('UTC'), buyer: 'x' });
    expect(await reply).toMatchObject({ id: 0, kind: 'error' });
    port1.close();
  });

  it('a reader that stops says so to whoever waits for it; on the page it reads the same', async () => {
    const worker = readerOnPage();
    const r = reading('tiktok-orders.csv', exampleBytes('tiktok-orders.csv'), worker);
    expect(preview(await r.read(options('Europe/Madrid'))).orderCount).toBe(9);
    const pending = r.lines();
    worker.onerror?.({ message: 'crashed' });
    await expect(pending).rejects.toThrow('crashed');
  });
});
