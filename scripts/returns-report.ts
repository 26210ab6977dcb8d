// npm run returns-report -- --log LOG.json --orders FILE [--orders FILE…] [--returns FILE…]
//   [--tz Asia/Shanghai] [--date-format DMY|MDY|YMD] [--grace-minutes 30] --out REPORT.json
// The returns loop for analysts (issue 17): the same parsing (lib/returns/import) and joining
// (lib/returns/report.ts) as the studio, in Node. The report's format: docs/returns-loop.md and
// docs/schema/returns-report.schema.json.
// Exit code 0: report written; 2: usage, or a file that cannot be read or is refused (the reason is printed).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyLogText } from '../lib/evidence/verify';
import { LogFile } from '../lib/export/log-file';
import { parseOrderFile } from '../lib/returns/import';
import { buildReport } from '../lib/returns/report';
import type { OrderLine, ReturnLine } from '../lib/returns/types';

const USAGE = 'usage: npm run returns-report -- --log LOG.json --orders FILE [--orders FILE…] [--returns FILE…] [--tz ZONE] [--date-format DMY|MDY|YMD] [--grace-minutes N] --out REPORT.json';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      log: { type: 'string' },
      orders: { type: 'string', multiple: true },
      returns: { type: 'string', multiple: true },
      tz: { type: 'string' },
      'date-format': { type: 'string' },
      'grace-minutes': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
}
if (!args.log || !args.out || !(args.orders?.length || args.returns?.length)) fail(USAGE);
const dateOrder = args['date-format'];
if (dateOrder !== undefined && !['DMY', 'MDY', 'YMD'].includes(dateOrder)) fail(`--date-format must be DMY, MDY or YMD, not ${dateOrder}`);
const timeZone = args.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
try {
  new Intl.DateTimeFormat('en', { timeZone });
} catch {
  fail(`--tz ${timeZone} is not a time zone (use an IANA name such as Asia/Shanghai)`);
}
const graceMinutes = args['grace-minutes'] === undefined ? undefined : Number(args['grace-minutes']);
if (graceMinutes !== undefined && !(Number.isFinite(graceMinutes) && graceMinutes >= 0)) fail('--grace-minutes must be a number of minutes, 0 or more');

const read = (file: string): Buffer => {
  try {
    return readFileSync(file);
  } catch (err) {
    return fail(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
};

// The log: it must verify, or the report would rest on a log that may have been edited.
const logText = read(args.log).toString('utf8');
const verified = await verifyLogText(logText);
if (!verified.ok) fail(`${args.log} does not verify (${verified.problems[0]?.code}): ${verified.problems[0]?.message}`);
const log = LogFile.parse(JSON.parse(logText.replace(/^\uFEFF/, '')));

const orders = new Map<string, OrderLine>();
const returns = new Map<string, ReturnLine>();
for (const file of [...(args.orders ?? []), ...(args.returns ?? [])]) {
  const result = await parseOrderFile(
    { name: path.basename(file), bytes: new Uint8Array(read(file)) },
    { timeZone, now: Date.now(), ...(dateOrder ? { dateOrder: dateOrder as 'DMY' | 'MDY' | 'YMD' } : {}) },
  );
  if (!result.ok) {
    if (result.needs === 'date-order') fail(`${file}: dates such as ${result.examples.join(', ')} read two ways; say which with --date-format DMY or MDY`);
    if (result.needs === 'mapping') fail(`${file}: an unknown layout (columns: ${result.headers.join(', ')}); map it once in the studio, or use Upfront's order template (docs/order-formats.md)`);
    const lines = result.issues.slice(0, 20).map((i) => `  ${i.row !== undefined ? `row ${i.row}` : 'file'}${i.field ? `, ${i.field}` : ''}: ${i.code}${i.params ? ` ${JSON.stringify(i.params)}` : ''}`);
    fail(`${file} was refused (${result.issues.length} problem(s)):\n${lines.join('\n')}`);
  }
  // Overlapping exports add nothing twice: lines are keyed by platform, order id and line.
  for (const o of result.orders) orders.set(o.key, o);
  for (const r of result.returns) returns.set(r.key, r);
}

const report = buildReport({
  sessions: log.sessions,
  events: log.events,
  snapshots: log.snapshots,
  orders: [...orders.values()],
  returns: [...returns.values()],
  ...(graceMinutes !== undefined ? { graceMs: graceMinutes * 60_000 } : {}),
});
writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `wrote ${args.out}: ${report.totals.orderLines} order line(s), ${report.totals.matched} matched to ${report.sessions.length} show(s), ${report.totals.unmatched} unmatched; ${report.totals.returnedUnits} of ${report.totals.orderedUnits} unit(s) returned`,
);
