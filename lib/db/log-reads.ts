import { matchesSession, type LogFilter } from '../export/filter';
import type { DisclosureEvent, LogData, Session, Snapshot } from '../schema/session';
import type { UpfrontDb } from './database';
import { loggedCardIds, sessionEvents, sessionsWithCard } from './event-pages';

/** Reading recorded logs: the studio's session list and filters, and whole logs (the returns loop). */

/** Every session, newest first. */
export function listSessions(db: UpfrontDb): Promise<Session[]> {
  return db.sessions.orderBy('startedAt').reverse().toArray();
}

/** Sessions matching a filter, newest first. */
export async function querySessions(db: UpfrontDb, filter: LogFilter = {}): Promise<Session[]> {
  let sessions = (await listSessions(db)).filter((s) => matchesSession(s, filter));
  if (filter.cardId !== undefined) {
    const withCard = await sessionsWithCard(db, filter.cardId);
    sessions = sessions.filter((s) => withCard.has(s.id));
  }
  return sessions;
}

/** The distinct values the studio's filters offer. */
export async function filterOptions(db: UpfrontDb): Promise<{ hosts: string[]; platforms: string[]; decks: { id: string; name: string }[]; products: { id: string; sku: string; name: unknown }[] }> {
  const sessions = await listSessions(db);
  const hosts = [...new Set(sessions.map((s) => s.host))].sort((a, b) => a.localeCompare(b));
  const platforms = [...new Set(sessions.map((s) => s.platform))].sort();
  const decks = new Map<string, string>();
  for (const s of sessions) if (!decks.has(s.deckId)) decks.set(s.deckId, s.deckName);
  // Products come from the events (a product deleted since still has its log).
  const cardIds = await loggedCardIds(db);
  const cards = await db.cards.bulkGet(cardIds);
  const products = cardIds.map((id, i) => ({ id, sku: cards[i]?.sku ?? id, name: cards[i]?.name ?? null }));
  return { hosts, platforms, decks: [...decks].map(([id, name]) => ({ id, name })), products };
}

/** Sessions (all, or the given ones), their events in order, and the snapshots they cite (the returns loop reads the whole log). */
export async function readLog(db: UpfrontDb, sessionIds?: string[]): Promise<LogData> {
  const sessions = sessionIds
    ? (await db.sessions.bulkGet(sessionIds)).filter((s): s is Session => s !== undefined)
    : await listSessions(db);
  // All sessions' reads at once: the database serves them while the worker turns each into events.
  const events: DisclosureEvent[] = (await Promise.all(sessions.map((s) => sessionEvents(db, s.id)))).flat();
  const hashes = [...new Set(events.map((e) => e.cardHash))];
  const snapshots = (await db.snapshots.bulkGet(hashes)).filter((s): s is Snapshot => s !== undefined);
  return { sessions, events, snapshots };
}
