import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReturnsReport } from '../../lib/returns/report';

// `npm run returns-report` as an analyst runs it: the real parsers and the real join, in Node,
// on the example exports made to match the sample log's shows.
const ROOT = path.resolve(import.meta.dirname, '../..');
const ex = (f: string) => path.join(ROOT, 'docs/examples', f);
const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/returns-report.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run returns-report', () => {
  // Each case starts Node and bundles the script: seconds, not milliseconds.
  it('writes the report for a log and a shop’s order and return exports', { timeout: 30_000 }, () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'upfront-report-')), 'report.json');
    const r = run('--log', ex('sample-log.json'), '--orders', ex('tiktok-orders.csv'), '--orders', ex('tiktok-orders.xlsx'), '--returns', ex('tiktok-returns.csv'), '--tz', 'Europe/Madrid', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*report\.json: 9 order line\(s\), 6 matched to 2 show\(s\), 2 unmatched/);
    const report = ReturnsReport.parse(JSON.parse(readFileSync(out, 'utf8')));
    // The CSV and the Excel file are the same export: nothing is counted twice.
    expect(report.totals.orderLines).toBe(9);
    const hoodie = report.products.find((p) => p.sku === 'DEMO-HOODIE-01');
    expect(hoodie).toMatchObject({ ordered: 3, returned: 2, reasons: { size_fit: 2 } });
    expect(report.unmatched.map((u) => u.why).sort()).toEqual(['no-show', 'no-such-sku']);
    expect(report.unmatched.every((u) => u.file === 'tiktok-orders.csv' || u.file === 'tiktok-orders.xlsx')).toBe(true);
    const first = report.matches.find((m) => m.orderId === '577023118420113401')!;
    expect(first).toMatchObject({ sku: 'DEMO-HOODIE-01-M', sessionId: 'sample-session-lina' });
    expect(first.offsetMs).toBeGreaterThan(0);
    expect(first.disclosedBefore.length).toBeGreaterThan(0);
    expect(first.disclosedBefore.every((d) => d.offsetMs <= first.offsetMs)).toBe(true);
    for (const s of report.sessions) expect(s).toEqual({ sessionId: expect.any(String), host: expect.any(String), ordered: expect.any(Number), returned: expect.any(Number) });
  });

  it('exits 2 with the reason for a log that is not a log, a file it cannot read, an unknown layout or a bad zone', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'upfront-report-'));
    const out = path.join(dir, 'r.json');
    const notLog = run('--log', ex('tiktok-orders.csv'), '--orders', ex('tiktok-orders.csv'), '--out', out);
    expect(notLog.status).toBe(2);
    expect(notLog.stderr).toMatch(/does not verify \(not-json\)/);
    const missing = run('--log', ex('sample-log.json'), '--orders', path.join(dir, 'nope.csv'), '--out', out);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv/);
    const odd = path.join(dir, 'odd.csv');
    writeFileSync(odd, 'Bestellung,Artikel,Menge\n1,A,2\n');
    const unknown = run('--log', ex('sample-log.json'), '--orders', odd, '--tz', 'UTC', '--out', out);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown layout/);
    const zone = run('--log', ex('sample-log.json'), '--orders', ex('tiktok-orders.csv'), '--tz', 'Mars/Olympus', '--out', out);
    expect(zone.status).toBe(2);
    expect(zone.stderr).toMatch(/not a time zone/);
    expect(run().status).toBe(2);
  });
});
