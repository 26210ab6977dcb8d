// npm run sample-log: records the sample show (lib/sessions/sample.ts) in a throwaway
// fake-indexeddb database with the real repository, and exports it with the real exporter to
// docs/examples/sample-log.json and sample-log.csv. tests/unit/evidence-sample.test.ts verifies
// both files.
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { UpfrontDb } from '../lib/db/database';
import { Repository } from '../lib/db/repository';
import { collect, logChunks, repositorySource } from '../lib/export/stream';
import { SAMPLE_INSTALLATION, SAMPLE_START, recordSampleShow } from '../lib/sessions/sample';

const repo = new Repository(new UpfrontDb(`upfront-sample-${Date.now()}`));
const ids = await recordSampleShow(repo);
const sessions = (await repo.listSessions()).filter((s) => ids.includes(s.id)).reverse();
const exportedAt = SAMPLE_START + 86_400_000;
const dir = path.join(process.env.UPFRONT_ROOT ?? process.cwd(), 'docs/examples');
for (const format of ['json', 'csv'] as const) {
  const text = await collect(logChunks(repositorySource(repo), { format, sessions, exportedAt, installation: SAMPLE_INSTALLATION, pause: async () => undefined }));
  const file = path.join(dir, `sample-log.${format}`);
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
