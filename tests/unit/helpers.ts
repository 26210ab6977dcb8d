import 'fake-indexeddb/auto';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import type { LogData } from '../../lib/schema/session';
import type { DisclosureEvent, Session } from '../../lib/schema/session';

let counter = 0;

/** A repository over its own fresh fake-indexeddb database, so tests never share state. */
export function freshRepo(): { db: UpfrontDb; repo: Repository } {
  counter += 1;
  const db = new UpfrontDb(`upfront-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
  return { db, repo: new Repository(db) };
}

export const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

/** Every stored event, loose and sealed in pages (lib/db/event-pages.ts), in key order. */
export async function storedEvents(db: UpfrontDb): Promise<DisclosureEvent[]> {
  const [loose, pages] = await Promise.all([db.events.toArray(), db.eventPages.toArray()]);
  return [...loose, ...pages.flatMap((p) => p.events)];
}

/**
 * Sessions (all, or the given ones), their events in order and the snapshots they cite: what
 * the exporters take, read through the repository as the background's file builder reads it.
 */
export async function logOf(repo: Repository, sessionIds?: string[]): Promise<LogData> {
  const sessions = sessionIds ? (await repo.getSessions(sessionIds)).filter((s): s is Session => s !== undefined) : await repo.listSessions();
  const events = (await Promise.all(sessions.map((s) => repo.listEvents(s.id)))).flat();
  const snapshots = await repo.getSnapshots([...new Set(events.map((e) => e.cardHash))]);
  return { sessions, events, snapshots };
}
