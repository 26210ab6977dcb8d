import { cardItems, effectivePolicyId, snapshotContent } from '../cards/items';
import { UpfrontError } from '../errors';
import { CURRENT_CHAIN_VERSION, eventHash, headerGenesisHash } from '../evidence/chain';
import { contentHash } from '../evidence/hash';
import type { Card } from '../schema/card';
import type { Deck, DeckBundle, DeckSummary } from '../schema/deck';
import { matchesSession, type LogFilter } from '../export/filter';
import { AUTO_END_AFTER_MS, type Action, type DisclosureEvent, type Item, type LogData, type Session, type Snapshot } from '../schema/session';
import { cardsWithPolicies } from './bundles';
import type { UpfrontDb } from './database';
import { SEAL_STEP, eventAt, findEvent, loggedCardIds, sealSession, sessionEvents, sessionsWithCard } from './event-pages';
import type { ImportResult } from '../schema/session';
import { importSession, type ImportInput } from './merge';
import { INSTALLATION_KEY, newInstallationId } from './meta';

/** A deck record with its cards (run-sheet order, missing ones left out) and the policies they use. */
export async function deckBundleOf(db: UpfrontDb, deck: Deck): Promise<DeckBundle> {
  const { cards, policies } = await cardsWithPolicies(db, deck.cardIds, deck.defaultPolicyId ? [deck.defaultPolicyId] : []);
  return { deck, cards, policies };
}

export interface StartSessionInput {
  id: string;
  deckId: string;
  host: string;
  market?: string;
  language?: string;
  platform: string;
  consoleOrigin: string;
  now: number;
}

export interface RecordInput {
  id: string;
  sessionId: string;
  cardId: string;
  item: Item;
  language: string;
  action: Action;
  corrects?: string;
  stage?: { layout: 'full' | 'lower-third' | 'side' };
  now: number;
}

/** All reads and writes of Upfront's data. Only the background calls it. */
export class Repository {
  /** Snapshot hashes known to be stored (snapshots are never deleted), to skip a lookup per event. */
  private readonly knownSnapshots = new Set<string>();
  /** The sealing run going on, if any (sealEnded). */
  private sealing: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: UpfrontDb) {}

  async listDecks(): Promise<DeckSummary[]> {
    const decks = await this.db.decks.toArray();
    return decks
      .map((d) => ({
        id: d.id,
        name: d.name,
        market: d.market,
        languages: d.languages,
        cardCount: d.cardIds.length,
        demo: d.demo === true,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
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
        id: input.id,
        deckId: deck.id,
        deckName: deck.name,
        host: input.host.trim(),
        platform: input.platform,
        consoleOrigin: input.consoleOrigin,
        market: input.market ?? deck.market,
        language: input.language ?? deck.languages[0],
        startedAt: input.now,
        lastSeq: 0,
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

  async listSessions(): Promise<Session[]> {
    return this.db.sessions.orderBy('startedAt').reverse().toArray();
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
  async querySessions(filter: LogFilter = {}): Promise<Session[]> {
    let sessions = (await this.listSessions()).filter((s) => matchesSession(s, filter));
    if (filter.cardId !== undefined) {
      const withCard = await sessionsWithCard(this.db, filter.cardId);
      sessions = sessions.filter((s) => withCard.has(s.id));
    }
    return sessions;
  }

  /** The distinct values the studio's filters offer. */
  async filterOptions(): Promise<{ hosts: string[]; platforms: string[]; decks: { id: string; name: string }[]; products: { id: string; sku: string; name: unknown }[] }> {
    const sessions = await this.listSessions();
    const hosts = [...new Set(sessions.map((s) => s.host))].sort((a, b) => a.localeCompare(b));
    const platforms = [...new Set(sessions.map((s) => s.platform))].sort();
    const decks = new Map<string, string>();
    for (const s of sessions) if (!decks.has(s.deckId)) decks.set(s.deckId, s.deckName);
    // Products come from the events (a product deleted since still has its log).
    const cardIds = await loggedCardIds(this.db);
    const cards = await this.db.cards.bulkGet(cardIds);
    const products = cardIds.map((id, i) => ({ id, sku: cards[i]?.sku ?? id, name: cards[i]?.name ?? null }));
    return { hosts, platforms, decks: [...decks].map(([id, name]) => ({ id, name })), products };
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
  async recordEvent(input: RecordInput): Promise<DisclosureEvent> {
    const { db } = this;
    let newSnapshot: string | undefined;
    let snapshotContentOf: unknown;
    const event = await db.transaction('rw', [db.events, db.eventPages, db.sessions, db.snapshots, db.cards, db.decks, db.policies], async () => {
      // Each read is a round trip to the browser's storage service: reads that do not depend
      // on each other are sent together (bench: disclosure click → recorded mark).
      const [loose, session, card] = await Promise.all([db.events.get(input.id), db.sessions.get(input.sessionId), db.cards.get(input.cardId)]);
      // A retry can arrive after its session ended and was sealed: look there too.
      const already = loose ?? (session?.endedAt !== undefined ? await findEvent(db, input.id) : undefined);
      if (already) {
        if (already.sessionId !== input.sessionId) throw new UpfrontError('event-id-reused', input.id);
        return already;
      }
      if (!session) throw new UpfrontError('session-not-found', input.sessionId);
      if (session.endedAt !== undefined) throw new UpfrontError('session-ended', input.sessionId);
      if (!card) throw new UpfrontError('card-not-found', input.cardId);
      const [deck, ownPolicy, target] = await Promise.all([
        db.decks.get(session.deckId),
        card.policyId !== undefined ? db.policies.get(card.policyId) : undefined,
        input.corrects !== undefined ? db.events.get(input.corrects) : undefined,
      ]);
      const policyId = effectivePolicyId(card, deck?.defaultPolicyId);
      const policy = card.policyId !== undefined ? ownPolicy : policyId ? await db.policies.get(policyId) : undefined;
      const items = cardItems(card, policy);
      if (!items.some((i) => i.kind === input.item.kind && i.id === input.item.id)) {
        throw new UpfrontError('item-not-on-card', `${input.item.kind}:${input.item.id}`);
      }
      // A correction names the event it corrects, an earlier one about the same item of the
      // same product; nothing else may carry a target, so the log reads one way only.
      if ((input.action === 'correction') !== (input.corrects !== undefined)) {
        throw new UpfrontError('correction-needs-target', input.action);
      }
      if (input.corrects !== undefined) {
        if (!target || target.sessionId !== session.id) throw new UpfrontError('correction-target-missing', input.corrects);
        if (target.cardId !== input.cardId || target.item.kind !== input.item.kind || target.item.id !== input.item.id) {
          throw new UpfrontError('correction-other-item', input.corrects);
        }
      }

      const content = snapshotContent(card, policy);
      const cardHash = contentHash(content);
      // Snapshots are content-addressed (the key is the hash of the value) and never deleted:
      // one already seen needs no lookup, and writing an unseen one again stores the same bytes.
      const snapshotWrite = this.knownSnapshots.has(cardHash) ? undefined : db.snapshots.put({ hash: cardHash, content });
      if (snapshotWrite) {
        newSnapshot = cardHash;
        snapshotContentOf = content;
      }

      const unchained: Omit<DisclosureEvent, 'hash'> = {
        id: input.id,
        sessionId: session.id,
        seq: session.lastSeq + 1,
        at: input.now,
        offsetMs: Math.max(0, input.now - session.startedAt),
        cardId: card.id,
        cardHash,
        item: { kind: input.item.kind, id: input.item.id },
        language: input.language,
        action: input.action,
        ...(input.corrects !== undefined ? { corrects: input.corrects } : {}),
        ...(input.stage !== undefined ? { stage: { layout: input.stage.layout } } : {}),
        prev: session.head,
      };
      const event: DisclosureEvent = { ...unchained, hash: eventHash(unchained) };
      // The session was read in this transaction, so writing it back whole is one request
      // (an update would read it again), sent together with the event and the snapshot.
      await Promise.all([db.events.add(event), db.sessions.put({ ...session, lastSeq: event.seq, head: event.hash }), snapshotWrite]);
      return event;
    });
    // Only once committed: an aborted transaction did not store it.
    if (newSnapshot) {
      this.knownSnapshots.add(newSnapshot);
      this.snapshotStored({ hash: newSnapshot, content: snapshotContentOf });
    }
    return event;
  }

  /** A card snapshot recordEvent stored (a subclass keeps a second copy: lib/safety). */
  protected snapshotStored(_snapshot: Snapshot): void {}

  async listEvents(sessionId: string): Promise<DisclosureEvent[]> {
    return sessionEvents(this.db, sessionId);
  }
  /** Sessions (all, or the given ones), their events in order, and the snapshots they cite (the returns loop reads the whole log). */
  async exportLog(sessionIds?: string[]): Promise<LogData> {
    const sessions = sessionIds
      ? (await this.db.sessions.bulkGet(sessionIds)).filter((s): s is Session => s !== undefined)
      : await this.listSessions();
    const events: DisclosureEvent[] = [];
    for (const s of sessions) events.push(...(await this.listEvents(s.id)));
    const hashes = [...new Set(events.map((e) => e.cardHash))];
    const snapshots = (await this.db.snapshots.bulkGet(hashes)).filter((s): s is Snapshot => s !== undefined);
    return { sessions, events, snapshots };
  }


  /** Writes a deck with its cards and policies (used by the demo seed and, later, imports). */
  async putDeckBundle(bundle: DeckBundle): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.decks, db.cards, db.policies, async () => {
      await db.policies.bulkPut(bundle.policies);
      await db.cards.bulkPut(bundle.cards);
      await db.decks.put(bundle.deck);
    });
  }

  /**
   * Removes the demo deck, cards and policies. Sessions recorded against the demo stay: logs
   * are never deleted, and their snapshots keep what the cards said.
   */
  async removeDemo(): Promise<{ decks: number; cards: number; policies: number }> {
    const { db } = this;
    return db.transaction('rw', db.decks, db.cards, db.policies, async () => {
      const decks = await db.decks.filter((d) => d.demo === true).primaryKeys();
      const cards = await db.cards.filter((c) => c.demo === true).primaryKeys();
      const policies = await db.policies.filter((p) => p.demo === true).primaryKeys();
      await db.decks.bulkDelete(decks);
      await db.cards.bulkDelete(cards);
      await db.policies.bulkDelete(policies);
      return { decks: decks.length, cards: cards.length, policies: policies.length };
    });
  }
}
