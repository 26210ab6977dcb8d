import { beforeEach, describe, expect, it } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { UpfrontError } from '../../lib/errors';
import { headerGenesisHash, verifyChain } from '../../lib/evidence/chain';
import { contentHash } from '../../lib/evidence/hash';
import type { UpfrontDb } from '../../lib/db/database';
import type { RecordInput, Repository } from '../../lib/db/repository';
import type { DeckBundle } from '../../lib/schema/deck';
import type { Card } from '../../lib/schema/card';
import { NOW, freshRepo, storedEvents } from './helpers';

const HOODIE = 'demo-card-hoodie';
const COVER = 'demo-card-cushion-cover';
const SERUM = 'demo-card-serum';

/** The UpfrontError code a promise rejects with; fails the test if it resolves or throws something else. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UpfrontError);
    return (err as UpfrontError).code;
  }
  throw new Error('expected a rejection');
}

let db: UpfrontDb;
const hasDemo = async () => (await db.decks.filter((d) => d.demo === true).count()) > 0;
let repo: Repository;

beforeEach(async () => {
  ({ db, repo } = freshRepo());
  await repo.putDeckBundle(demoBundle(NOW));
});

async function live(id = 'session-1', now = NOW) {
  return repo.startSession({
    id,
    deckId: 'demo-deck',
    host: '  Ana  ',
    platform: 'tiktok-shop',
    consoleOrigin: 'https://shop.tiktok.com',
    now,
  });
}

function said(id: string, over: Partial<RecordInput> = {}): RecordInput {
  return {
    id,
    sessionId: 'session-1',
    cardId: HOODIE,
    item: { kind: 'caveat', id: 'demo-caveat-wash' },
    language: 'en',
    action: 'said',
    now: NOW + 60_000,
    ...over,
  };
}

async function counts() {
  return { events: (await storedEvents(db)).length, snapshots: await db.snapshots.count() };
}

describe('decks', () => {
  it('reads the demo bundle back in run-sheet order, with its policies', async () => {
    const bundle = await repo.getDeckBundle('demo-deck');
    // Run-sheet order differs from key order here (cushion < hoodie), so a key-ordered read fails.
    expect(bundle.cards.map((c) => c.id)).toEqual([HOODIE, COVER, SERUM]);
    expect(bundle.deck.demo).toBe(true);
    expect(bundle.policies.map((p) => p.id).sort()).toEqual(['demo-policy-eu', 'demo-policy-eu-sealed']);
    expect(bundle.cards[0]).toEqual(demoBundle(NOW).cards[0]);
  });

  it('follows a reordered run sheet and leaves out cards that no longer exist', async () => {
    const demo = demoBundle(NOW);
    await repo.putDeckBundle({ ...demo, deck: { ...demo.deck, cardIds: [SERUM, 'gone', HOODIE] } });
    expect((await repo.getDeckBundle('demo-deck')).cards.map((c) => c.id)).toEqual([SERUM, HOODIE]);
  });

  it('lists decks by name with card counts and the demo flag', async () => {
    const demo = demoBundle(NOW);
    await repo.putDeckBundle({
      deck: { id: 'real', name: 'A real show', cardIds: [HOODIE], market: 'US', languages: ['en'], updatedAt: NOW },
      cards: [],
      policies: [],
    });
    expect(await repo.listDecks()).toEqual([
      { id: 'real', name: 'A real show', market: 'US', languages: ['en'], cardCount: 1, demo: false },
      { id: 'demo-deck', name: demo.deck.name, market: 'EU', languages: ['en', 'zh-CN'], cardCount: 3, demo: true },
    ]);
  });

  it('rejects a deck that does not exist', async () => {
    expect(await codeOf(repo.getDeckBundle('nope'))).toBe('deck-not-found');
  });
});

describe('startSession', () => {
  it('starts at the genesis hash with the deck’s market and first language', async () => {
    const s = await live();
    expect(s).toEqual({
      id: 'session-1',
      deckId: 'demo-deck',
      deckName: demoBundle(NOW).deck.name,
      host: 'Ana',
      platform: 'tiktok-shop',
      consoleOrigin: 'https://shop.tiktok.com',
      market: 'EU',
      language: 'en',
      startedAt: NOW,
      lastSeq: 0,
      head: s.head,
      chainVersion: 2,
    });
    // The chain starts from the session's header (host, deck, market, console, start…).
    expect(s.head).toBe(headerGenesisHash(s));
    expect(await repo.getSession('session-1')).toEqual(s);
  });

  it('honours a chosen market and language', async () => {
    const s = await repo.startSession({
      id: 's',
      deckId: 'demo-deck',
      host: 'Li',
      market: 'DE',
      language: 'zh-CN',
      platform: 'x',
      consoleOrigin: 'https://x',
      now: NOW,
    });
    expect([s.market, s.language]).toEqual(['DE', 'zh-CN']);
  });

  it('is idempotent by id: a retried start returns the first session', async () => {
    const first = await live('session-1', NOW);
    const again = await live('session-1', NOW + 5000);
    expect(again).toEqual(first);
    expect(await db.sessions.count()).toBe(1);
  });

  it('rejects an unknown deck and stores nothing', async () => {
    const code = await codeOf(
      repo.startSession({ id: 's', deckId: 'nope', host: 'A', platform: 'x', consoleOrigin: 'https://x', now: NOW }),
    );
    expect(code).toBe('deck-not-found');
    expect(await db.sessions.count()).toBe(0);
  });

  it('ends a session once; ending again keeps the first end time', async () => {
    await live();
    expect((await repo.endSession('session-1', NOW + 10)).endedAt).toBe(NOW + 10);
    expect((await repo.endSession('session-1', NOW + 20)).endedAt).toBe(NOW + 10);
    expect(await codeOf(repo.endSession('nope', NOW))).toBe('session-not-found');
  });

  it('lists sessions newest first', async () => {
    await live('old', NOW);
    await live('new', NOW + 1000);
    expect((await repo.listSessions()).map((s) => s.id)).toEqual(['new', 'old']);
  });
});

describe('recordEvent', () => {
  beforeEach(() => live());

  it('numbers events 1..n, chains their hashes and keeps the session head', async () => {
    const a = await repo.recordEvent(said('e1'));
    const b = await repo.recordEvent(said('e2', { item: { kind: 'size', id: 'size' }, now: NOW + 61_000 }));
    const c = await repo.recordEvent(said('e3', { cardId: COVER, item: { kind: 'caveat', id: 'demo-caveat-depth' }, now: NOW + 125_000 }));
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(a.prev).toBe(headerGenesisHash((await repo.getSession('session-1'))!));
    expect(b.prev).toBe(a.hash);
    expect(c.prev).toBe(b.hash);
    expect(c.offsetMs).toBe(125_000);

    const events = await repo.listEvents('session-1');
    expect(events).toEqual([a, b, c]);
    const session = await repo.getSession('session-1');
    expect(session).toMatchObject({ lastSeq: 3, head: c.hash });
    expect(verifyChain(session!, events, session!.head)).toBeNull();
  });

  it('stores a snapshot of the card whose hash is the event’s card hash', async () => {
    const e = await repo.recordEvent(said('e1'));
    const snap = await db.snapshots.get(e.cardHash);
    expect(snap).toBeDefined();
    expect(contentHash(snap!.content)).toBe(e.cardHash);
    const content = snap!.content as { card: Card; policy: { id: string } };
    expect(content.card.id).toBe(HOODIE);
    // The hoodie has no policy of its own, so the deck's default is what the viewer was told.
    expect(content.policy.id).toBe('demo-policy-eu');
  });

  it('snapshots the card’s own policy over the deck default', async () => {
    const e = await repo.recordEvent(said('e1', { cardId: SERUM, item: { kind: 'policy', id: 'demo-policy-eu-sealed' } }));
    const content = (await db.snapshots.get(e.cardHash))!.content as { policy: { id: string } };
    expect(content.policy.id).toBe('demo-policy-eu-sealed');
  });

  it('returns the committed event on a retry with the same id and adds nothing', async () => {
    const first = await repo.recordEvent(said('e1'));
    const before = await counts();
    const retry = await repo.recordEvent(said('e1', { now: NOW + 999_999, item: { kind: 'size', id: 'size' } }));
    expect(retry).toEqual(first);
    expect(await counts()).toEqual(before);
    expect(await repo.getSession('session-1')).toMatchObject({ lastSeq: 1, head: first.hash });
  });

  it('refuses an event id already used in another session', async () => {
    await repo.recordEvent(said('e1'));
    await live('session-2');
    expect(await codeOf(repo.recordEvent(said('e1', { sessionId: 'session-2' })))).toBe('event-id-reused');
    expect(await repo.listEvents('session-2')).toEqual([]);
  });

  describe('rejects without writing anything', () => {
    async function expectRejected(input: RecordInput, code: string) {
      await repo.recordEvent(said('e0'));
      const before = { ...(await counts()), session: await repo.getSession('session-1') };
      expect(await codeOf(repo.recordEvent(input))).toBe(code);
      expect({ ...(await counts()), session: await repo.getSession('session-1') }).toEqual(before);
      expect(await db.events.get(input.id)).toBeUndefined();
    }

    it('an item that is not on the card', async () => {
      // The cover has no size chart.
      await expectRejected(said('x', { cardId: COVER, item: { kind: 'size', id: 'size' } }), 'item-not-on-card');
    });

    it('a policy that is not the card’s', async () => {
      await expectRejected(said('x', { cardId: SERUM, item: { kind: 'policy', id: 'demo-policy-eu' } }), 'item-not-on-card');
    });

    it('a caveat of another card', async () => {
      await expectRejected(said('x', { cardId: HOODIE, item: { kind: 'caveat', id: 'demo-caveat-depth' } }), 'item-not-on-card');
    });

    it('a card that does not exist', async () => {
      await expectRejected(said('x', { cardId: 'nope' }), 'card-not-found');
    });

    it('a session that does not exist', async () => {
      await expectRejected(said('x', { sessionId: 'nope' }), 'session-not-found');
    });

    it('a correction of an event that does not exist', async () => {
      await expectRejected(said('x', { action: 'correction', corrects: 'nope' }), 'correction-target-missing');
    });

    it('an ended session', async () => {
      await repo.recordEvent(said('e0'));
      await repo.endSession('session-1', NOW + 1);
      const before = await counts();
      expect(await codeOf(repo.recordEvent(said('x')))).toBe('session-ended');
      expect(await counts()).toEqual(before);
    });
  });

  it('records a correction that points at an earlier event', async () => {
    const first = await repo.recordEvent(said('e1'));
    const fix = await repo.recordEvent(said('e2', { action: 'correction', corrects: first.id }));
    expect(fix).toMatchObject({ seq: 2, action: 'correction', corrects: 'e1' });
    expect(verifyChain((await repo.getSession('session-1'))!, await repo.listEvents('session-1'))).toBeNull();
  });

  it('keeps the old snapshot when the card is edited after an event', async () => {
    const before = await repo.recordEvent(said('e1'));
    const demo = demoBundle(NOW);
    const edited: Card = {
      ...demo.cards[0],
      caveats: [{ id: 'demo-caveat-wash', text: { en: 'Edited after the show' }, mustSay: true }],
      updatedAt: NOW + 1,
    };
    await repo.putDeckBundle({ ...demo, cards: [edited] });
    const after = await repo.recordEvent(said('e2'));

    expect(after.cardHash).not.toBe(before.cardHash);
    const old = (await db.snapshots.get(before.cardHash))!.content as { card: Card };
    const now = (await db.snapshots.get(after.cardHash))!.content as { card: Card };
    expect(old.card.caveats[0].text.en).toBe('Dark colours bleed in the first washes: wash separately.');
    expect(now.card.caveats[0].text.en).toBe('Edited after the show');
  });

  it('gives the same card hash when a card is saved unchanged (bookkeeping fields do not count)', async () => {
    const a = await repo.recordEvent(said('e1'));
    const demo = demoBundle(NOW + 86_400_000);
    await repo.putDeckBundle({ ...demo, cards: [{ ...demo.cards[0], demo: false }] });
    const b = await repo.recordEvent(said('e2'));
    expect(b.cardHash).toBe(a.cardHash);
    expect(await db.snapshots.count()).toBe(1);
  });
});

describe('removeDemo', () => {
  const own: DeckBundle = {
    deck: { id: 'own-deck', name: 'Own', cardIds: ['own-card'], market: 'US', languages: ['en'], defaultPolicyId: 'own-policy', updatedAt: NOW },
    cards: [
      {
        id: 'own-card',
        sku: 'OWN-1',
        name: { en: 'Own' },
        category: 'other',
        scaleRefs: [],
        caveats: [],
        notes: [],
        updatedAt: NOW,
      },
    ],
    policies: [{ id: 'own-policy', name: 'Own', markets: ['US'], windowDays: 30, returnShippingPaidBy: 'seller', exchanges: false, updatedAt: NOW }],
  };

  it('removes demo decks, cards and policies and keeps the user’s own and every log', async () => {
    await repo.putDeckBundle(own);
    await live();
    const e = await repo.recordEvent(said('e1'));
    expect(await hasDemo()).toBe(true);

    expect(await repo.removeDemo()).toEqual({ decks: 1, cards: 3, policies: 2 });

    expect(await hasDemo()).toBe(false);
    expect((await repo.listDecks()).map((d) => d.id)).toEqual(['own-deck']);
    expect((await repo.listCards()).map((c) => c.id)).toEqual(['own-card']);
    expect((await db.policies.toArray()).map((p) => p.id)).toEqual(['own-policy']);

    const session = await repo.getSession('session-1');
    expect(session?.deckName).toBe(demoBundle(NOW).deck.name);
    expect(await repo.listEvents('session-1')).toEqual([e]);
    expect(await db.snapshots.get(e.cardHash)).toBeDefined();
    expect(verifyChain(session!, await repo.listEvents('session-1'), session!.head)).toBeNull();
  });

  it('removes nothing the second time', async () => {
    await repo.removeDemo();
    expect(await repo.removeDemo()).toEqual({ decks: 0, cards: 0, policies: 0 });
  });
});

describe('exportLog', () => {
  beforeEach(async () => {
    await live('session-1', NOW);
    await live('session-2', NOW + 1000);
    await repo.recordEvent(said('a1'));
    await repo.recordEvent(said('b1', { sessionId: 'session-2', cardId: COVER, item: { kind: 'caveat', id: 'demo-caveat-depth' } }));
    await repo.recordEvent(said('a2', { item: { kind: 'size', id: 'size' } }));
  });

  it('carries the chosen sessions, their events in order and only the snapshots they cite', async () => {
    const log = await repo.exportLog(['session-1']);
    expect(log.sessions.map((s) => s.id)).toEqual(['session-1']);
    expect(log.events.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(log.snapshots.map((s) => s.hash)).toEqual([log.events[0].cardHash]);
    expect(verifyChain(log.sessions[0], log.events, log.sessions[0].head)).toBeNull();
  });

  it('exports every session when none are named and skips unknown ids', async () => {
    const all = await repo.exportLog();
    expect(all.sessions.map((s) => s.id)).toEqual(['session-2', 'session-1']);
    expect(all.events.map((e) => e.id)).toEqual(['b1', 'a1', 'a2']);
    expect(all.snapshots).toHaveLength(2);
    expect((await repo.exportLog(['nope'])).sessions).toEqual([]);
  });
});
