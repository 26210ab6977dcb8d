/**
 * npm run docs: writes the generated parts of docs/ — the JSON Schemas of the deck file, the log
 * file, the order records, the journal's records, the returns report and the evidence pack (from
 * the zod schemas, so the docs cannot drift from the code), the CSV template, and the returns
 * examples made from the sample log.
 * tests/unit/studio-docs.test.ts fails when a committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deckFileJsonSchema, deckPackageJsonSchema } from '../lib/deckfile/json-schema';
import { examplePackage } from '../lib/deckfile/example';
import { logFileJsonSchemaText } from '../lib/export/log-file';
import { upfrontCsvTemplate } from '../lib/import/upfront-csv';
import { ordersJsonSchemaText } from '../lib/returns/import/json-schema';
import { journalRecordJsonSchemaText } from '../lib/safety/journal-format';
import { sampleReturnsFiles } from '../lib/returns/sample';

// Run through scripts/run-ts.mjs, which bundles this file elsewhere: paths are from the project root.
const root = process.env.UPFRONT_ROOT ?? process.cwd();
const files: Record<string, string | Uint8Array> = {
  'docs/schema/deck-file.schema.json': deckFileJsonSchema(),
  'docs/schema/deck-package.schema.json': deckPackageJsonSchema(),
  'docs/schema/log-file.schema.json': logFileJsonSchemaText(),
  'docs/examples/upfront-products.csv': upfrontCsvTemplate(),
  'docs/schema/orders.schema.json': ordersJsonSchemaText(),
  'docs/schema/journal-record.schema.json': journalRecordJsonSchemaText(),
  // The returns report's and evidence pack's schemas, and examples from the sample log (docs/returns-loop.md).
  ...sampleReturnsFiles(readFileSync(path.join(root, 'docs/examples/sample-log.json'), 'utf8')),
};
// The example deck package: the example deck file, packaged as the studio exports it.
files['docs/examples/autumn-show.upfront-deck.zip'] = examplePackage(readFileSync(path.join(root, 'docs/examples/autumn-show.upfront-deck.json'), 'utf8'));
for (const [file, text] of Object.entries(files)) {
  writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
