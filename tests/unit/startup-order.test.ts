import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryKeyValue, type KeyValue } from '../../lib/background/kv';
import type { Sender } from '../../lib/background/sender';
import { UpfrontDb } from '../../lib/db/database';
import type { SidebarBootstrap } from '../../lib/messaging/bootstrap';
import type { PortLike } from '../../lib/messaging/port';
import { startSafety } from '../../lib/safety/background';
import { SegmentLink } from '../../lib/safety/segment-link';
import type { Session } from '../../lib/schema/session';
import { memoryFiles } from '../helpers/memory-files';
import { TIKTOK, background, contentScript, overlay } from './sessions-helpers';

// Start-up order (docs/architecture.md): on a slow start the dock opens the sidebar without
// waiting for its console's hello, so the sidebar's first request can reach the background
// before the console tab is registered. Measured: 46 of 60 fresh-profile starts under load showed
// "Open a livestream console" beside an open console. The first three tests failed before the
// fix (the others guard what it must not break), and the journal writer test hung.

/** The overlay as Chromium reports it: a frame in the console's tab, whose url the browser gives. */
const framedIn = (tabId: number, url = TIKTOK): Sender => ({ ...overlay(tabId), tab: { id: tabId, url } });

/** Extension storage answers a turn of the event loop later (a call to the browser process), so handlers interleave. */
function laggyKeyValue(): KeyValue {
  const inner = memoryKeyValue();
  const later = <T>(f: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => f().then(resolve, reject), 0));
  return { get: (key) => later(() => inner.get(key)), set: (key, value) => later(() => inner.set(key, value)), remove: (key) => later(() => inner.remove(key)) };
}

const hello = (bg: Awaited<ReturnType<typeof background>>, tabId: number) => bg.handle({ type: 'console.hello', payload: {} }, contentScript(tabId));
const bootstrap = (bg: Awaited<ReturnType<typeof background>>, tabId: number) => bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, framedIn(tabId));

describe("the sidebar's first request and its console's hello", () => {
  it('a sidebar that asks before any hello landed still opens on its console, with Go live', async () => {
    const bg = await background(undefined, { sessionStorage: laggyKeyValue });
    const boot = await bootstrap(bg, 1);
    expect(boot.context).toMatchObject({ tabId: 1, platform: 'tiktok-shop', origin: 'https://shop.tiktok.com' });
    expect(boot.bundle?.deck.id).toBe('demo-deck');
    // Go live then works in that tab: the registration is the one the hello would have made.
    await bg.ok('session.start', { id: 's1', deckId: 'demo-deck', host: 'Lina' }, framedIn(1));
    expect((await bg.ok<Session>('session.current', {}, framedIn(1))).id).toBe('s1');
  });

  it('fired at once, in either order, the bootstrap always sees the console and the hello answers the layout', async () => {
    for (const bootstrapFirst of [true, false]) {
      const bg = await background(undefined, { sessionStorage: laggyKeyValue });
      const [boot, said] = bootstrapFirst ? await Promise.all([bootstrap(bg, 1), hello(bg, 1)]) : await Promise.all([hello(bg, 1), bootstrap(bg, 1)]).then(([h, b]) => [b, h] as const);
      expect(boot.context?.tabId).toBe(1);
      expect(said).toMatchObject({ ok: true, data: { collapsed: false } });
      expect(await bg.tabs.get(1)).toEqual(boot.context);
    }
  });

  it('a console reopened after a browser restart offers its open session even when the sidebar asks first', async () => {
    const bg = await background(undefined, { sessionStorage: laggyKeyValue });
    await hello(bg, 1);
    await bg.ok('session.start', { id: 's1', deckId: 'demo-deck', host: 'Lina' }, framedIn(1));
    bg.restart(); // the browser restarted: the tab registry (session storage) is empty
    const [boot] = await Promise.all([bootstrap(bg, 7), hello(bg, 7)]);
    expect(boot.session).toBeNull();
    expect(boot.resumable.map((s) => s.id)).toEqual(['s1']);
  });

  it('registering from the sidebar keeps a live show bound to its tab while the hello lands', async () => {
    const bg = await background(undefined, { sessionStorage: laggyKeyValue });
    await hello(bg, 1);
    await bg.ok('session.start', { id: 's1', deckId: 'demo-deck', host: 'Lina' }, framedIn(1));
    // The console reloaded: its hello and its new sidebar's first request arrive together.
    const [boot] = await Promise.all([bootstrap(bg, 1), hello(bg, 1), bootstrap(bg, 1)]);
    expect(boot.session?.id).toBe('s1');
    expect(await bg.tabs.sessionOf(1)).toBe('s1');
  });

  it('a frame in a page that is not a console gets no console, and the registry is not touched', async () => {
    const bg = await background();
    const boot = await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, framedIn(4, 'https://shop.tiktok.com/help/centre'));
    expect(boot.context).toBeNull();
    expect(await bg.tabs.get(4)).toBeUndefined();
    // A frame whose tab url the browser withheld is left to its console's hello.
    expect((await bg.ok<SidebarBootstrap>('sidebar.bootstrap', {}, overlay(5))).context).toBeNull();
  });
});

describe("the background's start", () => {
  it("a journal writer that never answers does not hold the database's opening (every request waits for it)", async () => {
    // The worker behind the offscreen document took the port and never answered.
    const sent: unknown[] = [];
    const silent: PortLike = { postMessage: (m) => void sent.push(m), onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined } };
    let opened = 0;
    const db = new UpfrontDb(`upfront-test-start-${Math.random()}`);
    const safety = startSafety({
      db,
      files: memoryFiles().api,
      segments: new SegmentLink(async () => (opened++, silent), 50),
      local: memoryKeyValue(),
      session: memoryKeyValue(),
      estimate: async () => ({ usage: 0, quota: 1 }),
      now: () => 0,
      granted: async () => false,
      download: async () => undefined,
      notifyChanged: () => undefined,
    });
    await safety.recovered;
    // A new database: the recovery asked the writer for its segments, gave up, and the database answers.
    expect(sent).toEqual([expect.objectContaining({ op: 'read' })]);
    expect(await db.sessions.count()).toBe(0);
    expect(opened).toBeGreaterThanOrEqual(1);
    db.close();
  });
});
