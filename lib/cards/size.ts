import type { SizeChart } from '../schema/card';

/**
 * Fit feedback ("85 % kept size M") means little on a handful of orders: storefront widgets show
 * it only from a minimum sample (one vendor uses 20, facts.md). The producer can set their own.
 */
export const FIT_FEEDBACK_MIN_SAMPLE = 20;

export type FitFeedbackView =
  | { visible: true; trueToSize: number; runsSmall: number; runsLarge: number; sampleSize: number }
  | { visible: false; sampleSize: number; minSample: number };

export function fitFeedbackView(fb: SizeChart['fitFeedback']): FitFeedbackView | undefined {
  if (!fb) return undefined;
  const minSample = fb.minSample ?? FIT_FEEDBACK_MIN_SAMPLE;
  if (fb.sampleSize < minSample) return { visible: false, sampleSize: fb.sampleSize, minSample };
  return { visible: true, trueToSize: fb.trueToSize, runsSmall: fb.runsSmall, runsLarge: fb.runsLarge, sampleSize: fb.sampleSize };
}

/** "S–XL" for a collapsed size chart; the single size when there is one. */
export function sizeRange(chart: Pick<SizeChart, 'rows'>): string {
  const rows = chart.rows ?? [];
  if (rows.length === 0) return '';
  if (rows.length === 1) return rows[0].size;
  return `${rows[0].size}–${rows[rows.length - 1].size}`;
}

/** Keeps a highlighted row inside the chart; undefined means none highlighted. */
export function clampRow(row: number | undefined, rowCount: number): number | undefined {
  if (row === undefined || rowCount === 0) return undefined;
  return Math.max(0, Math.min(rowCount - 1, row));
}
