/**
 * npm run docs: writes the generated parts of docs/ — the JSON Schemas of the deck file and the
 * log file and the journal's records (from the zod schemas, so the docs cannot drift from the code) and the CSV template.
 * tests/unit/studio-docs.test.ts fails when a committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deckFileJsonSchema } from '../lib/deckfile/json-schema';
import { logFileJsonSchemaText } from '../lib/export/log-file';
import { upfrontCsvTemplate } from '../lib/import/upfront-csv';
import { journalRecordJsonSchemaText } from '../lib/safety/journal-format';

// Run through scripts/run-ts.mjs, which bundles this file elsewhere: paths are from the project root.
const root = process.env.UPFRONT_ROOT ?? process.cwd();
const files: Record<string, string> = {
  'docs/schema/deck-file.schema.json': deckFileJsonSchema(),
  'docs/schema/log-file.schema.json': logFileJsonSchemaText(),
  'docs/examples/upfront-products.csv': upfrontCsvTemplate(),
  'docs/schema/journal-record.schema.json': journalRecordJsonSchemaText(),
};
for (const [file, text] of Object.entries(files)) {
  writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
