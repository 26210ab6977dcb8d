/**
 * The in-page dock: a shadow-root host holding the sidebar frame, a resize grip and an expand
 * tab. Plain DOM and no imports beyond tiny pure modules: this runs inside the hostile console
 * page, so it holds no data, no storage and no React. All styling is inline with !important so
 * page CSS cannot hide or restyle it, and so a strict page CSP cannot block a <style> element.
 */
import { isForwardedKey } from '../hotkeys';
import type { ContentPush, Layout } from '../messaging/types';
import { MAX_WIDTH, MIN_WIDTH } from '../messaging/types';
import { readLayout } from './push';

export type DockLabel = 'dockTitle' | 'dockExpand' | 'dockResize' | 'dockDisconnected' | 'dockReload';

export interface DockRuntime {
  sidebarUrl: string;
  label: (key: DockLabel) => string;
  send: (message: { type: 'console.hello' | 'layout.set' | 'hotkey'; payload: unknown }) => Promise<unknown>;
}

const Z_TOP = '2147483647';
/** How long the dock waits for the remembered layout before opening the sidebar anyway. */
const HELLO_WAIT_MS = 1000;
/** Width of the resize grip, in CSS pixels, between the page and the sidebar frame. */
const GRIP = 6;

function css(el: HTMLElement, styles: Record<string, string>) {
  for (const [k, v] of Object.entries(styles)) el.style.setProperty(k, v, 'important');
}

function isTypingTarget(e: KeyboardEvent): boolean {
  const path = e.composedPath();
  return path.some(
    (n) => n instanceof HTMLElement && (n.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(n.tagName)),
  );
}

export class Dock {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly frame: HTMLIFrameElement;
  /**
   * The sidebar frame is put in only once the remembered layout is known, and only while the
   * dock is open: a dock the host keeps collapsed costs the console page no frame at all, and
   * the toolbar button then opens the sidebar cold (bench: sidebar cold open).
   */
  private layoutKnown = false;
  private readonly expand: HTMLButtonElement;
  private readonly grip: HTMLDivElement;
  private layout: Layout = { collapsed: false, width: 380 };
  private observer: MutationObserver | undefined;
  /** The style attribute as the dock last set it; anything else was written by the page. */
  private appliedStyle: string | null = null;
  private readonly guard = new MutationObserver(() => {
    if (this.host.hasAttribute('hidden')) this.host.removeAttribute('hidden');
    if (this.host.hasAttribute('inert')) this.host.removeAttribute('inert');
    const lostPopover = supportsPopover(this.host) && !this.host.hasAttribute('popover');
    if (this.host.getAttribute('style') !== this.appliedStyle || lostPopover) {
      this.apply();
      this.promote(true);
    }
  });
  private active = false;
  /** The page's own inline margin-right on <html>, to put back when the dock stops pushing. */
  private pageMargin: { value: string; priority: string } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly runtime: DockRuntime,
  ) {
    this.host = doc.createElement('upfront-dock');
    this.shadow = this.host.attachShadow({ mode: 'closed' });

    this.frame = doc.createElement('iframe');
    this.frame.src = runtime.sidebarUrl;
    this.frame.title = runtime.label('dockTitle');
    css(this.frame, {
      display: 'block',
      border: '0',
      width: `calc(100% - ${GRIP}px)`,
      height: '100%',
      margin: `0 0 0 ${GRIP}px`,
      padding: '0',
      'background-color': '#ffffff',
      'color-scheme': 'normal',
      visibility: 'visible',
      opacity: '1',
    });

    this.grip = doc.createElement('div');
    this.grip.setAttribute('role', 'separator');
    this.grip.setAttribute('aria-orientation', 'vertical');
    this.grip.setAttribute('aria-label', runtime.label('dockResize'));
    css(this.grip, {
      position: 'absolute',
      // Beside the frame, never over it (anything drawn over the frame makes it count as
      // obscured), and inside the host's box, which clips everything outside it (contain: strict).
      left: '0',
      top: '0',
      width: `${GRIP}px`,
      height: '100%',
      cursor: 'ew-resize',
      'background-color': '#d0d5dd',
    });

    this.expand = doc.createElement('button');
    this.expand.type = 'button';
    this.expand.textContent = '«';
    this.expand.setAttribute('aria-label', runtime.label('dockExpand'));
    this.expand.title = runtime.label('dockExpand');
    css(this.expand, {
      position: 'absolute',
      right: '0',
      top: '40%',
      width: '28px',
      height: '64px',
      border: '0',
      'border-radius': '8px 0 0 8px',
      'background-color': '#b42318',
      color: '#ffffff',
      font: 'bold 18px/1 system-ui, sans-serif',
      cursor: 'pointer',
      padding: '0',
    });
    this.expand.addEventListener('click', (e) => {
      if (e.isTrusted) this.setLayout({ ...this.layout, collapsed: false }, true);
    });

    this.wireResize();
    this.shadow.append(this.grip, this.expand);
    this.apply();
  }

  private wireResize() {
    let dragging = false;
    this.grip.addEventListener('pointerdown', (e) => {
      if (!e.isTrusted) return;
      dragging = true;
      this.grip.setPointerCapture?.(e.pointerId);
      css(this.frame, { 'pointer-events': 'none' });
    });
    this.grip.addEventListener('pointermove', (e) => {
      if (!dragging || !e.isTrusted) return;
      const width = Math.round((this.doc.defaultView?.innerWidth ?? 1280) - e.clientX);
      this.layout = { ...this.layout, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) };
      this.apply();
    });
    const end = (e: PointerEvent) => {
      if (!dragging || !e.isTrusted) return;
      dragging = false;
      css(this.frame, { 'pointer-events': 'auto' });
      this.setLayout(this.layout, true);
    };
    this.grip.addEventListener('pointerup', end);
    this.grip.addEventListener('pointercancel', end);
  }

  private apply() {
    const { collapsed, width } = this.layout;
    css(this.host, {
      display: 'block',
      position: 'fixed',
      inset: '0 0 auto auto',
      top: '0',
      right: '0',
      bottom: 'auto',
      left: 'auto',
      height: '100vh',
      'max-height': 'none',
      overflow: 'visible',
      background: 'transparent',
      color: 'inherit',
      width: collapsed ? '28px' : `${width}px`,
      'z-index': Z_TOP,
      'box-shadow': collapsed ? 'none' : '-2px 0 8px rgba(0,0,0,.25)',
      visibility: 'visible',
      opacity: '1',
      transform: 'none',
      filter: 'none',
      'pointer-events': 'auto',
      margin: '0',
      padding: '0',
      border: '0',
      'max-width': 'none',
      'min-width': '0',
      contain: 'strict',
    });
    css(this.frame, { display: collapsed ? 'none' : 'block' });
    css(this.grip, { display: collapsed ? 'none' : 'block' });
    css(this.expand, { display: collapsed ? 'block' : 'none' });
    this.host.dataset.collapsed = String(collapsed);
    this.appliedStyle = this.host.getAttribute('style');
    // Once the remembered layout is known, so a console is not reflowed twice as it loads.
    if (this.layoutKnown) this.push(this.active && !collapsed ? width : 0);
  }

  /**
   * Shares the screen instead of covering it: while the sidebar is open, the page's root gets a
   * right margin of the dock's width, so a console laid out in the normal flow (its comment box,
   * its buttons) reflows to the left of the sidebar. A console built of fixed-position layers
   * ignores the margin and stays under the dock, as before. Set through the CSSOM (allowed under
   * a strict style CSP) and the page's own value is restored when the dock closes or goes.
   */
  private push(width: number) {
    const root = this.doc.documentElement.style;
    if (width > 0) {
      this.pageMargin ??= { value: root.getPropertyValue('margin-right'), priority: root.getPropertyPriority('margin-right') };
      root.setProperty('margin-right', `${width}px`, 'important');
    } else if (this.pageMargin) {
      if (this.pageMargin.value) root.setProperty('margin-right', this.pageMargin.value, this.pageMargin.priority);
      else root.removeProperty('margin-right');
      this.pageMargin = null;
    }
  }

  /** Puts the sidebar frame in, between the grip and the expand tab, once it is wanted. */
  private loadFrame() {
    if (!this.layoutKnown || this.layout.collapsed || this.frame.parentNode === this.shadow) return;
    this.shadow.insertBefore(this.frame, this.expand);
  }

  private layoutSettled() {
    this.layoutKnown = true;
    this.push(this.active && !this.layout.collapsed ? this.layout.width : 0);
    this.loadFrame();
  }

  setLayout(layout: Layout, persist: boolean) {
    this.layout = layout;
    this.apply();
    this.loadFrame();
    // Re-entering the top layer puts the dock above a dialog the page opened since.
    if (this.active && this.host.isConnected) this.promote(true);
    if (persist) void this.runtime.send({ type: 'layout.set', payload: layout }).catch(() => undefined);
  }

  get currentLayout(): Layout {
    return this.layout;
  }

  /** Whether the sidebar frame is in the dock (it is put in lazily; see loadFrame). */
  get frameLoaded(): boolean {
    return this.frame.parentNode === this.shadow;
  }

  /** Puts the dock on the page and keeps it there when the page removes it or rebuilds its body. */
  mount() {
    this.active = true;
    if (this.layoutKnown) this.push(this.layout.collapsed ? 0 : this.layout.width);
    this.ensureAttached();
    this.observer ??= new MutationObserver(() => this.ensureAttached());
    this.observer.observe(this.doc.documentElement, { childList: true });
    // The page can reach the host element's own attributes: undo any restyling at once.
    this.guard.observe(this.host, { attributes: true, attributeFilter: ['style', 'popover', 'hidden', 'inert'] });
    // A background that is slow to answer (starting up) does not keep the sidebar away.
    const wait = setTimeout(() => this.layoutSettled(), HELLO_WAIT_MS);
    void this.runtime
      .send({ type: 'console.hello', payload: {} })
      .then((reply) => {
        const r = reply as { ok?: boolean; data?: unknown } | undefined;
        const layout = r?.ok ? readLayout(r.data) : undefined;
        // The same layout again would only re-enter the top layer (a style and layout pass).
        if (layout && (layout.collapsed !== this.layout.collapsed || layout.width !== this.layout.width)) this.setLayout(layout, false);
      })
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(wait);
        this.layoutSettled();
      });
  }

  unmount() {
    this.active = false;
    this.push(0);
    this.observer?.disconnect();
    this.guard.disconnect();
    this.host.remove();
  }

  get mounted(): boolean {
    return this.active;
  }

  private ensureAttached() {
    if (!this.active) return;
    const root = this.doc.documentElement;
    // A child of <html>, outside <body>: a page that swaps its body keeps the dock. Moving an
    // iframe reloads it, so only re-attach when the page actually took the dock away.
    if (this.host.parentNode !== root) root.append(this.host);
    this.promote();
  }

  /**
   * Puts the dock in the browser's top layer (as a manual popover), above any z-index the page
   * can use, so a page layer cannot cover it. Browsers without popovers keep the z-index.
   */
  private promote(again = false) {
    const host = this.host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
    if (!supportsPopover(host)) return;
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    try {
      if (again && host.matches(':popover-open')) host.hidePopover?.();
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Not connected yet, or the page opened a modal dialog; the z-index still applies.
    }
  }

  handlePush(message: ContentPush) {
    if (message.type === 'overlay.apply') this.setLayout(message.layout, false);
    else if (message.type === 'overlay.toggle') this.setLayout({ ...this.layout, collapsed: !this.layout.collapsed }, true);
  }
}

function supportsPopover(el: HTMLElement): el is HTMLElement & { showPopover: () => void } {
  return typeof (el as { showPopover?: unknown }).showPopover === 'function';
}

/**
 * Forwards the host's hotkeys from the console page to the sidebar. Only trusted key presses
 * count (a page can dispatch synthetic ones), never while typing into the console's own fields.
 */
export function forwardHotkeys(win: Window, send: DockRuntime['send'], isActive: () => boolean): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || !isActive()) return;
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTypingTarget(e)) return;
    // Letters count in either case, so Caps Lock does not silently switch the hotkeys off.
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (!isForwardedKey(key)) return;
    void send({ type: 'hotkey', payload: { key } }).catch(() => undefined);
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}

/**
 * Shown when the extension was reloaded, updated or disabled under a live console and no newer
 * content script took over: the old frame is dead, so say so instead of silently vanishing.
 * Texts are passed in because extension APIs are gone by then.
 */
export function showDisconnected(doc: Document, texts: { message: string; reload: string }): HTMLElement {
  const host = doc.createElement('upfront-notice');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  css(box, {
    position: 'fixed',
    top: '12px',
    right: '12px',
    'z-index': Z_TOP,
    'max-width': '320px',
    padding: '12px',
    'border-radius': '8px',
    'background-color': '#fff4e5',
    color: '#1a1a1a',
    border: '3px solid #b42318',
    font: '16px/1.4 system-ui, sans-serif',
  });
  const text = doc.createElement('p');
  text.textContent = texts.message;
  css(text, { margin: '0 0 8px' });
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = texts.reload;
  css(button, { font: 'inherit', padding: '4px 10px', cursor: 'pointer' });
  button.addEventListener('click', (e) => {
    if (e.isTrusted) doc.defaultView?.location.reload();
  });
  box.append(text, button);
  shadow.append(box);
  doc.documentElement.append(host);
  return host;
}
