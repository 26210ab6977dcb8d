import { buildLoop, type LoopInput } from './loop';
import { REPORT_FORMAT, REPORT_VERSION, type ReturnsReport } from './report-format';
import { addReasons, type ReasonUnits } from './join';

export { ReturnsReport, returnsReportJsonSchemaText } from './report-format';
export type { LoopInput as ReportInput } from './loop';

/**
 * The returns report from a log (as an exported log file holds it, lib/export/log-file.ts) and
 * order and return lines (lib/returns/types.ts). Pure and Node-safe: `npm run returns-report`
 * and the studio run the same code. Lists come sorted (products by SKU, sessions by start,
 * unmatched by file and row, matches by order time) so the same input gives the same file.
 */
export function buildReport(input: LoopInput): ReturnsReport {
  const loop = buildLoop(input);
  const products = new Map<string, { sku: string; ordered: number; returned: number; reasons: ReasonUnits }>();
  const sessions = new Map(
    loop.shows
      .slice()
      .sort((a, b) => a.start - b.start || a.session.id.localeCompare(b.session.id))
      .map((s) => [s.session.id, { sessionId: s.session.id, host: s.session.host, ordered: 0, returned: 0 }]),
  );
  let orderedUnits = 0;
  let returnedUnits = 0;
  for (const l of loop.lines) {
    const sku = l.product.sku;
    let p = products.get(sku);
    if (!p) products.set(sku, (p = { sku, ordered: 0, returned: 0, reasons: {} }));
    p.ordered += l.line.quantity;
    p.returned += l.returned;
    addReasons(p.reasons, l.reasons);
    const s = sessions.get(l.show.session.id)!;
    s.ordered += l.line.quantity;
    s.returned += l.returned;
    orderedUnits += l.line.quantity;
    returnedUnits += l.returned;
  }
  const unmatched = loop.unmatched
    .map((u) => ({
      file: u.line.fileName,
      ...(u.line.row !== undefined ? { row: u.line.row } : {}),
      orderId: u.line.orderId,
      sku: u.line.sku,
      why: u.why,
      ...(u.sessionIds ? { sessionIds: u.sessionIds } : {}),
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0) || a.orderId.localeCompare(b.orderId));
  const matches = loop.lines
    .slice()
    .sort((a, b) => a.line.orderedAt - b.line.orderedAt || a.line.key.localeCompare(b.line.key))
    .map((l) => ({
      orderId: l.line.orderId,
      sku: l.line.sku,
      cardSku: l.product.sku,
      sessionId: l.show.session.id,
      orderedAt: new Date(l.line.orderedAt).toISOString(),
      offsetMs: l.offsetMs,
      quantity: l.line.quantity,
      returned: l.returned,
      reasons: l.reasons,
      mustSay: l.mustSay,
      disclosedBefore: l.before.map((d) => ({ item: d.item, action: d.action, seq: d.seq, offsetMs: d.offsetMs, cardHash: d.cardHash })),
    }));
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    graceMs: loop.graceMs,
    totals: {
      orderLines: input.orders.length,
      matched: loop.lines.length,
      unmatched: loop.unmatched.length,
      cancelled: loop.cancelled.length,
      orderedUnits,
      returnedUnits,
      orphanReturns: loop.orphanReturns.length,
    },
    products: [...products.values()].sort((a, b) => a.sku.localeCompare(b.sku)),
    sessions: [...sessions.values()],
    unmatched,
    matches,
  };
}
