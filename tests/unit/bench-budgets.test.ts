import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { budget, check, describe as lines, goalText, type ResultRow } from '../../bench/budgets.mjs';

const row = (name: string, median: number | null, p95: number | null, extra: Partial<ResultRow> = {}): ResultRow => ({ name, unit: 'ms', median, p95, goal: 'info', ...extra });

describe('bench budgets', () => {
  it('judges the statistic each budget names, at most max', () => {
    const results = [
      row('met at the edge', 10, 99, { stat: 'median', max: 10 }),
      row('median fine, p95 over', 5, 34, { stat: 'p95', max: 33 }),
      row('p95 fine, median over', 6, 6, { stat: 'median', max: 5 }),
      row('a floor is never judged', 1000, 1000, { goal: 'floor' }),
    ];
    expect(check(results).missed.map((r) => r.name)).toEqual(['median fine, p95 over', 'p95 fine, median over']);
  });

  it('counts a budgeted figure without a number as missed, and a failed figure as broken', () => {
    const results = [row('no number', null, null, { stat: 'p95', max: 1 }), { name: 'longShow', unit: 'error', median: null, p95: null, goal: 'no sidebar frame' }];
    const outcome = check(results);
    expect(outcome.missed.map((r) => r.name)).toEqual(['no number']);
    expect(outcome.broken.map((r) => r.name)).toEqual(['longShow']);
    expect(lines(outcome)).toEqual(['failed to run: longShow: no sidebar frame', 'budget missed: no number: p95 null > 1 ms']);
  });

  it('refuses a budget that names no known statistic or no number', () => {
    expect(() => budget('mean' as 'median', 1)).toThrow(/unknown statistic/);
    expect(() => budget('p95', Number.NaN)).toThrow(/must be a number/);
    expect(goalText(budget('p95', 1.3), 'ratio')).toBe('p95 ≤ 1.3');
    expect(goalText(budget('median', 5), 'ms')).toBe('median ≤ 5 ms');
  });

  it('checks a results file from the command line: exit 1 on a missed budget, 0 when all are met', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'upfront-budgets-'));
    const script = path.resolve(import.meta.dirname, '../../bench/budgets.mjs');
    const met = path.join(dir, 'met.json');
    const missed = path.join(dir, 'missed.json');
    writeFileSync(met, JSON.stringify([row('a', 1, 2, { stat: 'p95', max: 2 })]));
    writeFileSync(missed, JSON.stringify([row('a', 1, 3, { stat: 'p95', max: 2 })]));
    const run = promisify(execFile);
    await expect(run(process.execPath, [script, met])).resolves.toMatchObject({ stdout: expect.stringContaining('every budget') });
    await expect(run(process.execPath, [script, missed])).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('budget missed: a: p95 3 > 2 ms') });
  });
});
