// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dock, type DockRuntime } from '../../lib/content/dock';
import { DEFAULT_LAYOUT, type Layout } from '../../lib/messaging/types';
import { deferred } from '../helpers/deferred';

type Send = DockRuntime['send'];

let dock: Dock | undefined;
afterEach(() => {
  dock?.unmount();
  vi.useRealTimers();
});

function make(send: Send) {
  document.documentElement.innerHTML = '<head></head><body><div id="app">console</div></body>';
  dock = new Dock(document, { sidebarUrl: 'about:blank', label: (k) => k, send });
  return dock;
}

// The sidebar frame is put in once the remembered layout is known, and only while the dock is open.
describe('Dock sidebar frame', () => {
  it('waits for the remembered layout, then loads the frame of an open dock', async () => {
    const reply = deferred<unknown>();
    const d = make(vi.fn<Send>(() => reply.promise));
    d.mount();
    expect(d.frameLoaded).toBe(false);
    reply.resolve({ ok: true, data: DEFAULT_LAYOUT });
    await vi.waitFor(() => expect(d.frameLoaded).toBe(true));
  });

  it('loads no frame while the host keeps the dock collapsed, and loads it when opened', async () => {
    const collapsed: Layout = { collapsed: true, width: 420 };
    const d = make(vi.fn<Send>(async () => ({ ok: true, data: collapsed })));
    d.mount();
    await vi.waitFor(() => expect(d.currentLayout).toEqual(collapsed));
    await new Promise((r) => setTimeout(r, 0));
    expect(d.frameLoaded).toBe(false);
    d.handlePush({ type: 'overlay.toggle' });
    expect(d.frameLoaded).toBe(true);
    // Collapsing again keeps the frame (and the host's place in it).
    d.handlePush({ type: 'overlay.toggle' });
    expect(d.frameLoaded).toBe(true);
  });

  it('opens the sidebar anyway when the background does not answer in time', async () => {
    vi.useFakeTimers();
    const d = make(vi.fn<Send>(() => new Promise(() => undefined)));
    d.mount();
    expect(d.frameLoaded).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(d.frameLoaded).toBe(true);
  });

  it('opens the sidebar when the hello fails', async () => {
    const d = make(vi.fn<Send>(async () => Promise.reject(new Error('Extension context invalidated.'))));
    d.mount();
    await vi.waitFor(() => expect(d.frameLoaded).toBe(true));
  });
});
