// Types for bench/budgets.mjs, for the unit test that checks it (tests/unit/bench-budgets.test.ts).
export type Stat = 'median' | 'p95';
export interface Budget {
  stat: Stat;
  max: number;
}
export interface ResultRow {
  name: string;
  unit: string;
  median: number | null;
  p95: number | null;
  goal: string;
  stat?: Stat;
  max?: number;
}
export function budget(stat: Stat, max: number): Budget;
export function goalText(budget: Budget, unit: string): string;
export function check(results: ResultRow[]): { broken: ResultRow[]; missed: ResultRow[] };
export function describe(outcome: { broken: ResultRow[]; missed: ResultRow[] }): string[];
