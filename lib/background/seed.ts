import type { Repository } from '../db/repository';
import { demoBundle } from '../demo/deck';
import type { KeyValue } from './kv';

/**
 * Seeds the demo deck the first time the extension runs; a user who removed it never gets it
 * back. Done at start-up rather than in runtime.onInstalled so every request can wait for it:
 * the sidebar on an already-open console must not see an empty database on first run.
 */
export async function seedDemoOnce(repo: Repository, local: KeyValue, now: number): Promise<boolean> {
  if (await local.get<boolean>('demoSeeded')) return false;
  await repo.putDeckBundle(demoBundle(now));
  await local.set('demoSeeded', true);
  return true;
}
