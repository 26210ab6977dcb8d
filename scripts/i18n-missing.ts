/**
 * Lists, per locale, the keys it lacks compared with en.json (plural-aware: each language's own
 * plural forms), extra keys, and placeholder mismatches. Run after other work added keys:
 *   node scripts/run-ts.mjs scripts/i18n-missing.ts        (exit 1 when anything is missing)
 *   node scripts/run-ts.mjs scripts/i18n-missing.ts --json (the English texts to translate)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatten, parity, type Tree } from '../lib/i18n/parity';

// Relative to the working directory: run-ts.mjs bundles this script elsewhere, so not import.meta.
const DIR = join(process.cwd(), 'lib/i18n/locales');
const load = (file: string) => flatten(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Tree);
const en = load('en.json');
const json = process.argv.includes('--json');
let problems = 0;
const todo: Record<string, Record<string, string>> = {};

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'en.json').sort()) {
  const language = file.replace(/\.json$/, '');
  const r = parity(en, load(file), language);
  problems += r.missing.length + r.extra.length + r.placeholderMismatch.length;
  if (json) {
    todo[language] = Object.fromEntries(r.missing.map((k) => [k, en.get(k) ?? en.get(k.replace(/_(zero|one|two|few|many)$/, '_other')) ?? en.get(k.replace(/_\w+$/, '')) ?? '']));
    continue;
  }
  console.log(`${language}: ${r.missing.length} missing, ${r.extra.length} extra, ${r.placeholderMismatch.length} placeholder mismatches, ${r.unusedForms.length} unused plural forms`);
  for (const k of r.missing) console.log(`  missing      ${k}`);
  for (const k of r.extra) console.log(`  extra        ${k}`);
  for (const k of r.placeholderMismatch) console.log(`  placeholders ${k}`);
}
if (json) console.log(JSON.stringify(todo, null, 2));
process.exitCode = problems > 0 ? 1 : 0;
