import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import type { Sender, Service, ServiceDeps } from '../../lib/background/service';
import { TabRegistry } from '../../lib/background/tabs';
import type { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { verifyChain } from '../../lib/evidence/chain';
import { DEFAULT_LAYOUT, MAX_WIDTH, MIN_WIDTH, type Reply } from '../../lib/messaging/types';
import type { Session } from '../../lib/schema/session';
import { NOW, freshRepo } from './helpers';
import { EXT, testService } from '../helpers/service';

const TIKTOK = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const YOUTUBE = 'https://studio.youtube.com/channel/UC0000000000000000000000/livestreaming';

/** The content script in a console tab. */
const contentScript = (tabId: number, url = TIKTOK): Sender => ({ id: EXT, url, tab: { id: tabId }, frameId: 0 });
/** The sidebar framed in the console page (the in-page overlay). */
const overlay = (tabId: number): Sender => ({ id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: tabId }, frameId: 7 });
/** The browser's side panel or the studio: a top-level extension page with no tab. */
const panel: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html` };

let repo: Repository;
let now: number;
let notifyChanged: Mock<ServiceDeps['notifyChanged']>;
let pushToTab: Mock<ServiceDeps['pushToTab']>;
let pushHotkey: Mock<ServiceDeps['pushHotkey']>;
let activeTab: Mock<ServiceDeps['activeTab']>;
let handle: Service;
let tabs: TabRegistry;

beforeEach(async () => {
  ({ repo } = freshRepo());
  await repo.putDeckBundle(demoBundle(NOW));
  now = NOW;
  notifyChanged = vi.fn<ServiceDeps['notifyChanged']>();
  pushToTab = vi.fn<ServiceDeps['pushToTab']>(async () => undefined);
  pushHotkey = vi.fn<ServiceDeps['pushHotkey']>();
  activeTab = vi.fn<ServiceDeps['activeTab']>(async () => undefined);
  tabs = new TabRegistry(memoryKeyValue());
  handle = testService({ repo, tabs, now: () => now, pushToTab, pushHotkey, notifyChanged, activeTab });
});

async function ok<T>(reply: Promise<Reply<unknown>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.detail}`);
  return r.data as T;
}

async function code(reply: Promise<Reply<unknown>>): Promise<string> {
  const r = await reply;
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r.code;
}

const hello = (tabId: number, url = TIKTOK) => handle({ type: 'console.hello', payload: {} }, contentScript(tabId, url));

const start = (sender: Sender, over: Record<string, unknown> = {}) =>
  handle({ type: 'session.start', payload: { id: 'session-1', deckId: 'demo-deck', host: 'Ana', ...over } }, sender);

describe('message validation', () => {
  it.each([
    ['null', null],
    ['a string', 'deck.list'],
    ['no type', { payload: {} }],
    ['an unknown type', { type: 'db.drop', payload: {} }],
    ['a numeric type', { type: 42 }],
  ])('answers bad-message to %s', async (_name, raw) => {
    expect(await code(handle(raw, panel))).toBe('bad-message');
  });

  it.each([
    ['a missing field', { type: 'deck.get', payload: {} }],
    ['a wrong type', { type: 'deck.get', payload: { deckId: 7 } }],
    ['an extra field', { type: 'deck.list', payload: { all: true } }],
    ['an empty host', { type: 'session.start', payload: { id: 's', deckId: 'demo-deck', host: '   ' } }],
    ['an unknown item kind', { type: 'event.record', payload: { id: 'e', sessionId: 's', cardId: 'c', item: { kind: 'secret', id: 'x' }, language: 'en', action: 'said' } }],
    ['a bad language tag', { type: 'event.record', payload: { id: 'e', sessionId: 's', cardId: 'c', item: { kind: 'size', id: 'size' }, language: 'English', action: 'said' } }],
    ['a non-http site', { type: 'site.enable', payload: { origin: 'javascript:alert(1)' } }],
  ])('answers bad-message to a payload with %s', async (_name, raw) => {
    expect(await code(handle(raw, panel))).toBe('bad-message');
  });

  it('turns an unexpected exception into "internal" instead of throwing', async () => {
    vi.spyOn(repo, 'listDecks').mockRejectedValueOnce(new TypeError('boom'));
    expect(await handle({ type: 'deck.list', payload: {} }, panel)).toEqual({ ok: false, code: 'internal', detail: 'TypeError: boom' });
  });
});

describe('who may send what', () => {
  it.each(['console.hello', 'layout.set', 'hotkey'] as const)('refuses %s from an extension page', async (type) => {
    const payload = type === 'hotkey' ? { key: 'j' } : type === 'layout.set' ? { collapsed: true, width: 400 } : {};
    expect(await code(handle({ type, payload }, panel))).toBe('forbidden');
    expect(await code(handle({ type, payload }, overlay(5)))).toBe('forbidden');
  });

  it.each([
    ['deck.list', {}],
    ['log.exported', { sessionIds: [] }],
    ['demo.remove', {}],
    ['session.list', {}],
    ['event.record', { id: 'e', sessionId: 's', cardId: 'c', item: { kind: 'size', id: 'size' }, language: 'en', action: 'said' }],
    ['site.enable', { origin: 'https://evil.example' }],
  ])('refuses page request %s from a content script', async (type, payload) => {
    expect(await code(handle({ type, payload }, contentScript(5)))).toBe('forbidden');
  });

  it('refuses a page request from another extension', async () => {
    expect(await code(handle({ type: 'deck.list', payload: {} }, { ...panel, id: 'someone-else' }))).toBe('forbidden');
    expect(await code(handle({ type: 'console.hello', payload: {} }, { ...contentScript(5), id: 'someone-else' }))).toBe('forbidden');
  });

  it('leaves the data alone when a content script asks to remove the demo', async () => {
    await handle({ type: 'demo.remove', payload: {} }, contentScript(5));
    expect((await repo.listDecks()).some((d) => d.demo)).toBe(true);
    expect(notifyChanged).not.toHaveBeenCalled();
  });
});

describe('console.hello', () => {
  it('registers a recognised console tab and answers its layout', async () => {
    expect(await ok(hello(5))).toEqual(DEFAULT_LAYOUT);
    expect(await tabs.get(5)).toEqual({ tabId: 5, url: TIKTOK, origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' });
  });

  it('rejects a page that is not a console and registers nothing', async () => {
    expect(await code(hello(5, 'https://shop.tiktok.com/seller/home'))).toBe('not-a-console');
    expect(await tabs.get(5)).toBeUndefined();
  });

  it('rejects a sender without a tab', async () => {
    expect(await code(handle({ type: 'console.hello', payload: {} }, { id: EXT, url: TIKTOK }))).toBe('no-console-tab');
  });
});

describe('session.start', () => {
  it('refuses without a known console tab', async () => {
    expect(await code(start(panel))).toBe('no-console-tab');
    expect(await code(start(panel, { tabId: 5 }))).toBe('no-console-tab');
    expect(await code(start(overlay(5)))).toBe('no-console-tab');
    expect(await repo.listSessions()).toEqual([]);
  });

  it('starts a session for the overlay’s own tab with the platform and origin of the console', async () => {
    await hello(5);
    const s = await ok<Session>(start(overlay(5)));
    expect(s).toMatchObject({ platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', host: 'Ana', startedAt: NOW });
    expect(await tabs.sessionOf(5)).toBe('session-1');
    expect(notifyChanged).toHaveBeenCalledTimes(1);
  });

  it('lets a framed overlay speak only for its own tab', async () => {
    await hello(5);
    await hello(6, YOUTUBE);
    const s = await ok<Session>(start(overlay(5), { tabId: 6 }));
    expect(s.platform).toBe('tiktok-shop');
    expect(await tabs.sessionOf(6)).toBeUndefined();
  });

  it('starts from a side panel for the tab it names', async () => {
    await hello(6, YOUTUBE);
    expect((await ok<Session>(start(panel, { tabId: 6 }))).platform).toBe('youtube-studio');
  });

  it('refuses a second live session in the same tab, and allows one after the first ends', async () => {
    await hello(5);
    await ok(start(overlay(5)));
    expect(await code(start(overlay(5), { id: 'session-2' }))).toBe('session-already-live');
    expect(await tabs.sessionOf(5)).toBe('session-1');

    await ok(handle({ type: 'session.end', payload: { sessionId: 'session-1' } }, overlay(5)));
    expect(await ok(handle({ type: 'session.current', payload: {} }, overlay(5)))).toBeNull();
    await ok(start(overlay(5), { id: 'session-2' }));
    expect((await ok<Session>(handle({ type: 'session.current', payload: {} }, overlay(5)))).id).toBe('session-2');
  });

  it('keeps the live session across a console page reload (hello again)', async () => {
    await hello(5);
    await ok(start(overlay(5)));
    await hello(5);
    expect((await ok<Session>(handle({ type: 'session.current', payload: {} }, overlay(5)))).id).toBe('session-1');
  });

  it('allows sessions in two tabs at once', async () => {
    await hello(5);
    await hello(6, YOUTUBE);
    await ok(start(overlay(5)));
    await ok(start(overlay(6), { id: 'session-2' }));
    expect((await repo.listSessions()).map((s) => s.id).sort()).toEqual(['session-1', 'session-2']);
  });
});

describe('tab.context', () => {
  it('answers the overlay’s own tab', async () => {
    await hello(5);
    expect(await ok(handle({ type: 'tab.context', payload: { tabId: 99 } }, overlay(5)))).toMatchObject({ tabId: 5 });
  });

  it('answers the console tab in front for a side panel', async () => {
    await hello(5);
    now += 1000;
    await hello(6, YOUTUBE);
    activeTab.mockResolvedValue({ id: 5, url: TIKTOK });
    expect(await ok(handle({ type: 'tab.context', payload: {} }, panel))).toMatchObject({ tabId: 5 });
  });

  it('falls back to the most recently seen console tab when the tab in front is not a console', async () => {
    await hello(5);
    now += 1000;
    await hello(6, YOUTUBE);
    now += 1000;
    await hello(5);
    activeTab.mockResolvedValue({ id: 42, url: 'https://example.com/' });
    expect(await ok(handle({ type: 'tab.context', payload: {} }, panel))).toMatchObject({ tabId: 5, platform: 'tiktok-shop' });
  });

  it('answers the console tab in front for a side panel even before its hello landed (start-up order)', async () => {
    await hello(6, YOUTUBE);
    activeTab.mockResolvedValue({ id: 5, url: TIKTOK });
    expect(await ok(handle({ type: 'tab.context', payload: {} }, panel))).toMatchObject({ tabId: 5, platform: 'tiktok-shop' });
  });

  it('answers null when no console has said hello', async () => {
    expect(await ok(handle({ type: 'tab.context', payload: {} }, panel))).toBeNull();
  });
});

describe('event.record', () => {
  const record = (over: Record<string, unknown> = {}) =>
    handle(
      {
        type: 'event.record',
        payload: {
          id: 'e1',
          sessionId: 'session-1',
          cardId: 'demo-card-hoodie',
          item: { kind: 'caveat', id: 'demo-caveat-wash' },
          language: 'en',
          action: 'said',
          ...over,
        },
      },
      overlay(5),
    );

  beforeEach(async () => {
    await hello(5);
    await ok(start(overlay(5)));
    notifyChanged.mockClear();
  });

  it('records with the background’s clock and notifies open views', async () => {
    now = NOW + 90_000;
    const e = await ok<{ seq: number; offsetMs: number }>(record());
    expect(e).toMatchObject({ seq: 1, offsetMs: 90_000 });
    expect(notifyChanged).toHaveBeenCalledTimes(1);
    const events = await repo.listEvents('session-1');
    const session = (await repo.getSession('session-1'))!;
    expect(verifyChain(session, events, session.head)).toBeNull();
  });

  it('passes the repository’s error code through and notifies nobody', async () => {
    expect(await code(record({ cardId: 'nope' }))).toBe('card-not-found');
    expect(notifyChanged).not.toHaveBeenCalled();
  });

  it('refuses a client-supplied time: the clock is the background’s', async () => {
    expect(await code(record({ now: 0 }))).toBe('bad-message');
  });
});

describe('layouts', () => {
  it('remembers a layout per site and gives it back on the next hello', async () => {
    await hello(5);
    expect(await ok(handle({ type: 'layout.set', payload: { collapsed: true, width: 500 } }, contentScript(5)))).toEqual({
      collapsed: true,
      width: 500,
    });
    expect(await ok(hello(6, 'https://shop.tiktok.com/streamer/other'))).toEqual({ collapsed: true, width: 500 });
    expect(await ok(hello(7, YOUTUBE))).toEqual(DEFAULT_LAYOUT);
  });

  it.each([MIN_WIDTH - 1, MAX_WIDTH + 1, 400.5])('refuses width %s instead of storing it', async (width) => {
    expect(await code(handle({ type: 'layout.set', payload: { collapsed: false, width } }, contentScript(5)))).toBe('bad-message');
    expect(await ok(hello(5))).toEqual(DEFAULT_LAYOUT);
  });

  it('accepts the extreme widths', async () => {
    for (const width of [MIN_WIDTH, MAX_WIDTH]) {
      expect(await ok(handle({ type: 'layout.set', payload: { collapsed: false, width } }, contentScript(5)))).toEqual({ collapsed: false, width });
    }
  });

  it('collapses the overlay of the frame’s own tab and pushes the layout to its content script', async () => {
    await hello(5);
    const layout = await ok(handle({ type: 'overlay.set', payload: { collapsed: true } }, overlay(5)));
    expect(layout).toEqual({ ...DEFAULT_LAYOUT, collapsed: true });
    expect(pushToTab).toHaveBeenCalledWith(5, { type: 'overlay.apply', layout });
  });

  it('refuses overlay.set from a side panel, which has no overlay', async () => {
    await hello(5);
    expect(await code(handle({ type: 'overlay.set', payload: { collapsed: true } }, panel))).toBe('no-console-tab');
    expect(pushToTab).not.toHaveBeenCalled();
  });
});

describe('hotkey', () => {
  it('forwards a console key to the sidebars of the sender’s tab', async () => {
    await ok(handle({ type: 'hotkey', payload: { key: 'j' } }, contentScript(5)));
    expect(pushHotkey).toHaveBeenCalledWith(5, 'j');
  });

  it('refuses keys outside the keymap', async () => {
    expect(await code(handle({ type: 'hotkey', payload: { key: 'Enter' } }, contentScript(5)))).toBe('bad-message');
    expect(pushHotkey).not.toHaveBeenCalled();
  });
});
