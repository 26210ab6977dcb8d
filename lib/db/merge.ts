import { checkChain } from '../evidence/chain';
import { contentHash } from '../evidence/hash';
import type { DisclosureEvent, ImportResult, ImportStatus, Session, Snapshot } from '../schema/session';
import type { UpfrontDb } from './database';
import { eventAt, findEvent } from './event-pages';

export interface ImportInput {
  session: Session;
  /** The session's events in the file's order. */
  events: DisclosureEvent[];
  /** The snapshots those events cite. */
  snapshots: Snapshot[];
  /** The file's name, kept as the session's origin. */
  fileName: string;
  /** The installation that wrote the file (version 2 files), used when a session names none. */
  fileInstallation?: string;
  now: number;
}

/**
 * Merges one session from another machine's log. Nothing here ever changes or removes an event:
 * - the session's chain and the snapshots it cites must verify first, or it is refused whole;
 * - events are de-duplicated by id; an id already here with a different hash, or a sequence
 *   number already taken by another event, is a conflict and refuses the session;
 * - a session known here only grows: a longer copy of an imported session adds its new tail
 *   (the shared part must be identical); a session recorded in this browser is never changed
 *   by an import;
 * - the session keeps its origin: the installation that recorded it, and the file it came in.
 */
export async function importSession(db: UpfrontDb, input: ImportInput): Promise<ImportResult> {
  const { session, events } = input;
  const result = (status: ImportStatus, extra: Partial<ImportResult> = {}): ImportResult => ({
    sessionId: session.id,
    status,
    eventsAdded: 0,
    eventsDuplicate: 0,
    ...extra,
  });

  const broken = checkChain(session, events, session.head);
  if (broken) return result('rejected', { reason: broken.code });
  if (session.lastSeq !== events.length) return result('rejected', { reason: 'head' });
  const snapshots = new Map(input.snapshots.map((s) => [s.hash, s]));
  for (const s of input.snapshots) if (contentHash(s.content) !== s.hash) return result('rejected', { reason: 'snapshot-hash' });
  for (const e of events) if (!snapshots.has(e.cardHash)) return result('rejected', { reason: 'snapshot-missing' });

  return db.transaction('rw', db.sessions, db.events, db.eventPages, db.snapshots, db.meta, async () => {
    const here = await db.sessions.get(session.id);
    let added = 0;
    let duplicate = 0;
    const fresh: DisclosureEvent[] = [];
    for (const e of events) {
      const existing = await findEvent(db, e.id);
      if (existing) {
        if (existing.hash !== e.hash || existing.sessionId !== e.sessionId) return result('rejected', { reason: 'conflict' });
        duplicate += 1;
        continue;
      }
      const sameSeq = await eventAt(db, e.sessionId, e.seq);
      if (sameSeq) return result('rejected', { reason: 'conflict' });
      fresh.push(e);
    }

    if (here) {
      if (fresh.length === 0) return result('unchanged', { eventsDuplicate: duplicate });
      // Only the tail may be new, and it must continue the chain held here.
      const recordedHere = here.origin?.importedFrom === undefined;
      if (recordedHere || fresh[0].seq !== here.lastSeq + 1 || fresh[0].prev !== here.head) {
        return result('rejected', { reason: 'conflict' });
      }
    }

    for (const e of fresh) {
      await db.events.add(e);
      added += 1;
    }
    for (const hash of new Set(fresh.map((e) => e.cardHash))) {
      if (!(await db.snapshots.get(hash))) await db.snapshots.add(snapshots.get(hash)!);
    }

    if (here) {
      await db.sessions.put({
        ...here,
        lastSeq: session.lastSeq,
        head: session.head,
        ...(here.endedAt === undefined && session.endedAt !== undefined
          ? {
              endedAt: session.endedAt,
              // Only fields the file has: a key holding undefined would differ from the source.
              ...(session.endReason !== undefined && { endReason: session.endReason }),
              ...(session.endNote !== undefined && { endNote: session.endNote }),
            }
          : {}),
      });
      return result('extended', { eventsAdded: added, eventsDuplicate: duplicate });
    }
    const { exportedAt: _local, ...rest } = session;
    await db.sessions.add({
      ...rest,
      origin: {
        installation: session.origin?.installation ?? input.fileInstallation ?? 'unknown',
        importedFrom: input.fileName.slice(0, 300),
        importedAt: input.now,
      },
    });
    return result('added', { eventsAdded: added, eventsDuplicate: duplicate });
  });
}
