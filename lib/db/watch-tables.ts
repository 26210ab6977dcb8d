import type { Dexie, ObservabilitySet } from 'dexie';

/**
 * Calls `onChange` with those of `tables` that a committed write to `db` changed, for every
 * write made through Dexie in this context (Dexie's global `storagemutated`, fired when the
 * transaction completes, before anything awaiting it resumes). Returns the unsubscribe
 * function. Dexie's events are reached through the database's own class, so this module loads
 * no Dexie of its own (which would read the platform's IndexedDB early).
 */
export function watchTables<T extends string>(db: Dexie, tables: readonly T[], onChange: (changed: Set<T>) => void): () => void {
  const dbName = db.name;
  const events = (db.constructor as unknown as Pick<typeof Dexie, 'on'>).on;
  const ours = new Set<string>(tables);
  const handler = (parts: ObservabilitySet) => {
    const changed = new Set<T>();
    // A part is `idb://<database>/<table>/<index>`.
    for (const part of Object.keys(parts)) {
      const [scheme, , db, table] = part.split('/');
      if (scheme === 'idb:' && db === dbName && ours.has(table)) changed.add(table as T);
    }
    if (changed.size > 0) onChange(changed);
  };
  events('storagemutated', handler);
  return () => events.storagemutated.unsubscribe(handler);
}
