import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLogText } from '../../lib/evidence/verify';
import { packInLog } from '../../lib/evidence/verify-pack';
import { ANALYSIS_CSV_COLUMNS } from '../../lib/returns/analysis-csv';
import { EvidencePack } from '../../lib/returns/evidence-pack';
import { ReturnsReport } from '../../lib/returns/report';
import { sampleReturnsFiles } from '../../lib/returns/sample';
import { ROOT } from './studio-helpers';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('returns loop documentation (run `npm run docs` to update)', () => {
  const files = sampleReturnsFiles(read('docs/examples/sample-log.json'));
  it.each(Object.keys(files))('%s is current', (file) => {
    expect(read(file)).toBe(files[file]);
  });

  it('the example evidence pack verifies on its own and is part of the sample log', async () => {
    const text = read('docs/examples/sample-evidence-pack.json');
    const report = await verifyLogText(text);
    expect(report.problems).toEqual([]);
    const pack = EvidencePack.parse(JSON.parse(text));
    expect(packInLog(pack, JSON.parse(read('docs/examples/sample-log.json')))).toBeUndefined();
  });

  it('the example report passes its schema', () => {
    const report = ReturnsReport.parse(JSON.parse(read('docs/examples/sample-returns-report.json')));
    expect(report.matches.length).toBeGreaterThan(0);
  });

  it('docs/returns-loop.md documents every analysis CSV column and report field', () => {
    const doc = read('docs/returns-loop.md');
    for (const column of ANALYSIS_CSV_COLUMNS.filter((c) => !c.startsWith('reason_'))) expect(doc).toContain(`\`${column}\``);
    for (const field of Object.keys(ReturnsReport.shape)) expect(doc).toContain(`\`${field}\``);
  });
});
