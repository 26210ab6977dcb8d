import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { SidebarApp, runHotkey } from '@/components/sidebar/SidebarApp';
import type { SidebarHost } from '@/components/sidebar/context';
import { ImageUrlsContext } from '@/components/common/image-src';
import { createImageUrls } from '@/lib/image-urls';
import { createI18n } from '@/lib/i18n';
import { browserPreferenceArea } from '@/lib/i18n/browser-preference';
import { initialUiLanguage, syncUiLanguage } from '@/lib/i18n/preference';
import { createDontSayControl } from '@/lib/dont-say/control';
import { createClient, type Send } from '@/lib/messaging/client';
import { portSend } from '@/lib/messaging/port-requests';
import { STAGE_CONTROL_PORT } from '@/lib/messaging/types';
import { keepConnected } from '@/lib/messaging/port';
import { SIDEBAR_PORT } from '@/lib/messaging/types';
import { prefetchNeighbours } from '@/lib/sidebar/prefetch';
import { createPushReceiver } from '@/lib/sidebar/pushes';
import { createSidebarStore } from '@/lib/sidebar/store';
import { createStageControl } from '@/lib/sidebar/stage-control';
import '@/components/sidebar/sidebar.css';

// Wiring only: the sidebar's logic is in lib/sidebar, its UI in components/sidebar.
const mode: SidebarHost['mode'] = window.top === window ? 'panel' : 'overlay';
const send: Send = (message) => browser.runtime.sendMessage(message);
const call = createClient(send);
const sidebar = createSidebarStore({ call, newId: () => crypto.randomUUID() });
// Product photos by reference: each fetched once, kept as an object URL (lib/image-urls.ts).
const imageUrls = createImageUrls((id) => call('image.get', { id }));
// The host's stage keys go on a port opened once (lib/messaging/port-requests.ts).
const stage = createStageControl({ call, sidebar, fast: createClient(portSend(() => browser.runtime.connect({ name: STAGE_CONTROL_PORT }), send)) });
const dontSay = createDontSayControl({ sidebar: sidebar.store, call: sidebar.call, newId: () => crypto.randomUUID() });
prefetchNeighbours(sidebar.store, imageUrls);
// Pushes from the background, each checked with zod before it is applied; the checker (zod) is
// loaded once the sidebar is on screen and the page is idle, or with the first push.
const pushes = createPushReceiver(
  (push) => (push.type === 'changed' ? void sidebar.actions.changed(push) : void runHotkey(sidebar, push.key, stage, dontSay)),
  () => import('@/lib/messaging/push-protocol').then((m) => m.readSidebarPush),
);

const host: SidebarHost = {
  mode,
  // For `npm run bench` (sidebar cold open): the host can act once the deck is on screen, i.e.
  // after the next animation frame has run its rendering steps and painted.
  onReady: () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('upfront:interactive');
        requestIdleCallback(() => void pushes.prepare(), { timeout: 1000 });
      }, 0),
    ),
  safety: {
    storage: () => call('safety.storage', {}),
    status: () => call('safety.status', {}),
    dismiss: () => call('safety.dismiss', {}),
  },
  openStudio: () => void browser.tabs.create({ url: browser.runtime.getURL('/studio.html') }),
  ...(mode === 'overlay'
    ? {
        collapse: () => void call('overlay.set', { collapsed: true }).catch(() => undefined),
        openSidePanel: browser.sidePanel
          ? () => {
              // Called straight from the click so the user gesture reaches sidePanel.open.
              void browser.tabs.getCurrent().then(async (tab) => {
                if (tab?.id !== undefined) await browser.sidePanel.open({ tabId: tab.id });
              });
            }
          : undefined,
      }
    : {
        enableSite: async (origin: string) => {
          const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
          if (granted) await call('site.enable', { origin });
          return granted;
        },
        activeOrigin: async () => {
          const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
          try {
            const url = new URL(tab?.url ?? '');
            return /^https?:$/.test(url.protocol) ? url.origin : undefined;
          } catch {
            return undefined;
          }
        },
      }),
};

/** How long the sidebar waits for its data before it shows "Loading…". */
const LOADING_AFTER_MS = 150;

/** Pushes from the background, over a port that reconnects when the service worker restarts. */
function connect() {
  return keepConnected(() => browser.runtime.connect({ name: SIDEBAR_PORT }), {
    onMessage: pushes.receive,
    onConnect: (port) => {
      const tabId = sidebar.store.getState().tabId;
      if (mode === 'panel' && tabId !== undefined) port.postMessage({ type: 'bind', tabId });
    },
    onReconnect: () => void sidebar.actions.changed(),
  });
}

async function start() {
  // Phase marks for `npm run bench -- --verbose` (sidebar cold open): where the time went.
  performance.mark('upfront:script');
  // The sidebar's data is asked for first, while the interface language loads (bench: cold open).
  const loaded = sidebar.actions.init().then(() => performance.mark('upfront:data'));
  void loaded.then(() => stage.actions.refresh());
  // The language chosen in any Upfront page (extension storage), else the browser's; kept in step live.
  const prefs = browserPreferenceArea();
  const i18n = await createI18n(await initialUiLanguage(prefs, browser.i18n.getUILanguage()));
  document.documentElement.lang = i18n.language;
  syncUiLanguage(i18n, prefs, (language) => (document.documentElement.lang = language));
  performance.mark('upfront:i18n');
  // Drawn once, with the deck, when the background answers promptly: drawing and painting
  // "Loading…" first only delayed the answers' handling. A slow answer still gets "Loading…".
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, LOADING_AFTER_MS))]);
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <ImageUrlsContext.Provider value={imageUrls}>
        <SidebarApp sidebar={sidebar} host={host} stage={stage} dontSay={dontSay} />
      </ImageUrlsContext.Provider>
    </I18nextProvider>,
  );
  await loaded;
  const port = connect();
  if (mode === 'panel') {
    // The side panel follows the console tab in front.
    sidebar.store.subscribe((s, prev) => {
      if (s.tabId !== prev.tabId && s.tabId !== undefined) port.post({ type: 'bind', tabId: s.tabId });
    });
    browser.tabs.onActivated.addListener(() => void sidebar.actions.init());
  }
}

// A host who moves on and reloads the console at once still comes back to that product.
addEventListener('pagehide', () => sidebar.actions.flushOnScreen());

void start();
