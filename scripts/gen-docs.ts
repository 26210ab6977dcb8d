/**
 * Writes the generated parts of docs/: the deck file's JSON Schema (from the zod schema, so the
 * docs cannot drift from the code) and the CSV template. Run: npx jiti scripts/gen-docs.ts
 * tests/unit/docs.test.ts fails when a committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deckFileJsonSchema } from '../lib/deckfile/json-schema';
import { upfrontCsvTemplate } from '../lib/import/upfront-csv';

const root = path.resolve(import.meta.dirname, '..');
writeFileSync(path.join(root, 'docs/schema/deck-file.schema.json'), deckFileJsonSchema());
writeFileSync(path.join(root, 'docs/examples/upfront-products.csv'), upfrontCsvTemplate());
console.log('wrote docs/schema/deck-file.schema.json and docs/examples/upfront-products.csv');
