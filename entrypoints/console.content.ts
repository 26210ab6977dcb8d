import { Dock, forwardHotkeys } from '@/lib/content/dock';
import type { ContentPush } from '@/lib/messaging/types';
import { consoleMatches, recognisePlatform } from '@/lib/platforms';

// Wiring only: the dock and the key forwarder live in lib/content/dock.ts.
export default defineContentScript({
  matches: consoleMatches(),
  runAt: 'document_idle',
  main(ctx) {
    const send = (message: { type: string; payload: unknown }) => browser.runtime.sendMessage(message);
    const dock = new Dock(document, {
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      label: (key) => browser.i18n.getMessage(key) || 'Upfront',
      send,
    });
    // Registered consoles get the dock; a site the host enabled by hand gets hotkeys only (the
    // sidebar opens in the side panel there, as the frame is web-accessible on consoles only).
    const docks = () => recognisePlatform(location.href) !== undefined;
    const sync = () => {
      if (docks()) dock.mount();
      else {
        dock.unmount();
        void send({ type: 'console.hello', payload: {} }).catch(() => undefined);
      }
    };
    sync();
    ctx.addEventListener(window, 'wxt:locationchange', sync);
    const stopKeys = forwardHotkeys(window, send, () => true);
    const onPush = (message: unknown) => {
      if (message && typeof message === 'object' && 'type' in message) dock.handlePush(message as ContentPush);
    };
    browser.runtime.onMessage.addListener(onPush);
    ctx.onInvalidated(() => {
      stopKeys();
      dock.unmount();
    });
  },
});
