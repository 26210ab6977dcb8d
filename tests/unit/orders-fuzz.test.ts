import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseOrderFile, type ParseResult } from '../../lib/returns/import';
import { normaliseReason } from '../../lib/returns/import/reasons';
import { OrderLine, ReasonKey, ReturnLine } from '../../lib/returns/types';
import { exampleBytes, IMPORT_NOW } from './orders-helpers';

/**
 * The order importer under arbitrary input: whatever a file holds, parseOrderFile never throws;
 * it either returns lines that pass the database's own schemas with the keys their fields make,
 * or refuses with issues that point at rows of the file and columns it has.
 */

const opts = { timeZone: 'Asia/Shanghai', now: IMPORT_NOW };

function check(r: ParseResult, rows: number, headers: string[]) {
  if (r.ok) {
    for (const o of r.orders) {
      OrderLine.strict().parse(o);
      expect(o.key).toBe(`${o.source}:${o.orderId}:${o.lineKey}`);
      expect(o.row).toBeLessThanOrEqual(rows);
    }
    for (const x of r.returns) {
      ReturnLine.strict().parse(x);
      expect(x.key).toBe(`${x.source}:${x.orderId}:${x.lineKey}:${x.returnId ?? '-'}`);
    }
    expect(new Set(r.orders.map((o) => o.key)).size).toBe(r.orders.length);
    expect(new Set(r.returns.map((o) => o.key)).size).toBe(r.returns.length);
    return;
  }
  expect(r.issues.length).toBeGreaterThan(0);
  for (const issue of r.issues) {
    expect(typeof issue.code).toBe('string');
    if (issue.row !== undefined) expect(issue.row).toBeGreaterThanOrEqual(1);
    if (issue.row !== undefined) expect(issue.row).toBeLessThanOrEqual(rows + 1);
    if (issue.field !== undefined && issue.code !== 'missingColumn') expect(headers).toContain(issue.field);
  }
}

const EXAMPLE_CSVS = ['tiktok-orders.csv', 'tiktok-returns.csv', 'shopify-orders.csv', 'douyin-orders.csv', 'upfront-orders.csv'];
const tables = Object.fromEntries(
  EXAMPLE_CSVS.map((f) => [f, Papa.parse<string[]>(new TextDecoder().decode(exampleBytes(f)).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data]),
);

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', '', ' ', '0', '-1', '1.5', '1e9', '5.77E+17', '="123"', "'123", '\t99', '13/13/2026 10:00:00', '02/30/2026 10:00:00', '2026-02-29 10:00:00', '12/31/2026 12:00:00 AM', '2026-11-20 25:00:00', '=cmd()', '尺码拍错', 'NaN', 'null', '\u0000', '"'),
);

describe('order file fuzzing', () => {
  it('cells of the example files changed at random', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXAMPLE_CSVS), fc.array(fc.tuple(fc.nat(), fc.nat(), nasty), { minLength: 1, maxLength: 6 }), async (file, edits) => {
        const rows = tables[file].map((r) => [...r]);
        for (const [r, c, v] of edits) {
          const row = rows[1 + (r % (rows.length - 1))];
          row[c % row.length] = v;
        }
        const text = Papa.unparse(rows);
        const result = await parseOrderFile({ name: file, bytes: new TextEncoder().encode(text) }, opts);
        check(result, rows.length, rows[0]);
      }),
      { numRuns: 120 },
    );
  });

  it('arbitrary bytes and arbitrary tables never throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((b) => ({ bytes: b, rows: 1000, headers: [] as string[] })),
          fc.array(fc.array(nasty, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }).map((t) => {
            const header = ['Order ID', 'Seller SKU', 'Quantity', 'Created Time', 'Order Status', ...t[0]].slice(0, 4 + (t[0].length % 3));
            return { bytes: new TextEncoder().encode(Papa.unparse([header, ...t])), rows: t.length + 1, headers: header };
          }),
        ),
        async ({ bytes, rows, headers }) => {
          const result = await parseOrderFile({ name: 'f.csv', bytes }, opts);
          if (headers.length > 0) check(result, rows, headers);
          else expect(result.ok === true || result.issues.length > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any reason text or code normalises to one of the keys, keeping what it was given', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.option(nasty, { nil: undefined }), (code, text) => {
        const r = normaliseReason({ code, text });
        expect(ReasonKey.options).toContain(r.reason);
        if (code?.trim()) expect(r.reasonCode).toBe(code.trim());
        if (text?.trim()) expect(r.reasonText).toBe(text.trim());
        if (r.needsReview) expect(r.reason).toBe('other');
      }),
    );
  });
});

describe('reasons', () => {
  it.each([
    [{ code: 'buyer_return_and_refund_item_is_too_small' }, 'size_fit'],
    [{ code: 'ecom_order_delivered_refund_reason_not_match_description' }, 'not_as_described'],
    [{ code: 'ecom_order_delivered_refund_reason_other' }, 'other'],
    [{ code: 'SIZE_TOO_LARGE' }, 'size_fit'],
    [{ code: 'COLOR' }, 'colour_look'],
    [{ code: 'arrived-late' }, 'late_not_received'],
    [{ text: 'Item is too small' }, 'size_fit'],
    [{ text: '颜色/款式与描述不符' }, 'colour_look'],
    [{ text: '与描述不符' }, 'not_as_described'],
    [{ text: '七天无理由退货' }, 'changed_mind'],
    [{ text: '发错货' }, 'wrong_item'],
    [{ text: '商品破损' }, 'damaged_defective'],
    [{ text: '面料起球' }, 'material_quality'],
    [{ text: '物流太慢未收到' }, 'late_not_received'],
    [{ text: 'it just is not for me, whatever' }, 'other'],
    [{ code: 'toString' }, 'other'],
    [{ code: '__proto__', text: 'constructor' }, 'other'],
  ])('%j → %s', (input, reason) => {
    const r = normaliseReason(input);
    expect(r.reason).toBe(reason);
    expect(r.needsReview).toBeUndefined();
  });

  it.each(['尺码拍错', 'I ordered the wrong size', '尺码偏小，质量也差'])('%s goes to review', (text) => {
    expect(normaliseReason({ text })).toEqual({ reason: 'other', reasonText: text, needsReview: true });
  });
});
