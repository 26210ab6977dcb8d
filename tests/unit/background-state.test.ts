import { describe, expect, it } from 'vitest';
import { SidebarHub, type HubPort } from '../../lib/background/hub';
import { memoryKeyValue } from '../../lib/background/kv';
import { LayoutStore } from '../../lib/background/layouts';
import { TabRegistry } from '../../lib/background/tabs';
import { DEFAULT_LAYOUT, MAX_WIDTH, MIN_WIDTH, type SidebarPush } from '../../lib/messaging/types';

const TIKTOK = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const YOUTUBE = 'https://studio.youtube.com/channel/UC0000000000000000000000/livestreaming';

describe('TabRegistry', () => {
  it('registers a recognised console with its platform and origin', async () => {
    const tabs = new TabRegistry(memoryKeyValue());
    expect(await tabs.register(3, TIKTOK, [], 1)).toMatchObject({ tabId: 3, url: TIKTOK, origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' });
    expect(await tabs.get(3)).toEqual({ tabId: 3, url: TIKTOK, origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' });
  });

  it('registers an unrecognised page only on a site the host enabled, as "custom"', async () => {
    const tabs = new TabRegistry(memoryKeyValue());
    expect(await tabs.register(3, 'https://live.example.com/room', [], 1)).toBeUndefined();
    expect(await tabs.get(3)).toBeUndefined();
    expect(await tabs.register(3, 'https://live.example.com/room', ['https://other.example.com'], 1)).toBeUndefined();
    expect((await tabs.register(3, 'https://live.example.com/room', ['https://live.example.com'], 1))?.platform).toBe('custom');
  });

  it('keeps the tab’s live session when its console says hello again after navigating', async () => {
    const tabs = new TabRegistry(memoryKeyValue());
    await tabs.register(3, TIKTOK, [], 1);
    await tabs.setSession(3, 's1');
    await tabs.register(3, 'https://shop.tiktok.com/streamer/live/other', [], 2);
    expect(await tabs.sessionOf(3)).toBe('s1');
    expect((await tabs.get(3))?.url).toBe('https://shop.tiktok.com/streamer/live/other');
  });

  it('does not attach a session to a tab it does not know', async () => {
    const tabs = new TabRegistry(memoryKeyValue());
    await tabs.setSession(3, 's1');
    expect(await tabs.sessionOf(3)).toBeUndefined();
    expect(await tabs.get(3)).toBeUndefined();
  });

  it('finds the most recently seen console', async () => {
    const tabs = new TabRegistry(memoryKeyValue());
    expect(await tabs.mostRecent()).toBeUndefined();
    await tabs.register(3, TIKTOK, [], 10);
    await tabs.register(4, YOUTUBE, [], 20);
    expect((await tabs.mostRecent())?.tabId).toBe(4);
    await tabs.register(3, TIKTOK, [], 30);
    expect((await tabs.mostRecent())?.tabId).toBe(3);
    await tabs.forget(3);
    expect((await tabs.mostRecent())?.tabId).toBe(4);
    expect(await tabs.get(3)).toBeUndefined();
  });

  it('survives a service-worker restart because it lives in storage, not memory', async () => {
    const kv = memoryKeyValue();
    await new TabRegistry(kv).register(3, TIKTOK, [], 1);
    await new TabRegistry(kv).setSession(3, 's1');
    const restarted = new TabRegistry(kv);
    expect(await restarted.get(3)).toMatchObject({ platform: 'tiktok-shop' });
    expect(await restarted.sessionOf(3)).toBe('s1');
  });
});

describe('LayoutStore', () => {
  it('starts from the default layout', async () => {
    expect(await new LayoutStore(memoryKeyValue()).get('https://a.example')).toEqual(DEFAULT_LAYOUT);
  });

  it('remembers layouts per origin and merges partial changes', async () => {
    const layouts = new LayoutStore(memoryKeyValue());
    await layouts.update('https://a.example', { width: 500 });
    await layouts.update('https://a.example', { collapsed: true });
    expect(await layouts.get('https://a.example')).toEqual({ collapsed: true, width: 500 });
    expect(await layouts.get('https://b.example')).toEqual(DEFAULT_LAYOUT);
  });

  it.each([
    [10, MIN_WIDTH],
    [-400, MIN_WIDTH],
    [99_999, MAX_WIDTH],
    [412.6, 413],
  ])('stores width %s as %s', async (width, stored) => {
    const layouts = new LayoutStore(memoryKeyValue());
    expect((await layouts.update('https://a.example', { width })).width).toBe(stored);
    expect((await layouts.get('https://a.example')).width).toBe(stored);
  });
});

class FakePort implements HubPort {
  sent: SidebarPush[] = [];
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  broken = false;
  constructor(readonly sender?: HubPort['sender']) {}
  postMessage = (m: SidebarPush) => {
    if (this.broken) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(m);
  };
  onMessage = { addListener: (fn: (m: unknown) => void) => void this.messageListeners.push(fn) };
  onDisconnect = { addListener: (fn: () => void) => void this.disconnectListeners.push(fn) };
  receive(m: unknown) {
    for (const fn of this.messageListeners) fn(m);
  }
  disconnect() {
    for (const fn of this.disconnectListeners) fn();
  }
}

const framedIn = (tabId: number) => new FakePort({ tab: { id: tabId }, frameId: 3, url: 'chrome-extension://x/sidebar.html' });
const sidePanel = () => new FakePort({ url: 'chrome-extension://x/sidebar.html' });

describe('SidebarHub', () => {
  it('sends hotkeys only to sidebars framed in that tab', () => {
    const hub = new SidebarHub();
    const a = framedIn(5);
    const b = framedIn(6);
    hub.connect(a);
    hub.connect(b);
    hub.hotkey(5, 'j');
    expect(a.sent).toEqual([{ type: 'hotkey', key: 'j' }]);
    expect(b.sent).toEqual([]);
  });

  it('lets a side panel bind itself to a tab and rebind later', () => {
    const hub = new SidebarHub();
    const p = sidePanel();
    hub.connect(p);
    hub.hotkey(5, 'j');
    expect(p.sent).toEqual([]);
    p.receive({ type: 'bind', tabId: 5 });
    hub.hotkey(5, 'j');
    p.receive({ type: 'bind', tabId: 6 });
    hub.hotkey(5, 'k');
    hub.hotkey(6, '1');
    expect(p.sent).toEqual([
      { type: 'hotkey', key: 'j' },
      { type: 'hotkey', key: '1' },
    ]);
  });

  it('does not let a frame inside a page rebind itself to another tab', () => {
    const hub = new SidebarHub();
    const framed = framedIn(5);
    hub.connect(framed);
    framed.receive({ type: 'bind', tabId: 6 });
    hub.hotkey(6, 'j');
    hub.hotkey(5, 'k');
    expect(framed.sent).toEqual([{ type: 'hotkey', key: 'k' }]);
  });

  it.each([
    ['a negative tab', { type: 'bind', tabId: -1 }],
    ['a string tab', { type: 'bind', tabId: '5' }],
    ['extra fields', { type: 'bind', tabId: 5, all: true }],
    ['another type', { type: 'hotkey', tabId: 5 }],
    ['null', null],
  ])('ignores a bind message with %s', (_name, message) => {
    const hub = new SidebarHub();
    const p = sidePanel();
    hub.connect(p);
    p.receive(message);
    hub.hotkey(5, 'j');
    expect(p.sent).toEqual([]);
  });

  it('tells every open sidebar what changed', () => {
    const hub = new SidebarHub();
    const ports = [framedIn(5), framedIn(6), sidePanel()];
    ports.forEach((p) => hub.connect(p));
    hub.changed({ scope: 'library', cardIds: ['c1'] });
    hub.changed({ scope: 'session', sessionId: 's1' });
    for (const p of ports) {
      expect(p.sent).toEqual([
        { type: 'changed', scope: 'library', cardIds: ['c1'] },
        { type: 'changed', scope: 'session', sessionId: 's1' },
      ]);
    }
  });

  it('forgets disconnected ports and ports that can no longer be posted to', () => {
    const hub = new SidebarHub();
    const gone = framedIn(5);
    const broken = framedIn(5);
    const alive = framedIn(5);
    [gone, broken, alive].forEach((p) => hub.connect(p));
    gone.disconnect();
    broken.broken = true;
    hub.changed({ scope: 'library' });
    expect(hub.size).toBe(1);
    hub.hotkey(5, 'j');
    expect(alive.sent).toEqual([
      { type: 'changed', scope: 'library' },
      { type: 'hotkey', key: 'j' },
    ]);
    expect(gone.sent).toEqual([]);
  });
});
