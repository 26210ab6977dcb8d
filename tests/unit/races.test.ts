import { describe, expect, it } from 'vitest';
import { memoryKeyValue, type KeyValue } from '../../lib/background/kv';
import { TabRegistry } from '../../lib/background/tabs';
import type { Session } from '../../lib/schema/session';
import { TIKTOK, YOUTUBE, background, contentScript, overlay, studio } from './sessions-helpers';

// Issue 15, "Races that split a show's log": requests fired at once (Promise.all) against the
// real service over Dexie (fake-indexeddb). Each of these failed before the fix.

/**
 * Storage that answers a turn of the event loop later, as extension storage does (it is a call
 * to the browser process): other handlers run in between, as they do in the service worker.
 */
function laggyKeyValue(): KeyValue {
  const inner = memoryKeyValue();
  const later = <T>(f: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => f().then(resolve, reject), 0));
  return { get: (key) => later(() => inner.get(key)), set: (key, value) => later(() => inner.set(key, value)), remove: (key) => later(() => inner.remove(key)) };
}

const start = (id: string) => ({ id, deckId: 'demo-deck', host: 'Lina' });
const open = async (bg: Awaited<ReturnType<typeof background>>) => (await bg.repo.openSessions()).map((s) => s.id).sort();

describe('Go live twice at once', () => {
  it('starts one session per tab: the second start is refused, not a second open session', async () => {
    const bg = await background();
    await bg.openConsole(1);
    const replies = await Promise.all(['s1', 's2', 's3'].map((id) => bg.handle({ type: 'session.start', payload: start(id) }, overlay(1))));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(['session-already-live', 'session-already-live']);
    const live = await open(bg);
    expect(live).toHaveLength(1);
    expect((await bg.ok<Session>('session.current', {}, overlay(1))).id).toBe(live[0]);
  });

  it('two tabs of the same console resuming the same session at once: one gets it', async () => {
    const bg = await background(undefined, { sessionStorage: laggyKeyValue });
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.tabs.forget(1); // the tab was closed
    await bg.openConsole(2);
    await bg.openConsole(3);
    const replies = await Promise.all([2, 3].map((t) => bg.handle({ type: 'session.resume', payload: { sessionId: 's1' } }, overlay(t))));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'session-not-resumable' });
    const bound = await Promise.all([2, 3].map((t) => bg.tabs.sessionOf(t)));
    expect(bound.filter((s) => s === 's1')).toHaveLength(1);
  });

  it('a start and a resume in the same tab at once leave the tab with one live session', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.tabs.forget(1);
    await bg.openConsole(2);
    const [started, resumed] = await Promise.all([
      bg.handle({ type: 'session.start', payload: start('s2') }, overlay(2)),
      bg.handle({ type: 'session.resume', payload: { sessionId: 's1' } }, overlay(2)),
    ]);
    // Whichever came first, the other saw it: never two open sessions both claiming the tab.
    expect([started.ok, resumed.ok].filter(Boolean)).toHaveLength(1);
    const current = await bg.ok<Session>('session.current', {}, overlay(2));
    expect(current.id).toBe(started.ok ? 's2' : 's1');
  });
});

describe('TabRegistry under concurrent handlers', () => {
  it('keeps a live tab its session while other console tabs say hello and close around it', async () => {
    const tabs = new TabRegistry(memoryKeyValue());
    await tabs.register(1, TIKTOK, [], 1);
    // Interleaved on purpose: each of these reads, changes and writes the registry.
    await Promise.all([
      tabs.register(2, TIKTOK, [], 2),
      tabs.setSession(1, 's1'),
      tabs.register(3, YOUTUBE, [], 3),
      tabs.forget(2),
      tabs.register(4, TIKTOK, [], 4),
    ]);
    expect(await tabs.sessionOf(1)).toBe('s1');
    expect(await tabs.get(2)).toBeUndefined();
    expect((await tabs.get(3))?.platform).toBe('youtube-studio');
    expect((await tabs.get(4))?.tabId).toBe(4);
  });

  it('through the service: console.hello from other tabs does not unbind a session started at the same moment', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await Promise.all([
      bg.ok('session.start', start('s1'), overlay(1)),
      bg.handle({ type: 'console.hello', payload: {} }, contentScript(5)),
      bg.handle({ type: 'console.hello', payload: {} }, contentScript(6, YOUTUBE)),
      bg.tabs.forget(7),
      bg.handle({ type: 'console.hello', payload: {} }, contentScript(1)), // the live tab reloads
    ]);
    expect((await bg.ok<Session>('session.current', {}, overlay(1))).id).toBe('s1');
    expect(await bg.ok('tab.context', { tabId: 5 }, studio)).toMatchObject({ tabId: 5 });
    expect(await bg.ok('tab.context', { tabId: 6 }, studio)).toMatchObject({ tabId: 6 });
  });
});

describe('other check-then-write handlers', () => {
  const HOUR = 3_600_000;

  it('site.enable for two sites at once keeps both', async () => {
    const bg = await background();
    await Promise.all([
      bg.ok('site.enable', { origin: 'https://live.example.com' }, studio),
      bg.ok('site.enable', { origin: 'https://shop.example.org' }, studio),
    ]);
    // A console on either site is recognised as one the host enabled.
    await bg.openConsole(1, 'https://live.example.com/console');
    await bg.openConsole(2, 'https://shop.example.org/live');
    expect(await bg.ok('tab.context', { tabId: 1 }, studio)).toMatchObject({ platform: 'custom' });
    expect(await bg.ok('tab.context', { tabId: 2 }, studio)).toMatchObject({ platform: 'custom' });
  });

  it('a collapse and a resize of the same site at once are both kept', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.openConsole(2);
    await Promise.all([bg.ok('overlay.set', { collapsed: true }, overlay(1)), bg.ok('overlay.set', { width: 500 }, overlay(2))]);
    expect(await bg.ok('console.hello', {}, contentScript(3))).toEqual({ collapsed: true, width: 500 });
  });

  it('the card on screen sent as the show ends is not kept after it', async () => {
    // The write of the card on screen is held until End session has committed, the order in
    // which a slow storage write would leave it behind.
    const inner = memoryKeyValue();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let writing!: () => void;
    const reachedWrite = new Promise<void>((r) => (writing = r));
    const local: KeyValue = {
      ...inner,
      set: async (key, value) => {
        if (key.startsWith('onScreen:')) {
          writing();
          await held;
        }
        return inner.set(key, value);
      },
    };
    const bg = await background(undefined, { local });
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    const remembered = bg.handle({ type: 'onScreen.set', payload: { sessionId: 's1', cardId: 'demo-card-hoodie' } }, overlay(1));
    await reachedWrite; // the check passed: the show was on
    const endSession = bg.repo.endSession.bind(bg.repo);
    const committed = new Promise<void>((r) => {
      bg.repo.endSession = async (...args) => {
        const s = await endSession(...args);
        r();
        return s;
      };
    });
    const ended = bg.ok('session.end', { sessionId: 's1' }, overlay(1));
    await committed;
    await new Promise((r) => setTimeout(r, 0)); // what follows the commit in the handler runs now
    release();
    await Promise.all([remembered, ended]);
    expect(await bg.ok('onScreen.get', { sessionId: 's1' }, overlay(1))).toBeNull();
  });

  it('a disclosure recorded while the 12-hour sweep looks keeps the show open, or is refused', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    bg.clock.now += 13 * HOUR;
    const said = { id: 'e1', sessionId: 's1', cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said' };
    const [, recorded] = await Promise.all([
      bg.handle({ type: 'session.list', payload: { filter: {} } }, studio),
      bg.handle({ type: 'event.record', payload: said }, overlay(1)),
    ]);
    const s = await bg.repo.getSession('s1');
    // Never both: an event in the log and a note saying nothing was recorded for 12 hours.
    if (recorded.ok) expect(s?.endedAt).toBeUndefined();
    else expect(s?.endReason).toBe('auto');
  });
});
