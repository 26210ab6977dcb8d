// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"enableIframePageLoading":true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dock, type DockRuntime } from '../../lib/content/dock';

/** Issue 21, point 5: the docked sidebar shares the screen with the console instead of covering it. */
let dock: Dock | undefined;
afterEach(() => dock?.unmount());

function make(layout: { collapsed: boolean; width: number }) {
  document.documentElement.removeAttribute('style');
  const send = vi.fn<DockRuntime['send']>(async () => ({ ok: true, data: layout }));
  dock = new Dock(document, { sidebarUrl: 'about:blank', label: (k) => k, send });
  return dock;
}

const margin = () => document.documentElement.style.getPropertyValue('margin-right');

describe('the dock pushes the console narrower', () => {
  it('by its width while open, follows resizing, and gives the space back when collapsed or gone', async () => {
    const d = make({ collapsed: false, width: 340 });
    d.mount();
    await vi.waitFor(() => expect(margin()).toBe('340px'));
    expect(document.documentElement.style.getPropertyPriority('margin-right')).toBe('important');
    d.setLayout({ collapsed: false, width: 420 }, false);
    expect(margin()).toBe('420px');
    d.setLayout({ collapsed: true, width: 420 }, false);
    expect(margin()).toBe('');
    d.setLayout({ collapsed: false, width: 420 }, false);
    expect(margin()).toBe('420px');
    d.unmount();
    expect(margin()).toBe('');
  });

  it('leaves a console the host keeps collapsed untouched, and restores the page’s own margin', async () => {
    const d = make({ collapsed: true, width: 380 });
    document.documentElement.style.setProperty('margin-right', '12px');
    d.mount();
    await vi.waitFor(() => expect(d.currentLayout.collapsed).toBe(true));
    expect(margin()).toBe('12px');
    d.setLayout({ collapsed: false, width: 380 }, false);
    expect(margin()).toBe('380px');
    d.setLayout({ collapsed: true, width: 380 }, false);
    expect(margin()).toBe('12px');
  });
});
