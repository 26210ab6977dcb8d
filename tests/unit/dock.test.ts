// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
// (The dock's about:blank frame then loads quietly instead of logging an error on every attach.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dock, forwardHotkeys, type DockRuntime } from '../../lib/content/dock';
import { DEFAULT_LAYOUT } from '../../lib/messaging/types';

type Send = DockRuntime['send'];

let send: ReturnType<typeof vi.fn<Send>>;
let dock: Dock;

function hosts() {
  return document.documentElement.querySelectorAll('upfront-dock');
}

/** MutationObserver callbacks run as microtasks; give them a turn. */
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><div id="app">console</div></body>';
  send = vi.fn<Send>(async () => ({ ok: true, data: DEFAULT_LAYOUT }));
  dock = new Dock(document, { sidebarUrl: 'about:blank', label: (k) => k, send });
});

afterEach(() => dock.unmount());

describe('Dock', () => {
  it('mounts one host as a child of <html> and says hello', async () => {
    dock.mount();
    dock.mount();
    expect(hosts()).toHaveLength(1);
    expect(dock.host.parentNode).toBe(document.documentElement);
    expect(document.body.contains(dock.host)).toBe(false);
    expect(send).toHaveBeenCalledWith({ type: 'console.hello', payload: {} });
  });

  it('applies the remembered layout from the hello reply without saving it again', async () => {
    send.mockResolvedValueOnce({ ok: true, data: { collapsed: true, width: 500 } });
    dock.mount();
    await vi.waitFor(() => expect(dock.currentLayout).toEqual({ collapsed: true, width: 500 }));
    expect(dock.host.dataset.collapsed).toBe('true');
    expect(send.mock.calls.map((c) => c[0].type)).toEqual(['console.hello']);
  });

  it('ignores a hello reply that is an error', async () => {
    send.mockResolvedValueOnce({ ok: false, code: 'not-a-console' });
    dock.mount();
    await settle();
    expect(dock.currentLayout).toEqual(DEFAULT_LAYOUT);
  });

  it('comes back after the page removes it', async () => {
    dock.mount();
    dock.host.remove();
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(dock.host.parentNode).toBe(document.documentElement);
  });

  it('comes back after the page rewrites the whole document element', async () => {
    dock.mount();
    document.documentElement.innerHTML = '<head></head><body>new app</body>';
    await settle();
    expect(hosts()).toHaveLength(1);
  });

  it('stays in place, untouched, when the page replaces document.body', async () => {
    dock.mount();
    const observed = vi.fn();
    const probe = new MutationObserver(observed);
    probe.observe(document.documentElement, { childList: true });
    const fresh = document.createElement('body');
    fresh.innerHTML = '<div id="app">re-rendered</div>';
    document.documentElement.replaceChild(fresh, document.body);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(document.body).toBe(fresh);
    // Re-appending would reload the iframe and lose the host's place: only the body swap happened.
    const records = observed.mock.calls.flatMap((c) => c[0] as MutationRecord[]);
    expect(records.some((r) => [...r.removedNodes, ...r.addedNodes].includes(dock.host))).toBe(false);
    probe.disconnect();
  });

  it('stays gone after unmount', async () => {
    dock.mount();
    dock.unmount();
    expect(hosts()).toHaveLength(0);
    document.documentElement.append(document.createElement('div'));
    await settle();
    expect(hosts()).toHaveLength(0);
  });

  it('toggles collapsed on overlay.toggle and saves it with layout.set', () => {
    dock.mount();
    send.mockClear();
    dock.handlePush({ type: 'overlay.toggle' });
    expect(dock.currentLayout).toEqual({ ...DEFAULT_LAYOUT, collapsed: true });
    expect(dock.host.dataset.collapsed).toBe('true');
    expect(send).toHaveBeenLastCalledWith({ type: 'layout.set', payload: { ...DEFAULT_LAYOUT, collapsed: true } });
    dock.handlePush({ type: 'overlay.toggle' });
    expect(dock.host.dataset.collapsed).toBe('false');
    expect(send).toHaveBeenLastCalledWith({ type: 'layout.set', payload: DEFAULT_LAYOUT });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('applies overlay.apply from the background without echoing it back', () => {
    dock.mount();
    send.mockClear();
    dock.handlePush({ type: 'overlay.apply', layout: { collapsed: false, width: 600 } });
    expect(dock.currentLayout).toEqual({ collapsed: false, width: 600 });
    expect(dock.host.style.getPropertyValue('width')).toBe('600px');
    expect(send).not.toHaveBeenCalled();
  });

  it('survives a background that does not answer', async () => {
    send.mockRejectedValue(new Error('Extension context invalidated.'));
    dock.mount();
    dock.handlePush({ type: 'overlay.toggle' });
    await settle();
    expect(dock.host.dataset.collapsed).toBe('true');
  });
});

describe('forwardHotkeys', () => {
  let stop: () => void;
  let active: boolean;

  beforeEach(() => {
    active = true;
    stop = forwardHotkeys(window, send, () => active);
  });
  afterEach(() => stop());

  /** Only the browser can make a trusted event; this stands in for a real key press. */
  function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init });
    Object.defineProperty(e, 'isTrusted', { value: true });
    target.dispatchEvent(e);
  }

  const sentKeys = () => send.mock.calls.filter((c) => c[0].type === 'hotkey').map((c) => (c[0].payload as { key: string }).key);

  it('forwards a trusted key press in the keymap', () => {
    press('j');
    press('7');
    press('?');
    expect(sentKeys()).toEqual(['j', '7', '?']);
  });

  it('does not forward synthetic key events the page dispatches', () => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    expect(sentKeys()).toEqual([]);
  });

  it('does not forward keys outside the keymap or with modifiers', () => {
    press('x');
    press('Enter');
    press('j', { ctrlKey: true });
    press('j', { metaKey: true });
    press('1', { altKey: true });
    expect(sentKeys()).toEqual([]);
  });

  it('does not forward keys typed into the console’s own fields', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    document.body.append(input, textarea);
    press('j', {}, input);
    press('1', {}, textarea);
    expect(sentKeys()).toEqual([]);
  });

  it('does not forward while inactive, and stops when removed', () => {
    active = false;
    press('j');
    active = true;
    stop();
    press('k');
    expect(sentKeys()).toEqual([]);
  });
});
