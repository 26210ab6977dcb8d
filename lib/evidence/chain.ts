import type { DisclosureEvent, Session } from '../schema/session';
import { contentHash, sha256Hex } from './hash';

/**
 * Chain version 1 (sessions recorded before issue 19): the chain starts from a hash of the
 * session id alone, so two sessions never share a chain, but the session's own fields are not
 * covered.
 */
export function genesisHash(sessionId: string): string {
  return sha256Hex(`upfront:session:${sessionId}`);
}

/** The session fields a version 2 chain covers: change any of them and the chain breaks. */
export const HEADER_FIELDS = ['id', 'deckId', 'deckName', 'host', 'platform', 'consoleOrigin', 'market', 'language', 'startedAt'] as const;
export type SessionHeader = Pick<Session, (typeof HEADER_FIELDS)[number]>;

export function sessionHeader(s: SessionHeader): SessionHeader {
  return Object.fromEntries(HEADER_FIELDS.map((k) => [k, s[k]])) as SessionHeader;
}

/** Chain version 2: the genesis is the hash of the session's header (canonical JSON). */
export function headerGenesisHash(s: SessionHeader): string {
  return contentHash({ chain: 'upfront:session:v2', header: sessionHeader(s) });
}

/** The chain version a session was recorded with (absent: 1). */
export const CURRENT_CHAIN_VERSION = 2;

/** Where a session's chain starts, by the chain version it was recorded with. */
export function genesisOf(s: SessionHeader & { chainVersion?: number }): string {
  return s.chainVersion === 2 ? headerGenesisHash(s) : genesisHash(s.id);
}

export type UnchainedEvent = Omit<DisclosureEvent, 'hash'>;

/** hash = SHA-256 over the canonical JSON of every field but the hash itself (prev included). */
export function eventHash(event: UnchainedEvent): string {
  const { hash: _ignored, ...rest } = event as DisclosureEvent;
  return contentHash(rest);
}

export type ChainBreak = { seq: number; eventId?: string; reason: string };

/** Why a chain breaks, as a stable code (i18n key "verify.code.<code>" and CLI output). */
export type ChainBreakCode = 'wrong-session' | 'seq' | 'prev' | 'hash' | 'head';

/** A chain break with its code and the position (0-based) of the event in the list checked. */
export type CodedBreak = ChainBreak & { code: ChainBreakCode; position: number };

/**
 * Checks events of one session in the order given (never re-sorted: a reordered file must fail).
 * Sequence numbers must run 1, 2, 3… with no gap, each prev must be the previous hash, and each
 * hash must match the event's content; `expectedHead` (from the session) catches a cut tail.
 */
export function checkChain(session: SessionHeader & { chainVersion?: number }, events: DisclosureEvent[], expectedHead?: string): CodedBreak | null {
  const sessionId = session.id;
  const step = checkChainSlice(sessionId, events, 0, events.length, genesisOf(session));
  return 'code' in step ? step : checkHead(events, step.prev, expectedHead);
}

/**
 * One stretch of checkChain, events[from, to), continuing from the hash `prev` before it: long
 * sessions are checked in slices so a page can repaint in between (lib/evidence/verify.ts).
 */
export function checkChainSlice(sessionId: string, events: DisclosureEvent[], from: number, to: number, prev: string): CodedBreak | { prev: string } {
  for (let i = from; i < to; i++) {
    const e = events[i];
    const seq = i + 1;
    const at = { seq, eventId: e.id, position: i };
    if (e.sessionId !== sessionId) return { ...at, code: 'wrong-session', reason: 'event belongs to another session' };
    if (e.seq !== seq) return { ...at, code: 'seq', reason: `expected sequence number ${seq}, found ${e.seq}` };
    if (e.prev !== prev) {
      return { ...at, code: 'prev', reason: 'previous hash does not match: an event before it was changed, removed or inserted' };
    }
    if (eventHash(e) !== e.hash) return { ...at, code: 'hash', reason: 'event content does not match its hash' };
    prev = e.hash;
  }
  return { prev };
}

/** The last check: the session's recorded head must be the last event's hash. */
export function checkHead(events: DisclosureEvent[], prev: string, expectedHead: string | undefined): CodedBreak | null {
  if (expectedHead !== undefined && expectedHead !== prev) {
    return {
      seq: events.length + 1,
      position: events.length,
      code: 'head',
      reason: 'chain head does not match the session: events are missing at the end',
    };
  }
  return null;
}

/** checkChain without the code and position (the skeleton's interface, kept for its callers). */
export function verifyChain(session: string | (SessionHeader & { chainVersion?: number }), events: DisclosureEvent[], expectedHead?: string): ChainBreak | null {
  // A bare id is a version 1 session (the skeleton's callers).
  const b = checkChain(typeof session === 'string' ? ({ id: session } as SessionHeader) : session, events, expectedHead);
  if (!b) return null;
  return b.eventId !== undefined ? { seq: b.seq, eventId: b.eventId, reason: b.reason } : { seq: b.seq, reason: b.reason };
}
