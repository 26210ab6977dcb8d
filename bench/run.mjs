// `npm run bench`: performance budgets measured in Debian's Chromium with the built extension.
// Prints a table and writes bench/results.json as a list of { name, unit, median, p95, goal },
// plus { stat, max } on every figure with a budget. Figures judged against a floor measure the
// floor in the same run, alternating, and report the ratio or difference. Exit code: 1 if a
// measured flow broke (any mode); 2 if a budget was missed (full and --quick runs, never
// --smoke). Flags: --quick, --smoke, --only=a,b, --verbose, --out=file (bench/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browser.mjs';
import { check, describe, goalText } from './budgets.mjs';
import { figures } from './figures.mjs';
import { round, summarise } from './stats.mjs';

// --smoke: every figure once or twice on small data, to prove the bench still runs (CI); its
// numbers are not the figures. --quick: fewer samples of the real figures.
const smoke = process.argv.includes('--smoke');
const quick = smoke || process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'bench/results.json';
const N = smoke ? 1 : quick ? 5 : 20;
const verbose = process.argv.includes('--verbose');
const results = [];

/** One row: `goal` is a budget ({ stat, max }) or a word saying what the row is (floor, info). */
function row(name, unit, median, p95, goal, extra = {}) {
  const judged = typeof goal === 'object' ? { goal: goalText(goal, unit), stat: goal.stat, max: goal.max } : { goal };
  const r = { name, unit, median: round(median), p95: round(p95), ...judged, ...extra };
  if (results.some((x) => x.name === name)) throw new Error(`two figures named "${name}"`);
  results.push(r);
  const mark = smoke || r.stat === undefined ? '' : check([r]).missed.length ? ' ✗' : ' ✓';
  console.log(`${name.padEnd(66)} ${String(r.median).padStart(9)} ${String(r.p95).padStart(9)} ${unit.padEnd(6)} ${r.goal}${mark}`);
}

const report = (name, unit, samples, goal, extra) => {
  const { median, p95 } = summarise(samples);
  row(name, unit, median, p95, goal, extra);
};

/** A figure against a floor measured in the same run: medians divided, p95s divided. */
const ratio = (name, samples, floor, goal) => {
  const [a, b] = [summarise(samples), summarise(floor)];
  row(name, 'ratio', a.median / b.median, a.p95 / b.p95, goal);
};

/** A figure minus a floor measured in the same run: medians subtracted, p95s subtracted. */
const difference = (name, unit, samples, floor, goal) => {
  const [a, b] = [summarise(samples), summarise(floor)];
  row(name, unit, a.median - b.median, a.p95 - b.p95, goal);
};

const log = (line) => verbose && console.log(line);
const all = figures({ N, quick, smoke, verbose, report, ratio, difference, log });
if (only) for (const key of only.split(',')) if (!(key in all)) throw new Error(`no figure "${key}"; figures: ${Object.keys(all).join(', ')}`);

console.log(`${'figure'.padEnd(66)} ${'median'.padStart(9)} ${'p95'.padStart(9)} unit   goal`);
for (const [key, run] of Object.entries(all)) {
  if (only && !only.split(',').includes(key)) continue;
  const t0 = performance.now();
  try {
    await run();
  } catch (err) {
    console.error(`${key} failed: ${err.stack ?? err}`);
    results.push({ name: key, unit: 'error', median: null, p95: null, goal: String(err.message ?? err) });
  }
  log(`  (${key}: ${Math.round((performance.now() - t0) / 1000)} s)`);
}
const file = path.resolve(ROOT, out);
mkdirSync(path.dirname(file), { recursive: true });
const fields = ({ name, unit, median, p95, goal, stat, max }) => ({ name, unit, median, p95, goal, ...(stat === undefined ? {} : { stat, max }) });
writeFileSync(file, `${JSON.stringify(results.map(fields), null, 2)}\n`);
console.log(`\nWrote ${file}${smoke ? ' (smoke run: small data, not the figures; budgets not judged)' : ''}`);

const { broken, missed } = check(results);
for (const line of describe({ broken, missed: smoke ? [] : missed })) console.log(line);
if (broken.length) process.exitCode = 1;
else if (missed.length && !smoke) process.exitCode = 2;
