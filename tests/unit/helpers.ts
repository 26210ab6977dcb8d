import 'fake-indexeddb/auto';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';

let counter = 0;

/** A repository over its own fresh fake-indexeddb database, so tests never share state. */
export function freshRepo(): { db: UpfrontDb; repo: Repository } {
  counter += 1;
  const db = new UpfrontDb(`upfront-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
  return { db, repo: new Repository(db) };
}

export const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
