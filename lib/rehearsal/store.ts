/**
 * The rehearsal log (issue 20): the only code that reads or writes `rehearsals` and
 * `rehearsalEvents`. It never touches `sessions` or `events` except to refuse an id that is a
 * session's, so a rehearsal cannot become a session and a session cannot become a rehearsal.
 */
import { cardItems, effectivePolicyId } from '../cards/items';
import { isDontSayCorrection } from '../dont-say/events';
import type { UpfrontDb } from '../db/database';
import { showHeader, type ShowStartInput } from '../db/show-start';
import { UpfrontError } from '../errors';
import { AUTO_END_AFTER_MS, type Item } from '../schema/session';
import { reviewOf, summaryOf } from './review';
import type { Rehearsal, RehearsalAction, RehearsalEvent, RehearsalReview, RehearsalSummary } from './types';

/** What starting a rehearsal takes: what Go live takes (../db/show-start.ts). */
export type StartRehearsalInput = ShowStartInput;

export interface RehearsalRecordInput {
  id: string;
  rehearsalId: string;
  cardId: string;
  action: RehearsalAction;
  item?: Item;
  language?: string;
  corrects?: string;
  stage?: { layout: 'full' | 'lower-third' | 'side' };
  now: number;
}

export class RehearsalStore {
  constructor(private readonly db: UpfrontDb) {}

  /** Starts a rehearsal once: the same id again answers the one started (a retried press). */
  start(input: StartRehearsalInput): Promise<Rehearsal> {
    const { db } = this;
    return db.transaction('rw', db.rehearsals, db.sessions, db.decks, async () => {
      const [existing, session, deck] = await Promise.all([db.rehearsals.get(input.id), db.sessions.get(input.id), db.decks.get(input.deckId)]);
      // Read in the same transaction as the write: an id is a session's or a rehearsal's, never both.
      if (session) throw new UpfrontError('session-not-a-rehearsal', input.id);
      if (existing) return existing;
      if (!deck) throw new UpfrontError('deck-not-found', input.deckId);
      const rehearsal: Rehearsal = showHeader(input, deck);
      await db.rehearsals.add(rehearsal);
      return rehearsal;
    });
  }

  get(id: string): Promise<Rehearsal | undefined> {
    return this.db.rehearsals.get(id);
  }

  /** Whether an id names a rehearsal (open or ended). */
  async exists(id: string): Promise<boolean> {
    return (await this.db.rehearsals.get(id)) !== undefined;
  }

  async open(): Promise<Rehearsal[]> {
    return (await this.db.rehearsals.toArray()).filter((r) => r.endedAt === undefined);
  }

  /**
   * Appends one event to an open rehearsal. Idempotent by event id, like a session's: a retry
   * answers the event already stored. The item must be on the card, as in a live show, so a
   * rehearsal practises what the show will record.
   */
  record(input: RehearsalRecordInput): Promise<RehearsalEvent> {
    const { db } = this;
    return db.transaction('rw', [db.rehearsals, db.rehearsalEvents, db.cards, db.decks, db.policies], async () => {
      const [already, rehearsal, card] = await Promise.all([db.rehearsalEvents.get(input.id), db.rehearsals.get(input.rehearsalId), db.cards.get(input.cardId)]);
      if (already) {
        if (already.rehearsalId !== input.rehearsalId) throw new UpfrontError('event-id-reused', input.id);
        return already;
      }
      if (!rehearsal) throw new UpfrontError('rehearsal-not-found', input.rehearsalId);
      if (rehearsal.endedAt !== undefined) throw new UpfrontError('rehearsal-ended', input.rehearsalId);
      if (!card) throw new UpfrontError('card-not-found', input.cardId);
      if ((input.action === 'viewed') !== (input.item === undefined)) throw new UpfrontError('bad-message', `${input.action} and its item`);
      const dontSay = input.item && input.action !== 'viewed' ? isDontSayCorrection(card, { item: input.item, action: input.action, corrects: input.corrects }) : false;
      if (input.item && !dontSay) {
        const deck = await db.decks.get(rehearsal.deckId);
        const policyId = effectivePolicyId(card, deck?.defaultPolicyId);
        const policy = policyId ? await db.policies.get(policyId) : undefined;
        const { kind, id } = input.item;
        if (!cardItems(card, policy).some((i) => i.kind === kind && i.id === id)) throw new UpfrontError('item-not-on-card', `${kind}:${id}`);
      }
      if (!dontSay && (input.action === 'correction') !== (input.corrects !== undefined)) throw new UpfrontError('correction-needs-target', input.action);
      if (input.corrects !== undefined) {
        const target = await db.rehearsalEvents.get(input.corrects);
        if (!target || target.rehearsalId !== rehearsal.id) throw new UpfrontError('correction-target-missing', input.corrects);
        if (target.cardId !== input.cardId || target.item?.kind !== input.item?.kind || target.item?.id !== input.item?.id) {
          throw new UpfrontError('correction-other-item', input.corrects);
        }
      }
      const event: RehearsalEvent = {
        id: input.id,
        rehearsalId: rehearsal.id,
        seq: rehearsal.lastSeq + 1,
        at: input.now,
        cardId: card.id,
        action: input.action,
        ...(input.item ? { item: { kind: input.item.kind, id: input.item.id } } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.corrects !== undefined ? { corrects: input.corrects } : {}),
        ...(input.stage !== undefined ? { stage: { layout: input.stage.layout } } : {}),
      };
      await Promise.all([db.rehearsalEvents.add(event), db.rehearsals.put({ ...rehearsal, lastSeq: event.seq })]);
      return event;
    });
  }

  async events(rehearsalId: string): Promise<RehearsalEvent[]> {
    return this.db.rehearsalEvents.where('[rehearsalId+seq]').between([rehearsalId, 0], [rehearsalId, Infinity]).toArray();
  }

  /** Ends a rehearsal once; ending it again answers it unchanged. */
  end(id: string, now: number, reason: 'host' | 'auto' = 'host'): Promise<Rehearsal> {
    const { db } = this;
    return db.transaction('rw', db.rehearsals, async () => {
      const r = await db.rehearsals.get(id);
      if (!r) throw new UpfrontError('rehearsal-not-found', id);
      if (r.endedAt !== undefined) return r;
      const ended: Rehearsal = { ...r, endedAt: now, endReason: reason };
      await db.rehearsals.put(ended);
      return ended;
    });
  }

  /** The host's "Keep for review": only an ended rehearsal. */
  keep(id: string): Promise<Rehearsal> {
    const { db } = this;
    return db.transaction('rw', db.rehearsals, async () => {
      const r = await db.rehearsals.get(id);
      if (!r) throw new UpfrontError('rehearsal-not-found', id);
      if (r.endedAt === undefined) throw new UpfrontError('rehearsal-open', id);
      const kept: Rehearsal = { ...r, kept: true };
      await db.rehearsals.put(kept);
      return kept;
    });
  }

  /** Deletes an ended rehearsal and its events, for good (they are not evidence). */
  discard(id: string): Promise<void> {
    const { db } = this;
    return db.transaction('rw', db.rehearsals, db.rehearsalEvents, async () => {
      const r = await db.rehearsals.get(id);
      if (!r) throw new UpfrontError('rehearsal-not-found', id);
      if (r.endedAt === undefined) throw new UpfrontError('rehearsal-open', id);
      await db.rehearsalEvents.where('rehearsalId').equals(id).delete();
      await db.rehearsals.delete(id);
    });
  }

  /**
   * Ends open rehearsals that `isBound` says no tab holds (a browser restart forgets tab
   * bindings: a rehearsal cannot be resumed) or that were idle for `afterMs`.
   */
  async endAbandoned(now: number, isBound: (id: string) => Promise<boolean>, afterMs = AUTO_END_AFTER_MS): Promise<Rehearsal[]> {
    const ended: Rehearsal[] = [];
    for (const r of await this.open()) {
      const last = r.lastSeq > 0 ? ((await this.db.rehearsalEvents.where('[rehearsalId+seq]').equals([r.id, r.lastSeq]).first())?.at ?? r.startedAt) : r.startedAt;
      if ((await isBound(r.id)) && now - last < afterMs) continue;
      ended.push(await this.end(r.id, now, 'auto'));
    }
    return ended;
  }

  /** Ended rehearsals, newest first, each with what the studio's list shows. */
  async list(): Promise<RehearsalSummary[]> {
    const ended = (await this.db.rehearsals.orderBy('startedAt').reverse().toArray()).filter((r) => r.endedAt !== undefined);
    return Promise.all(ended.map(async (r) => summaryOf(r, await this.events(r.id))));
  }

  /** One rehearsal's review: per product, when it was reached, how long it took, what was said and skipped. */
  async review(id: string): Promise<RehearsalReview> {
    const rehearsal = await this.db.rehearsals.get(id);
    if (!rehearsal) throw new UpfrontError('rehearsal-not-found', id);
    const events = await this.events(id);
    const cards = await this.db.cards.bulkGet([...new Set(events.map((e) => e.cardId))]);
    const deck = await this.db.decks.get(rehearsal.deckId);
    return reviewOf(rehearsal, events, cards.filter((c) => c !== undefined), deck?.languages ?? []);
  }
}
