// npm run verify-log -- FILE [FILE…]
// Verifies exported Upfront JSON logs and evidence packs with the same code as the studio
// (lib/evidence/verify.ts). Given a pack and a log together, it also checks the pack's events
// are the log's events of that session, from the first (docs/returns-loop.md, "Evidence pack").
// Exit code 0: every file verifies; 1: a file does not verify (the first break is printed);
// 2: usage or read error.
import { readFileSync } from 'node:fs';
import { formatReport, verifyLogText } from '../lib/evidence/verify';
import { PACK_FORMAT, packInLog } from '../lib/evidence/verify-pack';
import type { EvidencePack } from '../lib/returns/evidence-pack';
import type { DisclosureEvent } from '../lib/schema/session';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run verify-log -- FILE.json [FILE.json…]');
  process.exit(2);
}
let failed = false;
const packs: { file: string; pack: EvidencePack }[] = [];
const logs: { file: string; events: DisclosureEvent[] }[] = [];
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
  else {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { format: string; events: DisclosureEvent[] };
    if (data.format === PACK_FORMAT) packs.push({ file, pack: data as unknown as EvidencePack });
    else logs.push({ file, events: data.events });
  }
}
for (const { file, pack } of packs) {
  for (const log of logs) {
    if (!log.events.some((e) => e.sessionId === pack.session.id)) continue;
    const problem = packInLog(pack, log);
    if (problem) {
      failed = true;
      console.error(`FAILED ${file} is not part of ${log.file}: ${problem.message}`);
    } else console.log(`OK ${file}: events 1–${pack.prefix.throughSeq} of session ${pack.session.id} are the same in ${log.file}.`);
  }
}
process.exit(failed ? 1 : 0);
