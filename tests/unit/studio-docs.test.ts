import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePackage } from '../../lib/deckfile/example';
import { deckFileJsonSchema, deckPackageJsonSchema } from '../../lib/deckfile/json-schema';
import { upfrontCsvTemplate, UPFRONT_CSV_COLUMNS } from '../../lib/import/upfront-csv';
import { ROOT } from './studio-helpers';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('generated documentation is current (run `npm run docs` to update)', () => {
  it('docs/schema/deck-file.schema.json matches the zod schema', () => {
    expect(read('docs/schema/deck-file.schema.json')).toBe(deckFileJsonSchema());
  });
  it('docs/schema/deck-package.schema.json matches the zod schema of a package’s deck.json', () => {
    expect(read('docs/schema/deck-package.schema.json')).toBe(deckPackageJsonSchema());
  });
  it('docs/examples/autumn-show.upfront-deck.zip is the example deck file, packaged', () => {
    const zip = readFileSync(path.join(ROOT, 'docs/examples/autumn-show.upfront-deck.zip'));
    expect(Buffer.from(examplePackage(read('docs/examples/autumn-show.upfront-deck.json'))).equals(zip)).toBe(true);
  });
  it('docs/examples/upfront-products.csv is the downloadable template', () => {
    expect(read('docs/examples/upfront-products.csv')).toBe(upfrontCsvTemplate());
  });
  it('docs/import-formats.md documents every template column', () => {
    const doc = read('docs/import-formats.md');
    for (const { column } of UPFRONT_CSV_COLUMNS) expect(doc).toContain(`\`${column}\``);
  });
});
