/**
 * npm run docs: writes the generated parts of docs/ — the JSON Schemas of the deck file and the
 * log file, the returns report and the evidence pack (from the zod schemas, so the docs cannot
 * drift from the code), the CSV template, and the returns examples made from the sample log.
 * tests/unit/studio-docs.test.ts fails when a committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deckFileJsonSchema } from '../lib/deckfile/json-schema';
import { logFileJsonSchemaText } from '../lib/export/log-file';
import { upfrontCsvTemplate } from '../lib/import/upfront-csv';
import { sampleReturnsFiles } from '../lib/returns/sample';

// Run through scripts/run-ts.mjs, which bundles this file elsewhere: paths are from the project root.
const root = process.env.UPFRONT_ROOT ?? process.cwd();
const files: Record<string, string> = {
  'docs/schema/deck-file.schema.json': deckFileJsonSchema(),
  'docs/schema/log-file.schema.json': logFileJsonSchemaText(),
  'docs/examples/upfront-products.csv': upfrontCsvTemplate(),
  // The returns report's and evidence pack's schemas, and examples from the sample log (docs/returns-loop.md).
  ...sampleReturnsFiles(readFileSync(path.join(root, 'docs/examples/sample-log.json'), 'utf8')),
};
for (const [file, text] of Object.entries(files)) {
  writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
