import { snapshotCard } from '../export/log-csv';
import type { Card, Category } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import type { Deck } from '../schema/deck';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';

/**
 * The log as the returns loop reads it: what an exported log file holds (sessions, events,
 * snapshots; docs/log-format.md), plus, where Upfront has them (the background), the decks and
 * cards as they are now. A log file has no decks: there, a show sold the products it has events
 * for.
 */
export interface LogInput {
  sessions: readonly Session[];
  events: readonly DisclosureEvent[];
  snapshots: readonly Snapshot[];
  decks?: readonly Deck[];
  cards?: readonly Card[];
}

/** A product on a show's deck. */
export interface ShowProduct {
  cardId: string;
  sku: string;
  category?: Category;
  name?: LocalizedText;
}

/** A session with what the matching needs: its time span, its products and its events in order. */
export interface Show {
  session: Session;
  start: number;
  /** When it ended; a show still open, or ended automatically, ends at its last event. */
  end: number;
  products: ShowProduct[];
  /** The session's events in sequence order. */
  events: DisclosureEvent[];
}

const productOf = (card: Pick<Card, 'id' | 'sku' | 'category' | 'name'>): ShowProduct => ({
  cardId: card.id,
  sku: card.sku,
  category: card.category,
  name: card.name,
});

/** Card content by snapshot hash. */
export function snapshotCards(snapshots: readonly Snapshot[]): Map<string, Card | undefined> {
  return new Map(snapshots.map((s) => [s.hash, snapshotCard(s)]));
}

/**
 * The shows of a log. A show's products: every card it has an event for, as its latest snapshot
 * in the session reads (the SKU the host showed), then the cards on its deck now that it never
 * touched (when the decks are given).
 */
export function showsOf(log: LogInput): Show[] {
  const cards = snapshotCards(log.snapshots);
  const bySession = new Map<string, DisclosureEvent[]>();
  for (const e of log.events) {
    const list = bySession.get(e.sessionId);
    if (list) list.push(e);
    else bySession.set(e.sessionId, [e]);
  }
  const decks = new Map((log.decks ?? []).map((d) => [d.id, d]));
  const cardsNow = new Map((log.cards ?? []).map((c) => [c.id, c]));
  return log.sessions.map((session) => {
    const events = (bySession.get(session.id) ?? []).slice().sort((a, b) => a.seq - b.seq);
    const products = new Map<string, ShowProduct>();
    for (const e of events) {
      const card = cards.get(e.cardHash);
      if (card) products.set(e.cardId, productOf({ ...card, id: e.cardId }));
    }
    for (const id of decks.get(session.deckId)?.cardIds ?? []) {
      const card = cardsNow.get(id);
      if (card && !products.has(id)) products.set(id, productOf(card));
    }
    const last = Math.max(events.length > 0 ? events[events.length - 1].at : session.startedAt, session.startedAt);
    // A show Upfront ended automatically (left open, lib/schema/session.ts) was over by its last event.
    const end = session.endedAt === undefined || session.endReason === 'auto' ? last : session.endedAt;
    return { session, start: session.startedAt, end, products: [...products.values()], events };
  });
}
