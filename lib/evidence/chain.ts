import type { DisclosureEvent } from '../schema/session';
import { contentHash, sha256Hex } from './hash';

/** The chain of a session starts from a hash of its id, so two sessions never share a chain. */
export function genesisHash(sessionId: string): string {
  return sha256Hex(`upfront:session:${sessionId}`);
}

export type UnchainedEvent = Omit<DisclosureEvent, 'hash'>;

/** hash = SHA-256 over the canonical JSON of every field but the hash itself (prev included). */
export function eventHash(event: UnchainedEvent): string {
  const { hash: _ignored, ...rest } = event as DisclosureEvent;
  return contentHash(rest);
}

export type ChainBreak = { seq: number; eventId?: string; reason: string };

/**
 * Checks events of one session in sequence order. Returns the first break, or null.
 * Sequence numbers must run 1, 2, 3… with no gap, each prev must be the previous hash, and each
 * hash must match the event's content; `expectedHead` (from the session) catches a cut tail.
 */
export function verifyChain(
  sessionId: string,
  events: DisclosureEvent[],
  expectedHead?: string,
): ChainBreak | null {
  let prev = genesisHash(sessionId);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const seq = i + 1;
    if (e.sessionId !== sessionId) return { seq, eventId: e.id, reason: 'event belongs to another session' };
    if (e.seq !== seq) return { seq, eventId: e.id, reason: `expected sequence number ${seq}, found ${e.seq}` };
    if (e.prev !== prev) return { seq, eventId: e.id, reason: 'previous hash does not match: an event before it was changed, removed or inserted' };
    if (eventHash(e) !== e.hash) return { seq, eventId: e.id, reason: 'event content does not match its hash' };
    prev = e.hash;
  }
  if (expectedHead !== undefined && expectedHead !== prev) {
    return { seq: events.length + 1, reason: 'chain head does not match the session: events are missing at the end' };
  }
  return null;
}
