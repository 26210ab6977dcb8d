import { describe, expect, it, vi } from 'vitest';
import type { DeckBundle } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { UpfrontError } from '../../lib/errors';
import { composeSidebarBootstrap, type Ask } from '../../lib/messaging/bootstrap';
import type { Client } from '../../lib/messaging/client';
import type { TabContext } from '../../lib/messaging/types';
import type { SidebarBootstrap } from '../../lib/messaging/bootstrap';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { createSidebarStore, currentCard, markKey } from '../../lib/sidebar/store';
import { consoleContext, demo, demoSummary, fakeAsk } from '../helpers/fake-background';
import { NOW } from './helpers';
import { background, contentScript, overlay, studio, YOUTUBE } from './sessions-helpers';

// The sidebar's opening request (bench: sidebar cold open): one round trip that answers what
// tab.context, deck.list, session.current, session.resumable, deck.get and event.list answer.

const HOUR = 3_600_000;
const start = (id: string, extra: Record<string, unknown> = {}) => ({ id, deckId: 'demo-deck', host: 'Lina', ...extra });
const said = (id: string, sessionId: string) => ({ id, sessionId, cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said' });
/** The side panel: a top-level extension page, like the studio. */
const panel = { ...studio, url: studio.url!.replace('studio', 'sidebar') };

/** A second deck, so "the deck asked for" and "the first deck" differ. */
function otherDeck(): DeckBundle {
  const demo = demoBundle(NOW);
  return { ...demo, deck: { ...demo.deck, id: 'other-deck', name: 'Other', demo: false, cardIds: [demo.cards[1].id] }, cards: [demo.cards[1]] };
}

describe('sidebar.bootstrap in the background', () => {
  it('answers a framed sidebar with a live session as its single requests would, in one reply', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('event.record', said('e1', 's1'), overlay(1));
    await bg.ok('onScreen.set', { sessionId: 's1', cardId: demo.cards[1].id }, overlay(1));

    const boot = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, overlay(1));
    expect(boot).toEqual({
      context: await bg.ok('tab.context', {}, overlay(1)),
      decks: await bg.ok('deck.list', {}, overlay(1)),
      session: await bg.ok('session.current', {}, overlay(1)),
      resumable: [],
      bundle: await bg.ok('deck.get', { deckId: 'demo-deck' }, overlay(1)),
      events: await bg.ok('event.list', { sessionId: 's1' }, overlay(1)),
      onScreen: demo.cards[1].id,
    });
    expect(boot.session?.id).toBe('s1');
    expect(boot.events.map((e) => e.id)).toEqual(['e1']);
  });

  it('without a live session: the deck asked for, else the first, and the sessions left to resume', async () => {
    const bg = await background();
    await bg.repo.putDeckBundle(otherDeck());
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    bg.restart(); // the browser restarted: session storage gone, the session still open
    bg.clock.now += HOUR;
    await bg.openConsole(7);

    const first = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, overlay(7));
    expect(first).toMatchObject({ session: null, events: [] });
    expect(first.resumable.map((s) => s.id)).toEqual(['s1']);
    expect(first.bundle?.deck.id).toBe(first.decks[0].id);

    const asked = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', { deckId: 'other-deck' }, overlay(7));
    expect(asked.bundle?.deck.id).toBe('other-deck');

    // A live session's deck wins over the deck asked for.
    await bg.ok('session.resume', { sessionId: 's1' }, overlay(7));
    const live = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', { deckId: 'other-deck' }, overlay(7));
    expect(live).toMatchObject({ resumable: [], session: { id: 's1' } });
    expect(live.bundle?.deck.id).toBe('demo-deck');
  });

  it('lets a framed sidebar speak only for its own tab', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.openConsole(2, YOUTUBE);
    await bg.ok('session.start', start('s2'), overlay(2));
    const boot = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', { tabId: 2 }, overlay(1));
    expect(boot.context?.tabId).toBe(1);
    expect(boot.session).toBeNull();
  });

  it('answers a side panel for the tab it names, and with no context beside no console', async () => {
    const bg = await background();
    expect(await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, panel)).toMatchObject({ context: null, session: null, resumable: [], events: [], bundle: { deck: { id: 'demo-deck' } } });
    await bg.openConsole(2, YOUTUBE);
    await bg.ok('session.start', start('s2'), overlay(2));
    const boot = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', { tabId: 2 }, panel);
    expect(boot).toMatchObject({ context: { tabId: 2, platform: 'youtube-studio' }, session: { id: 's2' } });
  });

  it('shows the first deck when the deck asked for is gone (deleted in the studio meanwhile)', async () => {
    const bg = await background();
    await bg.openConsole(1);
    const boot = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', { deckId: 'gone' }, overlay(1));
    expect(boot.bundle?.deck.id).toBe(boot.decks[0].id);
  });

  it('keeps a live show on its deck when the producer moves that deck to the trash', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    const before = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, overlay(1));
    await bg.ok('deck.delete', { deckId: 'demo-deck' }, studio);
    const after = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', { deckId: 'demo-deck' }, overlay(1));
    expect(after.decks.map((d) => d.id)).not.toContain('demo-deck');
    expect(after.session?.id).toBe('s1');
    expect(after.bundle).toEqual(before.bundle);
    // Disclosures go on being recorded against it.
    expect(await bg.code('event.record', said('e1', 's1'), overlay(1))).toBeNull();
    // It cannot be deleted for good while the show is live; once the show has ended, it can.
    expect(await bg.code('trash.purge', { key: 'deck:demo-deck' }, studio)).toBe('deck-in-live-show');
    expect(await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, overlay(1))).toMatchObject({ session: { id: 's1' }, bundle: before.bundle });
    await bg.ok('session.end', { sessionId: 's1' }, overlay(1));
    await bg.ok('trash.purge', { key: 'deck:demo-deck' }, studio);
    expect(await bg.ok<unknown[]>('trash.list', {}, studio)).toEqual([]);
  });

  it('is validated like every other request, and only extension pages may send it', async () => {
    const bg = await background();
    expect(await bg.code('sidebar.bootstrap', { tabId: -1 }, overlay(1))).toBe('bad-message');
    expect(await bg.code('sidebar.bootstrap', { deckId: '' }, overlay(1))).toBe('bad-message');
    expect(await bg.code('sidebar.bootstrap', { all: true }, overlay(1))).toBe('bad-message');
    expect(await bg.code('sidebar.bootstrap', {}, contentScript(1))).toBe('forbidden');
  });
});

describe('a sidebar opened over the background', () => {
  it('opens a live session’s card on its first must-say item not said yet', async () => {
    const bg = await background();
    const deck = demoBundle(NOW);
    const hoodie = deck.cards[0];
    hoodie.caveats.push({ id: 'demo-caveat-second', mustSay: true, text: { en: 'Second must-say caveat.' } });
    await bg.repo.putDeckBundle(deck);
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('event.record', said('e1', 's1'), overlay(1)); // the first must-say caveat

    const sidebar = createSidebarStore({ call: bg.client(overlay(1)), newId: () => 'id' });
    await sidebar.actions.init();
    const state = sidebar.store.getState();
    const items = currentCard(state)!.items;
    expect(state.marks[markKey(hoodie.id, { kind: 'caveat', id: 'demo-caveat-wash' })]).toMatchObject({ state: 'recorded' });
    expect(items[state.selected]).toMatchObject({ kind: 'caveat', id: 'demo-caveat-second', mustSay: true });
  });
});

describe('the card on screen, remembered per live show', () => {
  /** Moves a live sidebar to a card, going on past the must-say gate as the host would. */
  function moveTo(sidebar: ReturnType<typeof createSidebarStore>, index: number) {
    sidebar.actions.select(index);
    if (sidebar.store.getState().gate) sidebar.actions.select(index);
  }

  it('reopens a live show on the card it had on screen, told once after the host stops moving', async () => {
    const bg = await background();
    await bg.openConsole(1);
    const calls: string[] = [];
    const client = bg.client(overlay(1));
    const first = createSidebarStore({ call: ((type, payload) => (calls.push(type), client(type, payload))) as Client, newId: () => crypto.randomUUID() });
    await first.actions.init();
    await first.actions.goLive('Lina');
    moveTo(first, 1);
    moveTo(first, 2);
    const third = demo.cards[2].id;
    await vi.waitFor(async () => expect(await bg.ok('onScreen.get', { sessionId: first.store.getState().session!.id }, overlay(1))).toBe(third));
    expect(calls.filter((t) => t === 'onScreen.set')).toHaveLength(1);

    // The console reloaded: a new sidebar in the same tab.
    const told: unknown[] = [];
    const reloaded = createSidebarStore({
      call: ((type, payload) => (type === 'onScreen.set' && told.push(payload), client(type, payload))) as Client,
      newId: () => crypto.randomUUID(),
    });
    await reloaded.actions.init();
    expect(currentCard(reloaded.store.getState())?.card.id).toBe(third);

    // Re-reads of the same show (studio edits, pushes) leave the host where they are.
    moveTo(reloaded, 0);
    await reloaded.actions.refresh();
    expect(reloaded.store.getState().index).toBe(0);
    // Reloaded right after a move: the sidebar going away tells it at once.
    told.length = 0;
    moveTo(reloaded, 1);
    expect(told).toEqual([]);
    reloaded.actions.flushOnScreen();
    expect(told).toEqual([{ sessionId: first.store.getState().session!.id, cardId: demo.cards[1].id }]);
    await vi.waitFor(async () => expect(await bg.ok('onScreen.get', { sessionId: first.store.getState().session!.id }, overlay(1))).toBe(demo.cards[1].id));
  });

  it('reopens a resumed show on its card, and forgets the card when the show ends', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('onScreen.set', { sessionId: 's1', cardId: demo.cards[1].id }, overlay(1));
    bg.restart(); // the browser crashed: the session is left open, to resume in a new tab
    await bg.openConsole(7);
    const sidebar = createSidebarStore({ call: bg.client(overlay(7)), newId: () => 'id' });
    await sidebar.actions.init();
    expect(sidebar.store.getState().index).toBe(0);
    await sidebar.actions.resume('s1');
    expect(sidebar.store.getState().session?.id).toBe('s1');
    expect(currentCard(sidebar.store.getState())?.card.id).toBe(demo.cards[1].id);

    await bg.ok('session.end', { sessionId: 's1' }, overlay(7));
    expect(await bg.ok('onScreen.get', { sessionId: 's1' }, overlay(7))).toBeNull();
    expect(await bg.code('onScreen.set', { sessionId: 's1', cardId: demo.cards[0].id }, overlay(7))).toBe('session-ended');
  });

  it('is asked by extension pages only, for a session that exists', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    expect(await bg.code('onScreen.set', { sessionId: 's1', cardId: demo.cards[0].id }, contentScript(1))).toBe('forbidden');
    expect(await bg.code('onScreen.get', { sessionId: 's1' }, contentScript(1))).toBe('forbidden');
    expect(await bg.code('onScreen.set', { sessionId: 'nope', cardId: demo.cards[0].id }, overlay(1))).toBe('session-not-found');
    expect(await bg.code('onScreen.set', { sessionId: 's1' }, overlay(1))).toBe('bad-message');
  });
});

describe('composeSidebarBootstrap', () => {
  const context = consoleContext;
  const live: Session = { id: 's1', deckId: demo.deck.id, deckName: 'x', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: context.origin, market: 'EU', language: 'en', startedAt: NOW, lastSeq: 0, head: '0'.repeat(64) };

  it('leaves out what to resume when that answer fails, never the rest', async () => {
    const ask = fakeAsk({
      'session.resumable': () => {
        throw new UpfrontError('internal');
      },
    });
    const boot = await composeSidebarBootstrap(ask as unknown as Ask, {});
    expect(boot).toMatchObject({ context, session: null, resumable: [], bundle: demo });
  });

  it('asks about sessions for the context’s tab only, and nothing about them without a context', async () => {
    const withTab = fakeAsk({ 'session.current': () => live, 'event.list': () => [{ id: 'e1' } as DisclosureEvent] });
    expect(await composeSidebarBootstrap(withTab as unknown as Ask, { tabId: 9 })).toMatchObject({ session: live, events: [{ id: 'e1' }] });
    expect(withTab).toHaveBeenCalledWith('tab.context', { tabId: 9 });
    expect(withTab).toHaveBeenCalledWith('session.current', { tabId: 5 });
    expect(withTab).toHaveBeenCalledWith('event.list', { sessionId: 's1' });

    const none = fakeAsk({ 'tab.context': () => null });
    expect(await composeSidebarBootstrap(none as unknown as Ask, {})).toMatchObject({ context: null, session: null, resumable: [], events: [] });
    expect(none.mock.calls.map((c) => c[0]).sort()).toEqual(['deck.get', 'deck.list', 'deck.picked', 'tab.context']);
  });

  it('opens on the deck last picked on this console, unless a deck was shown before or it is gone', async () => {
    const decks = [demoSummary, { ...demoSummary, id: 'deck-2', name: 'Second' }];
    const ask = fakeAsk({ 'deck.list': () => decks, 'deck.picked': () => 'deck-2', 'deck.get': ({ deckId }) => ({ ...demo, deck: { ...demo.deck, id: deckId } }) });
    expect((await composeSidebarBootstrap(ask as unknown as Ask, {})).bundle?.deck.id).toBe('deck-2');
    expect(ask.mock.calls.filter((c) => c[0] === 'deck.get')).toEqual([['deck.get', { deckId: 'deck-2' }]]);
    // A re-read keeps the deck shown; the pick is not even asked for.
    ask.mockClear();
    expect((await composeSidebarBootstrap(ask as unknown as Ask, { deckId: demo.deck.id })).bundle?.deck.id).toBe(demo.deck.id);
    expect(ask.mock.calls.map((c) => c[0])).not.toContain('deck.picked');
    // A picked deck deleted since: the first deck.
    const gone = fakeAsk({ 'deck.picked': () => 'deck-deleted' });
    expect((await composeSidebarBootstrap(gone as unknown as Ask, {})).bundle?.deck.id).toBe(demo.deck.id);
    // A live session's deck wins over the pick.
    const live2 = fakeAsk({ 'deck.list': () => decks, 'deck.picked': () => 'deck-2', 'session.current': () => live, 'deck.get': ({ deckId }) => ({ ...demo, deck: { ...demo.deck, id: deckId } }) });
    expect((await composeSidebarBootstrap(live2 as unknown as Ask, { tabId: 5 })).bundle?.deck.id).toBe(live.deckId);
  });

  it('asks a framed sidebar’s session with its first requests, for the frame’s own tab', async () => {
    let answerContext!: (c: TabContext) => void;
    const ask = fakeAsk({ 'tab.context': () => new Promise<TabContext>((r) => (answerContext = r)), 'session.current': () => live });
    const boot = composeSidebarBootstrap(ask as unknown as Ask, {}, { framed: true });
    await Promise.resolve();
    // Before its context is known, the frame's session is asked for, for its own tab.
    expect(ask.mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['deck.list', 'session.current', 'session.resumable', 'tab.context']));
    expect(ask).toHaveBeenCalledWith('session.current', {});
    answerContext(context);
    expect(await boot).toMatchObject({ context, session: live });
    // Without a context, what the frame's tab said is not used.
    const none = fakeAsk({ 'tab.context': () => null, 'session.current': () => live });
    expect(await composeSidebarBootstrap(none as unknown as Ask, {}, { framed: true })).toMatchObject({ context: null, session: null, resumable: [] });
  });

  it('reads the deck shown without a session while the session is looked up, and a live session’s own deck after', async () => {
    const other: DeckBundle = { ...demo, deck: { ...demo.deck, id: 'other-deck' } };
    const ask = fakeAsk({
      'session.current': () => ({ ...live, deckId: 'other-deck' }),
      'deck.get': (p) => {
        if (p.deckId === 'other-deck') return other;
        throw new UpfrontError('deck-not-found', p.deckId as string);
      },
    });
    // The first deck cannot be read, but it is not the one shown: the answer does not fail.
    const boot = await composeSidebarBootstrap(ask as unknown as Ask, {});
    expect(boot.bundle).toBe(other);
    expect(ask.mock.calls.filter((c) => c[0] === 'deck.get').map((c) => c[1])).toEqual([{ deckId: 'demo-deck' }, { deckId: 'other-deck' }]);

    const once = fakeAsk({});
    await composeSidebarBootstrap(once as unknown as Ask, {});
    expect(once.mock.calls.filter((c) => c[0] === 'deck.get')).toHaveLength(1);
  });

  it('asks no deck when there is none', async () => {
    const ask = fakeAsk({ 'deck.list': () => [] });
    expect((await composeSidebarBootstrap(ask as unknown as Ask, {})).bundle).toBeNull();
    expect(ask.mock.calls.map((c) => c[0])).not.toContain('deck.get');
  });
});
