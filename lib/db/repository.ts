import { UpfrontError } from '../errors';
import { showHeader, type ShowStartInput } from './show-start';
import { CURRENT_CHAIN_VERSION, headerGenesisHash } from '../evidence/chain';
import type { LogFilter } from '../export/filter';
import type { Card } from '../schema/card';
import type { Deck, DeckBundle, DeckSummary } from '../schema/deck';
import { AUTO_END_AFTER_MS, type DisclosureEvent, type ImportResult, type LogData, type Session, type Snapshot } from '../schema/session';
import { cardsWithPolicies } from './bundles';
import type { UpfrontDb } from './database';
import { deckBundleOf, listDecks, putDeckBundle, removeDemo } from './decks';
import { SEAL_STEP, eventAt, sealSession, sessionEvents } from './event-pages';
import { filterOptions, listSessions, querySessions, readLog } from './log-reads';
import { importSession, type ImportInput } from './merge';
import { INSTALLATION_KEY, newInstallationId } from './meta';
import { recordEvent, type RecordInput } from './record-event';

export type { RecordInput };

/** What starting a session takes (./show-start.ts, shared with rehearsals). */
export type StartSessionInput = ShowStartInput;


/**
 * All reads and writes of Upfront's decks, sessions and logs (the studio's library is
 * ./library.ts, orders ./orders.ts). Only the background calls it. The session's life (start,
 * end, automatic end, sealing) is here; recording an event is ./record-event.ts, reading logs
 * ./log-reads.ts, decks ./decks.ts, merging another machine's log ./merge.ts.
 */
export class Repository {
  /** Snapshot hashes known to be stored (snapshots are never deleted), to skip a lookup per event. */
  private readonly knownSnapshots = new Set<string>();
  /** The sealing run going on, if any (sealEnded). */
  private sealing: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: UpfrontDb) {}

  listDecks(): Promise<DeckSummary[]> {
    return listDecks(this.db);
  }

  async getDeck(deckId: string): Promise<Deck | undefined> {
    return this.db.decks.get(deckId);
  }

  async getDeckBundle(deckId: string): Promise<DeckBundle> {
    const deck = await this.getDeck(deckId);
    if (!deck) throw new UpfrontError('deck-not-found', deckId);
    return this.bundleOf(deck);
  }

  /** A deck record with its cards (run-sheet order) and the policies they use. */
  bundleOf(deck: Deck): Promise<DeckBundle> {
    return deckBundleOf(this.db, deck);
  }

  /** Some cards with the policies they use (an open sidebar's re-read after a studio save). */
  cardsWithPolicies(cardIds: readonly string[]) {
    return cardsWithPolicies(this.db, cardIds);
  }

  async listCards(): Promise<Card[]> {
    const cards = await this.db.cards.toArray();
    return cards.sort((a, b) => a.sku.localeCompare(b.sku));
  }

  /** This database's installation id, made on first use (or by the version 2 upgrade). */
  async installationId(): Promise<string> {
    const { db } = this;
    return db.transaction('rw', db.meta, async () => {
      const found = (await db.meta.get(INSTALLATION_KEY))?.value;
      if (typeof found === 'string') return found;
      const id = newInstallationId();
      await db.meta.put({ key: INSTALLATION_KEY, value: id });
      return id;
    });
  }

  async startSession(input: StartSessionInput): Promise<Session> {
    return this.db.transaction('rw', this.db.sessions, this.db.decks, async () => {
      const existing = await this.db.sessions.get(input.id);
      if (existing) return existing;
      const deck = await this.db.decks.get(input.deckId);
      if (!deck) throw new UpfrontError('deck-not-found', input.deckId);
      const session: Session = {
        ...showHeader(input, deck),
        head: '',
        chainVersion: CURRENT_CHAIN_VERSION,
      };
      session.head = headerGenesisHash(session);
      await this.db.sessions.add(session);
      return session;
    });
  }

  async getSession(id: string): Promise<Session | undefined> {
    return this.db.sessions.get(id);
  }

  /** Sessions by id, in the order asked (undefined where there is none), in one request. */
  async getSessions(ids: string[]): Promise<(Session | undefined)[]> {
    return this.db.sessions.bulkGet(ids);
  }

  /**
   * Ends a session once; ending an ended session returns it unchanged (a retry is harmless). Its
   * events are sealed into pages afterwards (sealEnded), not here: the host's End session does
   * not wait for it.
   */
  async endSession(id: string, now: number, reason: 'host' | 'auto' = 'host', note?: string): Promise<Session> {
    return this.db.transaction('rw', this.db.sessions, async () => {
      const s = await this.db.sessions.get(id);
      if (!s) throw new UpfrontError('session-not-found', id);
      if (s.endedAt !== undefined) return s;
      const ended: Session = { ...s, endedAt: now, endReason: reason, ...(note !== undefined ? { endNote: note } : {}) };
      await this.db.sessions.put(ended);
      return ended;
    });
  }

  listSessions(): Promise<Session[]> {
    return listSessions(this.db);
  }

  /**
   * Sessions recorded in this browser and not ended yet, newest first. A session merged from
   * another machine is that machine's to end, so it is left out.
   */
  async openSessions(): Promise<Session[]> {
    return (await this.listSessions()).filter((s) => s.endedAt === undefined && s.origin?.importedFrom === undefined);
  }

  /** When the session last recorded anything: its last event, or its start. */
  async lastActivity(session: Session): Promise<number> {
    if (session.lastSeq === 0) return session.startedAt;
    const last = await eventAt(this.db, session.id, session.lastSeq);
    return last?.at ?? session.startedAt;
  }

  /**
   * Seals the events of every ended session still kept an event per record (lib/db/event-pages.ts):
   * run by the background after a session ends or an import, and when it starts (sessions ended
   * before database version 4, or while it was stopped mid-way). SEAL_STEP events per
   * transaction, and nothing while a session recorded here is live; returns how many events
   * were moved.
   */
  async sealEnded(): Promise<number> {
    // One run at a time, whoever asks (the background's start, every end and import): a run
    // asked for meanwhile starts after the one going on, and seals what ended since.
    const run = this.sealing.then(() => this.sealNow());
    this.sealing = run.catch(() => undefined);
    return run;
  }

  private async sealNow(): Promise<number> {
    const { db } = this;
    let moved = 0;
    // Only sessions that have loose events: cheap when there is nothing to do (every start).
    const withLoose = (await db.events.orderBy('sessionId').uniqueKeys()) as string[];
    for (const s of await db.sessions.bulkGet(withLoose)) {
      if (s?.endedAt === undefined) continue;
      for (;;) {
        // Never while a show is live here: its disclosures would wait behind each step. The
        // session that ends last seals them all.
        if ((await this.openSessions()).length > 0) return moved;
        const step = await db.transaction('rw', db.events, db.eventPages, () => sealSession(db, s.id, SEAL_STEP));
        moved += step;
        if (step < SEAL_STEP) break;
      }
    }
    return moved;
  }

  /**
   * Ends every session idle for `afterMs` or more (see AUTO_END_AFTER_MS), with a note saying it
   * was ended automatically and when it was last active. The end time is now, the moment the
   * record was closed; the note keeps the last activity so nobody reads the gap as airtime.
   */
  async autoEndStale(now: number, afterMs = AUTO_END_AFTER_MS): Promise<Session[]> {
    const { db } = this;
    const ended: Session[] = [];
    for (const s of await this.openSessions()) {
      if (now - (await this.lastActivity(s)) < afterMs) continue;
      // Looked at again in the transaction that ends it: a disclosure recorded since the look
      // above keeps the show open, and one sent after it is refused (the session has ended).
      const done = await db.transaction('rw', db.sessions, db.events, db.eventPages, async () => {
        const current = await db.sessions.get(s.id);
        if (!current || current.endedAt !== undefined) return undefined;
        const last = await this.lastActivity(current);
        if (now - last < afterMs) return undefined;
        const hours = Math.round(afterMs / 3_600_000);
        const note = `Ended automatically by Upfront: no disclosure recorded for ${hours} hours or more (last activity ${new Date(last).toISOString()}). The host did not press End session.`;
        return this.endSession(s.id, now, 'auto', note);
      });
      if (done) ended.push(done);
    }
    return ended;
  }

  /** Sessions matching a filter, newest first. */
  querySessions(filter: LogFilter = {}): Promise<Session[]> {
    return querySessions(this.db, filter);
  }

  /** The distinct values the studio's filters offer. */
  filterOptions() {
    return filterOptions(this.db);
  }

  /**
   * One page of a session's events in sequence order: seq in (afterSeq, throughSeq]. Sequence
   * numbers are unique, so the window bounds the page's size (an export asks window by window).
   */
  async eventsPage(sessionId: string, afterSeq: number, throughSeq: number): Promise<DisclosureEvent[]> {
    return sessionEvents(this.db, sessionId, afterSeq, throughSeq);
  }

  async getSnapshots(hashes: string[]): Promise<Snapshot[]> {
    return (await this.db.snapshots.bulkGet(hashes)).filter((s): s is Snapshot => s !== undefined);
  }

  /** Remembers that these sessions were exported, for the studio's export reminder. */
  async markExported(sessionIds: string[], now: number): Promise<void> {
    await this.db.transaction('rw', this.db.sessions, async () => {
      for (const id of sessionIds) await this.db.sessions.update(id, { exportedAt: now });
    });
  }

  /** Merges one session from another machine's log file; see lib/db/merge.ts. */
  async importSession(input: ImportInput): Promise<ImportResult> {
    return importSession(this.db, input);
  }

  /**
   * Appends one disclosure event to its session's hash chain, in one transaction with the
   * snapshot of the card it refers to. Idempotent by event id: a retry of an event that was
   * committed returns the committed event instead of adding a second one.
   */
  /** Records one disclosure (./record-event.ts); a subclass hears of each snapshot it stored. */
  async recordEvent(input: RecordInput): Promise<DisclosureEvent> {
    const { event, stored } = await recordEvent(this.db, input, this.knownSnapshots);
    if (stored) {
      this.knownSnapshots.add(stored.hash);
      this.snapshotStored(stored);
    }
    return event;
  }

  /** A card snapshot recordEvent stored (a subclass keeps a second copy: lib/safety). */
  protected snapshotStored(_snapshot: Snapshot): void {}

  async listEvents(sessionId: string): Promise<DisclosureEvent[]> {
    return sessionEvents(this.db, sessionId);
  }
  /** Sessions (all, or the given ones), their events in order, and the snapshots they cite (the returns loop reads the whole log). */
  exportLog(sessionIds?: string[]): Promise<LogData> {
    return readLog(this.db, sessionIds);
  }


  /** Writes a deck with its cards and policies (the demo seed). */
  putDeckBundle(bundle: DeckBundle): Promise<void> {
    return putDeckBundle(this.db, bundle);
  }

  /** Removes the demo deck, cards and policies; logs recorded with them stay. */
  removeDemo(): Promise<{ decks: number; cards: number; policies: number }> {
    return removeDemo(this.db);
  }
}
