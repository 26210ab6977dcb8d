import { describe, expect, it, vi } from 'vitest';
import { SidebarHub, type HubPort } from '../../lib/background/hub';
import type { DeckBundle, DeckSummary } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import type { Client } from '../../lib/messaging/client';
import type { SidebarPush, TabContext } from '../../lib/messaging/types';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { createSidebarStore, markKey } from '../../lib/sidebar/store';

// Pushes from the background (bench: disclosure click → recorded mark): a recorded event is
// applied as it comes, with no re-read; other changes re-read, never two reads at once.

const NOW = Date.UTC(2026, 10, 20, 12);
const demo: DeckBundle = demoBundle(NOW);
const summary: DeckSummary = { id: demo.deck.id, name: demo.deck.name, market: demo.deck.market, languages: demo.deck.languages, cardCount: demo.cards.length, demo: true };
const context: TabContext = { tabId: 5, url: 'https://shop.tiktok.com/streamer/live', origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' };
const live: Session = { id: 's1', deckId: demo.deck.id, deckName: 'x', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: context.origin, market: 'EU', language: 'en', startedAt: NOW, lastSeq: 0, head: '0'.repeat(64) };
const caveat = { kind: 'caveat' as const, id: 'demo-caveat-wash' };
const key = markKey('demo-card-hoodie', caveat);

function committed(id: string, over: Partial<DisclosureEvent> = {}): DisclosureEvent {
  return { id, sessionId: 's1', seq: 1, at: NOW, offsetMs: 0, cardId: 'demo-card-hoodie', cardHash: 'a'.repeat(64), item: caveat, language: 'en', action: 'said', prev: '0'.repeat(64), hash: 'b'.repeat(64), ...over };
}

function setup({ framed = false } = {}) {
  let recordReply: ((e: DisclosureEvent) => void) | undefined;
  const call = vi.fn(async (type: string, payload: Record<string, unknown>) => {
    switch (type) {
      case 'tab.context':
        return context;
      case 'deck.list':
        return [summary];
      case 'deck.get':
        return demo;
      case 'session.current':
        return live;
      case 'session.resumable':
        return [];
      case 'event.list':
        return [];
      case 'event.record':
        return new Promise<DisclosureEvent>((resolve) => (recordReply = (e) => resolve({ ...e, id: payload.id as string })));
      default:
        throw new Error(`unexpected call ${type}`);
    }
  });
  let n = 0;
  const sidebar = createSidebarStore({ call: call as unknown as Client, newId: () => `id-${++n}`, framed });
  const types = () => call.mock.calls.map((c) => c[0]);
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
    expect(s.types().filter((t) => t === 'deck.list')).toHaveLength(2);
  });
});

describe('opening', () => {
  it('asks a framed sidebar’s session with its first requests', async () => {
    const s = setup({ framed: true });
    await s.actions.init();
    expect(s.types().slice(0, 4).sort()).toEqual(['deck.list', 'session.current', 'session.resumable', 'tab.context']);
    expect(s.store.getState()).toMatchObject({ status: 'ready', session: live });
  });

  it('asks a side panel’s session for the tab its context names', async () => {
    const s = setup();
    await s.actions.init();
    expect(s.types().indexOf('session.current')).toBeGreaterThan(s.types().indexOf('tab.context'));
    expect(s.call).toHaveBeenCalledWith('session.current', { tabId: 5 });
  });
});

describe('SidebarHub', () => {
  it('sends a recorded event with the change, and nothing more for other changes', () => {
    const sent: SidebarPush[] = [];
    const port: HubPort = { sender: { tab: { id: 5 }, frameId: 3, url: 'chrome-extension://x/sidebar.html' }, postMessage: (m) => sent.push(m), onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined } };
    const hub = new SidebarHub();
    hub.connect(port);
    hub.changed({ event: committed('ev-1') });
    hub.changed();
    expect(sent).toEqual([{ type: 'changed', rev: 1, event: committed('ev-1') }, { type: 'changed', rev: 2 }]);
  });
});
