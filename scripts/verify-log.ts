// npm run verify-log -- FILE [FILE…]
// Verifies exported Upfront JSON logs with the same code as the studio (lib/evidence/verify.ts).
// Exit code 0: every file verifies; 1: a file does not verify (the first break is printed);
// 2: usage or read error.
import { readFileSync } from 'node:fs';
import { formatReport, verifyLogText } from '../lib/evidence/verify';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run verify-log -- FILE.json [FILE.json…]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  const report = await verifyLogText(text);
  const lines = formatReport(report, file);
  (report.ok ? console.log : console.error)(lines.join('\n'));
  if (!report.ok) failed = true;
}
process.exit(failed ? 1 : 0);
