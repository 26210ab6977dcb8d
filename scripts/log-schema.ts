// npm run log-schema: writes docs/log-file.schema.json, the JSON Schema of the JSON log file,
// generated from the zod schemas with z.toJSONSchema. tests/unit/evidence-schema.test.ts fails
// when the file is out of date.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { logFileJsonSchemaText } from '../lib/export/log-file';

const out = path.join(process.env.UPFRONT_ROOT ?? process.cwd(), 'docs/log-file.schema.json');
writeFileSync(out, logFileJsonSchemaText());
console.log(`wrote ${out}`);
