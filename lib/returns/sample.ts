import { genesisOf } from '../evidence/chain';
import { LogFile } from '../export/log-file';
import { SAMPLE_START } from '../sessions/sample';
import { z } from '../zod';
import { buildEvidencePack, EvidencePack } from './evidence-pack';
import { buildLoop } from './loop';
import { buildReport } from './report';
import { returnsReportJsonSchemaText } from './report-format';
import type { OrderLine, ReturnLine } from './types';

const MIN = 60_000;
const B_START = SAMPLE_START + 2 * 3_600_000;

const line = (p: Pick<OrderLine, 'source' | 'orderId' | 'sku' | 'orderedAt' | 'row'> & Partial<OrderLine>): OrderLine => ({
  key: `${p.source}:${p.orderId}:${p.sku}`,
  lineKey: p.sku,
  quantity: 1,
  orderedAtText: new Date(p.orderedAt).toISOString().replace('T', ' ').slice(0, 19),
  fileName: p.source === 'douyin' ? 'douyin-orders.csv' : 'tiktok-orders.csv',
  timeZone: 'UTC',
  importedAt: SAMPLE_START + 30 * 86_400_000,
  ...p,
});

/**
 * Order and return lines bought in the sample show (lib/sessions/sample.ts), for the examples in
 * docs/examples/ (the evidence pack and the returns report) and their tests.
 */
export function sampleOrders(): { orders: OrderLine[]; returns: ReturnLine[] } {
  const orders = [
    line({ source: 'tiktok', orderId: '577001', sku: 'DEMO-HOODIE-01-M', orderedAt: SAMPLE_START + 5 * MIN, row: 3, quantity: 2 }),
    line({ source: 'tiktok', orderId: '577002', sku: 'DEMO-SERUM-30', orderedAt: SAMPLE_START + 21 * MIN, row: 4 }),
    line({ source: 'tiktok', orderId: '577003', sku: 'DEMO-COVER-60', orderedAt: SAMPLE_START + 8 * MIN, row: 5 }),
    line({ source: 'tiktok', orderId: '577004', sku: 'DEMO-HOODIE-01-L', orderedAt: SAMPLE_START + 3 * 3_600_000, row: 6 }),
    line({ source: 'douyin', orderId: '6920001', sku: 'DEMO-SERUM-30', orderedAt: B_START + 6 * MIN, row: 2 }),
  ];
  const returns: ReturnLine[] = [
    {
      key: 'tiktok:577001:DEMO-HOODIE-01-M:R-1',
      source: 'tiktok',
      orderId: '577001',
      lineKey: 'DEMO-HOODIE-01-M',
      returnId: 'R-1',
      sku: 'DEMO-HOODIE-01-M',
      quantity: 1,
      reason: 'size_fit',
      reasonCode: 'buyer_return_and_refund_item_is_too_small',
      returnedAt: SAMPLE_START + 6 * 86_400_000,
      fileName: 'tiktok-returns.csv',
      row: 3,
      timeZone: 'UTC',
      importedAt: SAMPLE_START + 30 * 86_400_000,
    },
  ];
  return { orders, returns };
}

/** The generated examples: files by path, from the sample log's text (docs/examples/sample-log.json). */
export function sampleReturnsFiles(sampleLogText: string): Record<string, string> {
  const log = LogFile.parse(JSON.parse(sampleLogText));
  const input = { ...log, ...sampleOrders() };
  const loop = buildLoop(input);
  const first = loop.lines.find((l) => l.line.orderId === '577001')!;
  const pack = buildEvidencePack(first, new Map(log.snapshots.map((s) => [s.hash, s])), genesisOf(first.show.session), SAMPLE_START + 30 * 86_400_000);
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return {
    'docs/schema/returns-report.schema.json': returnsReportJsonSchemaText(),
    'docs/schema/evidence-pack.schema.json': json(z.toJSONSchema(EvidencePack, { target: 'draft-2020-12', io: 'input' })),
    'docs/examples/sample-returns-report.json': json(buildReport(input)),
    'docs/examples/sample-evidence-pack.json': json(pack),
  };
}
