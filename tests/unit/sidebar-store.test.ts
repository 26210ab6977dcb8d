import { describe, expect, it, vi } from 'vitest';
import type { DeckBundle, DeckSummary } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { UpfrontError } from '../../lib/errors';
import type { TabContext } from '../../lib/messaging/types';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { currentCard, markKey } from '../../lib/sidebar/store';
import { deferred } from '../helpers/deferred';
import { fakeSidebar } from '../helpers/fake-background';

const NOW = Date.UTC(2026, 10, 20, 12);
const demo = demoBundle(NOW);
const other: DeckBundle = {
  deck: { ...demo.deck, id: 'other-deck', name: 'Other', cardIds: [demo.cards[2].id], demo: false },
  cards: [demo.cards[2]],
  policies: demo.policies,
};
const summary = (b: DeckBundle): DeckSummary => ({
  id: b.deck.id,
  name: b.deck.name,
  market: b.deck.market,
  languages: b.deck.languages,
  cardCount: b.cards.length,
  demo: b.deck.demo === true,
});
const context: TabContext = { tabId: 5, url: 'https://shop.tiktok.com/streamer/live', origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' };
const session = (deckId: string, over: Partial<Session> = {}): Session => ({
  id: 'session-1',
  deckId,
  deckName: 'x',
  host: 'Ana',
  platform: 'tiktok-shop',
  consoleOrigin: context.origin,
  market: 'EU',
  language: 'zh-CN',
  startedAt: NOW,
  lastSeq: 0,
  head: '0'.repeat(64),
  ...over,
});

interface FakeOptions {
  ctx?: TabContext | null;
  live?: Session | null;
  events?: DisclosureEvent[];
}

/** The shared fake background with two decks, and each call recorded. */
function setup({ ctx = context, live = null, events = [] }: FakeOptions = {}) {
  const bundles = new Map([demo, other].map((b) => [b.deck.id, b]));
  const record = vi.fn<(payload: Record<string, unknown>) => Promise<unknown>>(async (p) => ({ ...p, seq: 1 }));
  const { sidebar, call } = fakeSidebar({
    'tab.context': () => ctx,
    // Sorted by name as the repository does: "Demo: …" before "Other".
    'deck.list': () => [summary(demo), summary(other)],
    'deck.get': (payload) => {
      const b = bundles.get(payload.deckId as string);
      if (!b) throw new UpfrontError('deck-not-found');
      return b;
    },
    'session.current': () => live,
    'event.list': () => events,
    'session.start': (payload) => session(payload.deckId as string, { id: payload.id as string, host: payload.host as string }),
    'session.end': () => ({ ...live, endedAt: NOW }),
    'event.record': (payload) => record(payload),
  });
  return { calls: call, record, ...sidebar, state: () => sidebar.store.getState() };
}

const caveat = { kind: 'caveat' as const, id: 'demo-caveat-wash' };
const hoodieKey = markKey('demo-card-hoodie', caveat);

describe('init', () => {
  it('opens the first deck when no session is live', async () => {
    const s = setup();
    await s.actions.init();
    expect(s.state()).toMatchObject({ status: 'ready', context, session: null, deckId: 'demo-deck', index: 0 });
    expect(s.state().bundle?.deck.id).toBe('demo-deck');
  });

  it('opens the live session’s deck, not the first one', async () => {
    const s = setup({ live: session('other-deck') });
    await s.actions.init();
    expect(s.state().deckId).toBe('other-deck');
    expect(s.state().bundle?.cards.map((c) => c.id)).toEqual(['demo-card-serum']);
    expect(s.calls.mock.calls).toEqual([['sidebar.bootstrap', {}]]);
  });

  it('shows items already said in the live session as recorded', async () => {
    const said = { id: 'ev-1', cardId: 'demo-card-hoodie', item: caveat, action: 'said' } as DisclosureEvent;
    const shown = { id: 'ev-2', cardId: 'demo-card-hoodie', item: { kind: 'size', id: 'size' }, action: 'shown' } as DisclosureEvent;
    const s = setup({ live: session('demo-deck'), events: [said, shown] });
    await s.actions.init();
    expect(s.state().marks).toEqual({ [hoodieKey]: { state: 'recorded', eventId: 'ev-1' } });
  });

  it('has no session when it is not beside a console', async () => {
    const s = setup({ ctx: null, live: session('other-deck') });
    await s.actions.init();
    expect(s.state()).toMatchObject({ status: 'ready', context: null, session: null, deckId: 'demo-deck' });
  });

  it('reports a failure with its code', async () => {
    const s = setup();
    // (An unreachable background is asked again first: tests/unit/sidebar-opening.test.ts.)
    s.calls.mockRejectedValueOnce(new UpfrontError('forbidden'));
    await s.actions.init();
    expect(s.state()).toMatchObject({ status: 'error', error: 'forbidden' });
  });
});

describe('markSaid', () => {
  async function liveStore() {
    const s = setup({ live: session('demo-deck') });
    await s.actions.init();
    return s;
  }

  it('is "saving" until the background answers, then "recorded"', async () => {
    const s = await liveStore();
    const answer = deferred<unknown>();
    s.record.mockReturnValueOnce(answer.promise);
    const done = s.actions.markSaid(caveat);
    await vi.waitFor(() => expect(s.record).toHaveBeenCalledTimes(1));
    expect(s.state().marks[hoodieKey]).toEqual({ state: 'saving', eventId: 'id-1' });
    answer.resolve({});
    await done;
    expect(s.state().marks[hoodieKey]).toEqual({ state: 'recorded', eventId: 'id-1' });
    expect(s.record).toHaveBeenCalledWith({
      id: 'id-1',
      sessionId: 'session-1',
      cardId: 'demo-card-hoodie',
      item: caveat,
      language: 'zh-CN',
      action: 'said',
    });
  });

  it('ignores a second click while saving and after recording', async () => {
    const s = await liveStore();
    const answer = deferred<unknown>();
    s.record.mockReturnValueOnce(answer.promise);
    const first = s.actions.markSaid(caveat);
    await s.actions.markSaid(caveat);
    answer.resolve({});
    await first;
    await s.actions.markSaid(caveat);
    expect(s.record).toHaveBeenCalledTimes(1);
  });

  it('fails with the background’s code, and a retry reuses the same event id', async () => {
    const s = await liveStore();
    s.record.mockRejectedValueOnce(new UpfrontError('background-unreachable', 'worker restarting'));
    await s.actions.markSaid(caveat);
    expect(s.state().marks[hoodieKey]).toEqual({ state: 'failed', eventId: 'id-1', code: 'background-unreachable' });

    await s.actions.markSaid(caveat);
    expect(s.record).toHaveBeenCalledTimes(2);
    expect(s.record.mock.calls.map((c) => c[0].id)).toEqual(['id-1', 'id-1']);
    expect(s.state().marks[hoodieKey]).toEqual({ state: 'recorded', eventId: 'id-1' });
  });

  it('refuses to record while the page obscures the sidebar, and records once it is visible', async () => {
    const s = await liveStore();
    s.actions.setObscured(true);
    await s.actions.markSaid(caveat);
    expect(s.record).not.toHaveBeenCalled();
    expect(s.state().marks[hoodieKey]).toMatchObject({ state: 'failed', code: 'obscured' });

    s.actions.setObscured(false);
    await s.actions.markSaid(caveat);
    expect(s.record).toHaveBeenCalledTimes(1);
    expect(s.state().marks[hoodieKey]).toMatchObject({ state: 'recorded' });
  });

  it('reports an unexpected error as "internal"', async () => {
    const s = await liveStore();
    s.record.mockRejectedValueOnce(new TypeError('x'));
    await s.actions.markSaid(caveat);
    expect(s.state().marks[hoodieKey]).toMatchObject({ state: 'failed', code: 'internal' });
  });

  it('uses a new event id for a different item', async () => {
    const s = await liveStore();
    await s.actions.markSaid(caveat);
    await s.actions.markSaid({ kind: 'size', id: 'size' });
    expect(s.record.mock.calls.map((c) => c[0].id)).toEqual(['id-1', 'id-2']);
  });

  it('records against the product on screen', async () => {
    const s = await liveStore();
    // Saying the hoodie's must-say caveat first lets the host move on without being stopped.
    await s.actions.markSaid(caveat);
    s.actions.next();
    expect(s.state().index).toBe(1);
    await s.actions.markSaid({ kind: 'caveat', id: 'demo-caveat-depth' });
    expect(s.record.mock.calls[1][0]).toMatchObject({ cardId: 'demo-card-cushion-cover', item: { kind: 'caveat', id: 'demo-caveat-depth' } });
  });

  it('does nothing when not live', async () => {
    const s = setup();
    await s.actions.init();
    await s.actions.markSaid(caveat);
    expect(s.record).not.toHaveBeenCalled();
    expect(s.state().marks).toEqual({});
  });

  it('forgets marks when the session ends', async () => {
    const s = await liveStore();
    await s.actions.markSaid(caveat);
    await s.actions.endSession();
    expect(s.state()).toMatchObject({ session: null, marks: {} });
  });
});

describe('goLive', () => {
  it('starts a session for the deck and tab shown, with a fresh id', async () => {
    const s = setup();
    await s.actions.init();
    await s.actions.goLive('Ana');
    expect(s.calls).toHaveBeenCalledWith('session.start', { id: 'id-1', deckId: 'demo-deck', host: 'Ana', tabId: 5 });
    expect(s.state().session?.host).toBe('Ana');
  });

  it('shows the reason when going live fails', async () => {
    const s = setup();
    await s.actions.init();
    s.calls.mockRejectedValueOnce(new UpfrontError('session-already-live'));
    await s.actions.goLive('Ana');
    expect(s.state()).toMatchObject({ session: null, actionError: 'session-already-live' });
  });
});

describe('navigation', () => {
  it('moves between products and stops at both ends', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.previous();
    expect(s.state().index).toBe(0);
    s.actions.next();
    s.actions.next();
    expect(s.state().index).toBe(2);
    s.actions.next();
    expect(s.state().index).toBe(2);
    expect(currentCard(s.state())?.card.id).toBe('demo-card-serum');
    s.actions.previous();
    expect(s.state().index).toBe(1);
    s.actions.select(99);
    expect(s.state().index).toBe(2);
    s.actions.select(-3);
    expect(s.state().index).toBe(0);
  });

  it('does not move without a deck', () => {
    const s = setup();
    s.actions.next();
    expect(s.state().index).toBe(0);
  });

  it('starts a newly chosen deck at its first product', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.next();
    await s.actions.selectDeck('other-deck');
    expect(s.state()).toMatchObject({ deckId: 'other-deck', index: 0 });
  });

  it('keeps the deck while live', async () => {
    const s = setup({ live: session('demo-deck') });
    await s.actions.init();
    await s.actions.selectDeck('other-deck');
    expect(s.state().deckId).toBe('demo-deck');
  });

  it('toggles help', () => {
    const s = setup();
    s.actions.toggleHelp();
    expect(s.state().helpOpen).toBe(true);
    s.actions.toggleHelp();
    expect(s.state().helpOpen).toBe(false);
  });
});

describe('currentCard', () => {
  it('lists must-say caveats first and uses the card’s own policy over the deck default', () => {
    const serum = currentCard({ bundle: demo, index: 2 });
    expect(serum?.policy?.id).toBe('demo-policy-eu-sealed');
    expect(serum?.items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'caveat:demo-caveat-skin',
      'scale:scale',
      'policy:demo-policy-eu-sealed',
      'note:demo-note-colour',
    ]);
    expect(serum?.items[0].mustSay).toBe(true);
    expect(currentCard({ bundle: demo, index: 0 })?.policy?.id).toBe('demo-policy-eu');
  });
});
