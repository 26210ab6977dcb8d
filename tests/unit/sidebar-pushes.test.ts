import { describe, expect, it, vi } from 'vitest';
import { SidebarHub, type HubPort } from '../../lib/background/hub';
import { runHotkey } from '../../components/sidebar/SidebarApp';
import { FORWARDED_KEYS } from '../../lib/hotkeys';
import { readSidebarPush } from '../../lib/messaging/push-protocol';
import type { SidebarPush } from '../../lib/messaging/types';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { createPushReceiver } from '../../lib/sidebar/pushes';
import { markKey } from '../../lib/sidebar/store';
import { consoleContext as context, demo, demoSummary, fakeSidebar, NOW } from '../helpers/fake-background';

// Pushes from the background (bench: disclosure click → recorded mark): a recorded event is
// applied as it comes, with no re-read; other changes re-read, never two reads at once.

const live: Session = { id: 's1', deckId: demo.deck.id, deckName: 'x', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: context.origin, market: 'EU', language: 'en', startedAt: NOW, lastSeq: 0, head: '0'.repeat(64) };
const caveat = { kind: 'caveat' as const, id: 'demo-caveat-wash' };
const key = markKey('demo-card-hoodie', caveat);

function committed(id: string, over: Partial<DisclosureEvent> = {}): DisclosureEvent {
  return { id, sessionId: 's1', seq: 1, at: NOW, offsetMs: 0, cardId: 'demo-card-hoodie', cardHash: 'a'.repeat(64), item: caveat, language: 'en', action: 'said', prev: '0'.repeat(64), hash: 'b'.repeat(64), ...over };
}

function setup() {
  let recordReply: ((e: DisclosureEvent) => void) | undefined;
  const { sidebar, call, types } = fakeSidebar({
    'session.current': () => live,
    // Answers only when the test replies, so a push can arrive first.
    'event.record': (payload) => new Promise<DisclosureEvent>((resolve) => (recordReply = (e) => resolve({ ...e, id: payload.id as string }))),
  });
  return { ...sidebar, call, types, reply: (e: DisclosureEvent) => recordReply?.(e) };
}

describe('pushes to an open sidebar', () => {
  it('shows an event recorded in another view of the session without asking for anything', async () => {
    const s = setup();
    await s.actions.init();
    s.call.mockClear();
    await s.actions.changed({ event: committed('ev-other') });
    expect(s.store.getState().marks[key]).toEqual({ state: 'recorded', eventId: 'ev-other' });
    expect(s.call).not.toHaveBeenCalled();
  });

  it('ignores events of other sessions', async () => {
    const s = setup();
    await s.actions.init();
    const before = s.store.getState();
    await s.actions.changed({ event: committed('ev-x', { sessionId: 'another' }) });
    expect(s.store.getState()).toBe(before);
  });

  it('shows its own click as recorded from the push that confirms the commit, once', async () => {
    const s = setup();
    await s.actions.init();
    s.call.mockClear();
    const marking = s.actions.markSaid(caveat);
    expect(s.store.getState().marks[key]).toEqual({ state: 'saving', eventId: 'id-1' });
    // The background pushes the committed event before it answers.
    await s.actions.changed({ event: committed('id-1') });
    const shown = s.store.getState();
    expect(shown.marks[key]).toEqual({ state: 'recorded', eventId: 'id-1' });
    s.reply(committed('id-1'));
    await marking;
    expect(s.store.getState().marks).toBe(shown.marks);
    expect(s.types()).toEqual(['event.record']);
  });

  it('keeps its own click in flight when another view records the same item', async () => {
    const s = setup();
    await s.actions.init();
    void s.actions.markSaid(caveat);
    await s.actions.changed({ event: committed('ev-other') });
    expect(s.store.getState().marks[key]).toEqual({ state: 'saving', eventId: 'id-1' });
  });

  it('re-reads for other changes, folding pushes that arrive meanwhile into one more read', async () => {
    const s = setup();
    await s.actions.init();
    s.call.mockClear();
    await Promise.all([s.actions.changed(), s.actions.changed(), s.actions.changed()]);
    // Each read is one request for everything the sidebar shows.
    expect(s.types()).toEqual(['sidebar.bootstrap', 'sidebar.bootstrap']);
  });

  it('moves to the first deck when the deck it shows is deleted in the studio, with no error', async () => {
    const other = { ...demo, deck: { ...demo.deck, id: 'other-deck', name: 'Other' } };
    let decks = [demoSummary, { ...demoSummary, id: 'other-deck', name: 'Other' }];
    const { sidebar: s } = fakeSidebar({
      'deck.list': () => decks,
      'deck.get': (p) => (p.deckId === 'other-deck' ? other : demo),
    });
    await s.actions.init();
    await s.actions.selectDeck('other-deck');
    expect(s.store.getState().bundle?.deck.id).toBe('other-deck');
    decks = [demoSummary];
    await s.actions.changed();
    expect(s.store.getState()).toMatchObject({ deckId: demo.deck.id, status: 'ready' });
    expect(s.store.getState().actionError).toBeUndefined();
    // A side panel re-initialised for another tab does the same.
    decks = [demoSummary, { ...demoSummary, id: 'other-deck', name: 'Other' }];
    await s.actions.selectDeck('other-deck');
    decks = [demoSummary];
    await s.actions.init(7);
    expect(s.store.getState()).toMatchObject({ deckId: demo.deck.id, status: 'ready' });
    expect(s.store.getState().error).toBeUndefined();
  });
});

describe('opening', () => {
  it('asks one request for everything the first screen needs', async () => {
    const s = setup();
    await s.actions.init();
    expect(s.types()).toEqual(['sidebar.bootstrap']);
    expect(s.call).toHaveBeenCalledWith('sidebar.bootstrap', {});
    expect(s.store.getState()).toMatchObject({ status: 'ready', context, session: live, deckId: demo.deck.id, tabId: 5 });
    expect(s.store.getState().bundle?.deck.id).toBe(demo.deck.id);
  });

  it('asks again for the tab it serves and the deck it showed', async () => {
    const s = setup();
    await s.actions.init();
    await s.actions.init(5);
    expect(s.call).toHaveBeenLastCalledWith('sidebar.bootstrap', { tabId: 5, deckId: demo.deck.id });
  });
});

describe('checking pushes before they are applied', () => {
  const checker = async () => (await import('../../lib/messaging/push-protocol')).readSidebarPush;

  /** The sidebar's port end (as entrypoints/sidebar/main.tsx wires it) over the fake background. */
  function port() {
    const s = setup();
    const receiver = createPushReceiver(
      (push) => (push.type === 'changed' ? void s.actions.changed(push) : void runHotkey(s, push.key)),
      checker,
    );
    return { s, receiver };
  }

  it('ignores a malformed push, with a warning, and applies a valid one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { s, receiver } = port();
      await s.actions.init();
      await receiver.prepare();
      s.call.mockClear();
      const before = s.store.getState();
      // A committed event whose hash is not a hash, a push of an unknown type, a key the
      // background never forwards, an extra field: none is applied, none makes it re-read.
      receiver.receive({ type: 'changed', scope: 'event', event: { ...committed('ev-bad'), hash: 'not-a-hash' } });
      receiver.receive({ type: 'changed', scope: 'everything' });
      receiver.receive({ type: 'record', event: committed('ev-bad') });
      receiver.receive({ type: 'hotkey', key: 'Delete' });
      receiver.receive({ type: 'hotkey', key: 'j', extra: true });
      receiver.receive(null);
      await Promise.resolve();
      expect(s.store.getState()).toBe(before);
      expect(s.call).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(6);

      receiver.receive({ type: 'changed', scope: 'event', event: committed('ev-good') });
      expect(s.store.getState().marks[key]).toEqual({ state: 'recorded', eventId: 'ev-good' });
      receiver.receive({ type: 'hotkey', key: 'j' });
      expect(s.store.getState().index).toBe(1);
      expect(warn).toHaveBeenCalledTimes(6);
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps pushes that arrive before the checker is loaded, in order, and checks them too', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      let loaded!: () => void;
      const gate = new Promise<void>((r) => (loaded = r));
      const s = setup();
      const applied: SidebarPush[] = [];
      const receiver = createPushReceiver(
        (push) => {
          applied.push(push);
          if (push.type === 'changed') void s.actions.changed(push);
        },
        async () => (await gate, checker()),
      );
      await s.actions.init();
      receiver.receive({ type: 'changed', scope: 'event', event: committed('ev-1') });
      receiver.receive({ type: 'changed', scope: 'event', event: { ...committed('ev-2'), action: 'whispered' } });
      receiver.receive({ type: 'hotkey', key: 'k' });
      expect(applied).toEqual([]);
      loaded();
      await receiver.prepare();
      expect(applied).toEqual([{ type: 'changed', scope: 'event', event: committed('ev-1') }, { type: 'hotkey', key: 'k' }]);
      expect(s.store.getState().marks[key]).toEqual({ state: 'recorded', eventId: 'ev-1' });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('accepts every push the hub sends', () => {
    const sent: SidebarPush[] = [];
    const port: HubPort = { sender: { tab: { id: 5 }, frameId: 3, url: 'chrome-extension://x/sidebar.html' }, postMessage: (m) => sent.push(m), onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined } };
    const hub = new SidebarHub();
    hub.connect(port);
    hub.changed({ scope: 'event', sessionId: 's1', event: committed('ev-1', { corrects: 'ev-0', action: 'correction' }) });
    hub.changed({ scope: 'library', cardIds: ['c1'], deckIds: ['d1'] });
    hub.changed({ scope: 'session' });
    hub.changed({ scope: 'settings' });
    for (const k of FORWARDED_KEYS) hub.hotkey(5, k);
    const warn = vi.fn();
    expect(sent.map((m) => readSidebarPush(m, warn))).toEqual(sent);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('SidebarHub', () => {
  it('sends a recorded event with the change, and only what changed for other changes', () => {
    const sent: SidebarPush[] = [];
    const port: HubPort = { sender: { tab: { id: 5 }, frameId: 3, url: 'chrome-extension://x/sidebar.html' }, postMessage: (m) => sent.push(m), onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined } };
    const hub = new SidebarHub();
    hub.connect(port);
    hub.changed({ scope: 'event', sessionId: 's1', event: committed('ev-1') });
    hub.changed({ scope: 'library', cardIds: ['c1'] });
    expect(sent).toEqual([
      { type: 'changed', scope: 'event', sessionId: 's1', event: committed('ev-1') },
      { type: 'changed', scope: 'library', cardIds: ['c1'] },
    ]);
  });
});
