import { Dock, forwardHotkeys, showDisconnected } from '@/lib/content/dock';
import { readContentPush } from '@/lib/content/push';
import { consoleMatches, recognisePlatform } from '@/lib/platforms';

// Wiring only: the dock and the key forwarder live in lib/content/dock.ts.
export default defineContentScript({
  matches: consoleMatches(),
  runAt: 'document_idle',
  main() {
    // The background also injects this script into consoles that were open when the extension
    // was installed or updated; in a page that already runs a live copy, do nothing.
    const world = globalThis as { upfrontContentScript?: boolean };
    if (world.upfrontContentScript) return;
    world.upfrontContentScript = true;

    const send = (message: { type: string; payload: unknown }) => browser.runtime.sendMessage(message);
    const label = (key: Parameters<typeof browser.i18n.getMessage>[0]) => browser.i18n.getMessage(key) || 'Upfront';
    let disconnected = { message: 'Upfront', reload: 'Upfront' };
    let dock: Dock | undefined;

    // Registered consoles get the dock; a site the host enabled by hand gets hotkeys only (the
    // sidebar opens in the side panel there, as the frame is web-accessible on consoles only).
    const sync = () => {
      if (recognisePlatform(location.href)) {
        dock ??= new Dock(document, { sidebarUrl: browser.runtime.getURL('/sidebar.html'), label, send });
        if (!dock.mounted) dock.mount();
      } else {
        if (dock?.mounted) dock.unmount();
        void send({ type: 'console.hello', payload: {} }).catch(() => undefined);
      }
    };
    // The console may still be busy loading at document_idle: the dock is built in the next idle
    // moment (at most 200 ms later), in its own task, so none of it lengthens the page's own
    // tasks (bench: main-thread time added to loading a console).
    const whenIdle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 200 }) : setTimeout(fn, 0));
    whenIdle(() => {
      // Read while the extension is alive: once it is reloaded this script can no longer reach its messages.
      disconnected = { message: label('dockDisconnected'), reload: label('dockReload') };
      sync();
    });
    const stopKeys = forwardHotkeys(window, send, () => true);
    browser.runtime.onMessage.addListener((message: unknown) => {
      const push = readContentPush(message);
      if (push) dock?.handlePush(push);
    });

    // One timer follows SPA navigation and notices when the extension itself went away. It does
    // not use WXT's context invalidation, which a page can trigger with a forged DOM event.
    let href = location.href;
    const timer = setInterval(() => {
      if (!browser.runtime?.id) {
        clearInterval(timer);
        stopKeys();
        dock?.unmount();
        // A reloaded extension injects a fresh content script; only speak up if none arrives.
        setTimeout(() => {
          if (!document.querySelector('upfront-dock')) showDisconnected(document, disconnected);
        }, 1500);
        return;
      }
      if (location.href !== href) {
        href = location.href;
        sync();
      }
    }, 500);
  },
});
