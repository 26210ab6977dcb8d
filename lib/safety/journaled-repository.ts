import type { UpfrontDb } from '../db/database';
import { UpfrontError } from '../errors';
import { Repository, type RecordInput, type StartSessionInput } from '../db/repository';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import type { Journal } from './journal';
import type { JournalRecord } from './journal-format';
import { asStorageError, storageFault } from './storage-errors';

/** How the journal is doing, for the storage check and the studio. */
export interface JournalHealth {
  /** The last append's failure (a StorageFault or "journal-failed"), cleared by the next success. */
  failing?: string;
  lastWriteAt?: number;
}

/**
 * The repository with a second copy (issue 22): every event the database commits is appended
 * to the journal before the request is answered, so the sidebar shows ✓ Recorded only when both
 * hold it. If the journal cannot take it, the request fails and the host retries; the retry
 * finds the committed event (by its id) and journals it again, and replay counts it once.
 *
 * A session's header and each card snapshot are journaled with the first event that needs them
 * in this worker's life (again after a restart: replay keeps the first). Session starts and ends
 * are journaled too but never fail the host's Go live or End session: one the journal could not
 * take waits and goes with the next append.
 */
export class JournaledRepository extends Repository {
  private readonly sessionsJournaled = new Set<string>();
  private readonly snapshotsJournaled = new Set<string>();
  private owed: JournalRecord[] = [];
  /** Snapshots recordEvent just stored, so journaling them needs no read. */
  private readonly fresh = new Map<string, Snapshot>();
  readonly health: JournalHealth = {};

  constructor(
    private readonly database: UpfrontDb,
    readonly journal: Journal,
    private readonly now: () => number = () => Date.now(),
    /** Told of each session that ended (after its end is journaled): the automatic copy. */
    private readonly onEnded: (session: Session) => void = () => undefined,
    /** Told of every write that failed for space (the reserve is given back to the disk). */
    private readonly onFault: () => void = () => undefined,
    /** False while the disk is known full (after asking it again): writes fail at once instead of touching storage. */
    private readonly roomToWrite: () => Promise<boolean> = async () => true,
  ) {
    super(database);
  }

  override async startSession(input: StartSessionInput): Promise<Session> {
    const session = await this.guard(() => super.startSession(input));
    if (await this.appendOrOwe([{ k: 'session', session }])) this.sessionsJournaled.add(session.id);
    return session;
  }

  override async endSession(id: string, now: number, reason: 'host' | 'auto' = 'host', note?: string): Promise<Session> {
    const ended = await this.guard(() => super.endSession(id, now, reason, note));
    await this.appendOrOwe([
      { k: 'end', sessionId: id, endedAt: ended.endedAt ?? now, ...(ended.endReason && { endReason: ended.endReason }), ...(ended.endNote !== undefined && { endNote: ended.endNote }) },
    ]);
    if (ended.endedAt === now) this.onEnded(ended);
    return ended;
  }

  override async recordEvent(input: RecordInput): Promise<DisclosureEvent> {
    const event = await this.guard(() => super.recordEvent(input));
    const records: JournalRecord[] = [];
    if (!this.sessionsJournaled.has(event.sessionId)) {
      const session = await this.getSession(event.sessionId);
      if (session) records.push({ k: 'session', session });
    }
    if (!this.snapshotsJournaled.has(event.cardHash)) {
      const fresh = this.fresh.get(event.cardHash);
      this.fresh.delete(event.cardHash);
      for (const snapshot of fresh ? [fresh] : await this.getSnapshots([event.cardHash])) records.push({ k: 'snapshot', snapshot });
    }
    records.push({ k: 'event', event });
    await this.append(records);
    this.sessionsJournaled.add(event.sessionId);
    this.snapshotsJournaled.add(event.cardHash);
    return event;
  }

  protected override snapshotStored(snapshot: Snapshot): void {
    this.fresh.set(snapshot.hash, snapshot);
  }

  /** Appends, with whatever an earlier failure left owed; throws an error the host can read. */
  private async append(records: JournalRecord[]): Promise<void> {
    if (!(await this.roomToWrite())) throw new UpfrontError('disk-full', 'the disk is full: no write until a storage check finds room');
    const owed = this.owed;
    this.owed = [];
    try {
      await this.journal.append([...owed, ...records]);
      this.health.failing = undefined;
      this.health.lastWriteAt = this.now();
    } catch (err) {
      this.owed = [...owed, ...this.owed];
      this.health.failing = storageFault(err) ?? 'journal-failed';
      if (storageFault(err)) this.onFault();
      const readable = asStorageError(err);
      throw readable === err ? new UpfrontError('journal-failed', String(err)) : readable;
    }
  }

  /** Appends, or keeps the records for the next append; true when they were written. */
  private async appendOrOwe(records: JournalRecord[]): Promise<boolean> {
    try {
      await this.append(records);
      return true;
    } catch (err) {
      this.owed.push(...records);
      console.error('Upfront: journal append failed, kept for the next one', err);
      return false;
    }
  }

  /**
   * Runs a database request; on a storage fault, closes the database so the next request opens
   * it afresh (after space is freed that works, unless the browser has given up on the store
   * until it restarts), and throws the fault by name.
   */
  private async guard<T>(run: () => Promise<T>): Promise<T> {
    if (!(await this.roomToWrite())) throw new UpfrontError('disk-full', 'the disk is full: no write until a storage check finds room');
    try {
      return await run();
    } catch (err) {
      if (storageFault(err)) {
        this.onFault();
        this.database.close({ disableAutoOpen: false });
      }
      throw asStorageError(err);
    }
  }
}
