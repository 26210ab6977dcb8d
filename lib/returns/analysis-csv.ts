import { unparseCell } from '../export/csv-bytes';
import { DIMENSIONS, returnRate, type Analysis, type Tally } from './analysis';
import { ReasonKey } from './types';

/** Column names, in order (docs/returns-loop.md). One row per group, then one per week. */
export const ANALYSIS_CSV_COLUMNS = [
  'dimension',
  'key',
  'orders',
  'order_lines',
  'ordered_units',
  'returned_units',
  'return_rate',
  'small_sample',
  ...ReasonKey.options.map((r) => `reason_${r}`),
] as const;

/**
 * The analysis as CSV, Excel-safe like the log export: UTF-8 with a byte-order mark, CRLF, RFC
 * 4180 quoting and formula-looking cells neutralised (lib/export/csv-bytes.ts). `return_rate` is
 * left empty below the analysis's minimum of orders, so a small sample never reads as a rate.
 */
export function analysisToCsv(a: Analysis): string {
  const row = (dimension: string, key: string, t: Tally) => {
    const rate = returnRate(t);
    const cells = [
      dimension,
      key,
      String(t.orders),
      String(t.lines),
      String(t.ordered),
      String(t.returned),
      t.small || rate === undefined ? '' : rate.toFixed(4),
      t.small ? 'yes' : 'no',
      ...ReasonKey.options.map((r) => String(t.reasons[r] ?? 0)),
    ];
    return cells.map(unparseCell).join(',');
  };
  const rows = [ANALYSIS_CSV_COLUMNS.join(','), row('total', '', a.total)];
  for (const d of DIMENSIONS) for (const g of a.groups[d]) rows.push(row(d, g.key, g));
  for (const w of a.weekly) rows.push(row('week', w.week, w));
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
