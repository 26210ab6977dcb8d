import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventHash, genesisHash, verifyChain, type UnchainedEvent } from '../../lib/evidence/chain';
import { canonicalJson, contentHash, sha256Hex } from '../../lib/evidence/hash';
import type { DisclosureEvent } from '../../lib/schema/session';

const SESSION = 'session-a';
const CARD_HASH = 'a'.repeat(64);

/** Builds a correctly chained session the way the repository does, so tampering is the only variable. */
function chain(sessionId: string, count: number): DisclosureEvent[] {
  const events: DisclosureEvent[] = [];
  let prev = genesisHash(sessionId);
  for (let seq = 1; seq <= count; seq++) {
    const unchained: UnchainedEvent = {
      id: `${sessionId}-e${seq}`,
      sessionId,
      seq,
      at: 1_700_000_000_000 + seq * 1000,
      offsetMs: seq * 1000,
      cardId: 'card-1',
      cardHash: CARD_HASH,
      item: { kind: 'caveat', id: `caveat-${seq}` },
      language: 'en',
      action: 'said',
      prev,
    };
    const event = { ...unchained, hash: eventHash(unchained) };
    events.push(event);
    prev = event.hash;
  }
  return events;
}

/** What a forger who knows the algorithm would do: recompute the hash after an edit. */
function rehash(e: DisclosureEvent): DisclosureEvent {
  const { hash: _h, ...rest } = e;
  return { ...rest, hash: eventHash(rest) };
}

const head = (events: DisclosureEvent[]) => events[events.length - 1].hash;

describe('hash', () => {
  it('computes SHA-256 (FIPS 180-2 test vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes UTF-8, so Chinese text hashes the same on every machine', () => {
    // Node's own SHA-256 over the UTF-8 bytes is an independent oracle.
    expect(sha256Hex('偏大 ✓')).toBe(createHash('sha256').update(Buffer.from('偏大 ✓', 'utf8')).digest('hex'));
  });

  it('canonicalises key order so equal content hashes equal', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });

  it('refuses a value with no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('starts each session from its own genesis hash', () => {
    expect(genesisHash('s1')).toMatch(/^[0-9a-f]{64}$/);
    expect(genesisHash('s1')).not.toBe(genesisHash('s2'));
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain, with and without the expected head', () => {
    const events = chain(SESSION, 5);
    expect(verifyChain(SESSION, events)).toBeNull();
    expect(verifyChain(SESSION, events, head(events))).toBeNull();
  });

  it('accepts an empty session whose head is still the genesis hash', () => {
    expect(verifyChain(SESSION, [], genesisHash(SESSION))).toBeNull();
  });

  it('survives a JSON round trip (what an export file does to it)', () => {
    const events = JSON.parse(JSON.stringify(chain(SESSION, 3))) as DisclosureEvent[];
    expect(verifyChain(SESSION, events, head(events))).toBeNull();
  });

  it.each([
    ['item id', (e: DisclosureEvent) => ({ ...e, item: { ...e.item, id: 'other' } })],
    ['item kind', (e: DisclosureEvent) => ({ ...e, item: { ...e.item, kind: 'policy' as const } })],
    ['time', (e: DisclosureEvent) => ({ ...e, at: e.at + 1 })],
    ['offset', (e: DisclosureEvent) => ({ ...e, offsetMs: e.offsetMs - 1 })],
    ['action', (e: DisclosureEvent) => ({ ...e, action: 'shown' as const })],
    ['card hash', (e: DisclosureEvent) => ({ ...e, cardHash: 'b'.repeat(64) })],
    ['language', (e: DisclosureEvent) => ({ ...e, language: 'zh-CN' })],
    ['added corrects field', (e: DisclosureEvent) => ({ ...e, corrects: 'x' })],
  ])('detects an edited %s at the edited event', (_name, edit) => {
    const events = chain(SESSION, 4);
    events[2] = edit(events[2]);
    expect(verifyChain(SESSION, events, head(chain(SESSION, 4)))).toEqual({
      seq: 3,
      eventId: events[2].id,
      reason: 'event content does not match its hash',
    });
  });

  it('detects an edit whose hash was recomputed at the next event', () => {
    const events = chain(SESSION, 4);
    events[1] = rehash({ ...events[1], item: { kind: 'caveat', id: 'forged' } });
    expect(verifyChain(SESSION, events)).toMatchObject({ seq: 3, eventId: events[2].id, reason: expect.stringMatching(/previous hash/) });
  });

  it('detects a rehashed edit of the last event against the expected head', () => {
    const original = chain(SESSION, 3);
    const events = [...original];
    events[2] = rehash({ ...events[2], action: 'shown' });
    expect(verifyChain(SESSION, events)).toBeNull();
    expect(verifyChain(SESSION, events, head(original))).toMatchObject({ seq: 4, reason: expect.stringMatching(/chain head/) });
  });

  it('detects a deleted event where the gap is', () => {
    const events = chain(SESSION, 5);
    events.splice(2, 1);
    expect(verifyChain(SESSION, events)).toEqual({
      seq: 3,
      eventId: `${SESSION}-e4`,
      reason: 'expected sequence number 3, found 4',
    });
  });

  it('detects a deleted event even when later ones are renumbered and rehashed', () => {
    const events = chain(SESSION, 4);
    events.splice(1, 1);
    for (let i = 1; i < events.length; i++) events[i] = rehash({ ...events[i], seq: i + 1 });
    expect(verifyChain(SESSION, events)).toMatchObject({ seq: 2, eventId: `${SESSION}-e3`, reason: expect.stringMatching(/previous hash/) });
  });

  it('detects an inserted event', () => {
    const events = chain(SESSION, 3);
    // The forged event is chained correctly onto event 1; the damage shows at the event it displaced.
    const forged = rehash({ ...events[1], id: 'forged', item: { kind: 'caveat', id: 'never-said' }, prev: events[0].hash });
    events.splice(1, 0, forged);
    expect(verifyChain(SESSION, events)).toMatchObject({ seq: 3, eventId: `${SESSION}-e2` });
  });

  it('detects an inserted event even when the whole rest is renumbered', () => {
    const events = chain(SESSION, 3);
    const forged = rehash({ ...events[1], id: 'forged', prev: events[0].hash });
    events.splice(1, 0, forged);
    for (let i = 2; i < events.length; i++) events[i] = rehash({ ...events[i], seq: i + 1 });
    expect(verifyChain(SESSION, events)).toMatchObject({ seq: 3, eventId: `${SESSION}-e2`, reason: expect.stringMatching(/previous hash/) });
  });

  it('detects reordered events at the first one out of place', () => {
    const events = chain(SESSION, 4);
    [events[1], events[2]] = [events[2], events[1]];
    expect(verifyChain(SESSION, events)).toEqual({
      seq: 2,
      eventId: `${SESSION}-e3`,
      reason: 'expected sequence number 2, found 3',
    });
  });

  it('detects reordered events whose sequence numbers were swapped too', () => {
    const events = chain(SESSION, 4);
    [events[1], events[2]] = [{ ...events[2], seq: 2 }, { ...events[1], seq: 3 }];
    expect(verifyChain(SESSION, events)).toMatchObject({ seq: 2, eventId: `${SESSION}-e3` });
  });

  it('detects a cut tail only against the expected head', () => {
    const full = chain(SESSION, 5);
    const cut = full.slice(0, 3);
    // Without the head a cut chain is internally consistent: that is why exports carry heads.
    expect(verifyChain(SESSION, cut)).toBeNull();
    expect(verifyChain(SESSION, cut, head(full))).toEqual({
      seq: 4,
      reason: 'chain head does not match the session: events are missing at the end',
    });
    expect(verifyChain(SESSION, [], head(full))).toMatchObject({ seq: 1 });
  });

  it('detects events checked against the wrong session', () => {
    const events = chain(SESSION, 2);
    expect(verifyChain('session-b', events)).toEqual({
      seq: 1,
      eventId: `${SESSION}-e1`,
      reason: 'event belongs to another session',
    });
  });

  it('detects an event moved in from another session', () => {
    const events = chain(SESSION, 3);
    events[1] = chain('session-b', 2)[1];
    expect(verifyChain(SESSION, events)).toMatchObject({ seq: 2, eventId: 'session-b-e2', reason: 'event belongs to another session' });
  });

  it('detects a session relabelled and rehashed, because the genesis hash differs', () => {
    const events = chain(SESSION, 2).map((e) => rehash({ ...e, sessionId: 'session-b' }));
    expect(verifyChain('session-b', events)).toMatchObject({ seq: 1, reason: expect.stringMatching(/previous hash/) });
  });
});
