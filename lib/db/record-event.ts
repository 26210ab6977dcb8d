import { cardItems, effectivePolicyId, snapshotContent } from '../cards/items';
import { isDontSayCorrection } from '../dont-say/events';
import { UpfrontError } from '../errors';
import { eventHash } from '../evidence/chain';
import { contentHash } from '../evidence/hash';
import type { Action, DisclosureEvent, Item, Snapshot } from '../schema/session';
import type { UpfrontDb } from './database';
import { findEvent } from './event-pages';

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

/**
 * Appends one disclosure event to its session's hash chain, in one transaction with the
 * snapshot of the card it refers to. Idempotent by event id: a retry of an event that was
 * committed returns the committed event instead of adding a second one.
 *
 * `knownSnapshots` are hashes already stored (snapshots are never deleted): those are not
 * written again. Answers the event, and the snapshot it stored if it stored one.
 */
export async function recordEvent(db: UpfrontDb, input: RecordInput, knownSnapshots: ReadonlySet<string>): Promise<{ event: DisclosureEvent; stored?: Snapshot }> {
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
    const dontSay = isDontSayCorrection(card, input);
    if (!dontSay && !items.some((i) => i.kind === input.item.kind && i.id === input.item.id)) {
      throw new UpfrontError('item-not-on-card', `${input.item.kind}:${input.item.id}`);
    }
    // A correction names the event it corrects, an earlier one about the same item of the
    // same product; nothing else may carry a target, so the log reads one way only.
    if (!dontSay && (input.action === 'correction') !== (input.corrects !== undefined)) {
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
    const snapshotWrite = knownSnapshots.has(cardHash) ? undefined : db.snapshots.put({ hash: cardHash, content });
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
  return { event, stored: newSnapshot ? { hash: newSnapshot, content: snapshotContentOf } : undefined };
}
