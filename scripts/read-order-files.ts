// node scripts/run-ts.mjs scripts/read-order-files.ts --tz ZONE [--date-format DMY|MDY|YMD] --out LINES.json FILE…
// The order and return lines of shop exports as the studio's import reads them (lib/returns/import),
// each key once, in key order, as JSON { orders, returns }: what `orders.import` stores. Used by
// the bench (bench/figures/migration.mjs) to write a database as an older Upfront left it.
// Exit code 0: written; 2: usage, or a file refused (the reason is printed).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrderFile, type DateOrder } from '../lib/returns/import';
import type { OrderLine, ReturnLine } from '../lib/returns/types';

const { values, positionals } = parseArgs({ options: { tz: { type: 'string' }, 'date-format': { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
if (!values.tz || !values.out || positionals.length === 0) {
  console.error('usage: node scripts/run-ts.mjs scripts/read-order-files.ts --tz ZONE [--date-format DMY|MDY|YMD] --out LINES.json FILE…');
  process.exit(2);
}
const orders = new Map<string, OrderLine>();
const returns = new Map<string, ReturnLine>();
const now = Date.now();
for (const file of positionals) {
  const result = await parseOrderFile(
    { name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) },
    { timeZone: values.tz, now, ...(values['date-format'] ? { dateOrder: values['date-format'] as DateOrder } : {}) },
  );
  if (!result.ok) {
    console.error(`${file} was not read: ${JSON.stringify(result.needs ?? result.issues.slice(0, 5))}`);
    process.exit(2);
  }
  for (const o of result.orders) orders.set(o.key, o);
  for (const r of result.returns) returns.set(r.key, r);
}
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
writeFileSync(values.out, JSON.stringify({ orders: [...orders.values()].sort(byKey), returns: [...returns.values()].sort(byKey) }));
