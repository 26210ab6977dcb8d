// Budgets a script can check. A figure with a budget carries `stat` ("median" or "p95": which of
// its two numbers is judged) and `max` (the most that number may be, in the figure's unit).
// `node bench/budgets.mjs [results.json]` checks a results file and exits 1 if a budget is missed
// or a figure failed to run (bench/README.md: "Checking the budgets").
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A budget: the figure's `stat` must be at most `max`. */
export const budget = (stat, max) => {
  if (stat !== 'median' && stat !== 'p95') throw new Error(`unknown statistic ${stat}`);
  if (!Number.isFinite(max)) throw new Error(`budget max must be a number, got ${max}`);
  return { stat, max };
};

/** The goal as text, for the table: "p95 ≤ 1.3", "median ≤ 5 ms". */
export function goalText({ stat, max }, unit) {
  return `${stat} ≤ ${max}${unit === 'ratio' ? '' : ` ${unit}`}`;
}

/**
 * What a results list says: figures that failed to run (`broken`) and figures whose judged number
 * is above their budget (`missed`). A budgeted figure without a number counts as missed.
 */
export function check(results) {
  const broken = results.filter((r) => r.unit === 'error');
  const missed = results.filter((r) => r.stat !== undefined && !(typeof r[r.stat] === 'number' && r[r.stat] <= r.max));
  return { broken, missed };
}

export function describe({ broken, missed }) {
  return [
    ...broken.map((r) => `failed to run: ${r.name}: ${r.goal}`),
    ...missed.map((r) => `budget missed: ${r.name}: ${r.stat} ${r[r.stat]} > ${r.max}${r.unit === 'ratio' ? '' : ` ${r.unit}`}`),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2] ?? path.join(import.meta.dirname, 'results.json');
  const result = check(JSON.parse(readFileSync(file, 'utf8')));
  const lines = describe(result);
  for (const line of lines) console.log(line);
  if (lines.length === 0) console.log(`every budget in ${file} is met`);
  process.exitCode = lines.length ? 1 : 0;
}
