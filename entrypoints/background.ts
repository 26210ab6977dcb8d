import { storageKeyValue } from '@/lib/background/browser-kv';
import { SidebarHub, type HubPort } from '@/lib/background/hub';
import { LayoutStore } from '@/lib/background/layouts';
import { serveLogFiles } from '@/lib/background/log-files';
import { seedDemoOnce } from '@/lib/background/seed';
import { Prover } from '@/lib/background/prover';
import { createService, type Sender } from '@/lib/background/service';
import { StageKeeper } from '@/lib/background/stage';
import { RehearsalStore } from '@/lib/rehearsal/store';
import { stageLog } from '@/lib/rehearsal/stage-log';
import { StageHub, type StagePort } from '@/lib/background/stage-hub';
import { servePortRequests } from '@/lib/messaging/port-requests';
import { STAGE_CONTROL_PORT, STAGE_PORT } from '@/lib/messaging/types';
import { TabRegistry } from '@/lib/background/tabs';
import { Library } from '@/lib/db/library';
import { UpfrontDb } from '@/lib/db/database';
import { OrderStore } from '@/lib/db/orders';
import { ProofStore } from '@/lib/db/proof-store';
import { ReturnsLoopStore } from '@/lib/returns/store';
import type { ContentPush } from '@/lib/messaging/types';
import { SIDEBAR_PORT } from '@/lib/messaging/types';
import { consoleMatches, recognisePlatform } from '@/lib/platforms';
import { startSafety } from '@/lib/safety/background';
import { opfsFiles } from '@/lib/safety/journal-files';
import { offscreenJournal } from '@/lib/safety/offscreen-journal';
import { SegmentLink } from '@/lib/safety/segment-link';

// Wiring only. The background is the one owner of the database (docs/architecture.md).
export default defineBackground(() => {
  // Start-up marks, read by scripts/startup-loop.mjs through the worker (docs/architecture.md, start-up order).
  performance.mark('upfront:bg:start');
  const db = new UpfrontDb();
  const local = storageKeyValue(browser.storage.local);
  const hub = new SidebarHub();
  // The journal's in-place writer lives in a worker of an offscreen document (Chromium only).
  const offscreen = browser.offscreen ? offscreenJournal(browser.offscreen, (p) => browser.runtime.getURL(p as '/offscreen.html')) : undefined;
  // Issue 22: every event also in a journal outside IndexedDB, and the database rebuilt from it
  // if the browser lost it (lib/safety).
  const safety = startSafety({
    db,
    files: opfsFiles(),
    ...(offscreen && { segments: new SegmentLink(offscreen.open) }),
    local,
    session: storageKeyValue(browser.storage.session),
    estimate: () => navigator.storage.estimate(),
    now: () => Date.now(),
    granted: () => browser.permissions.contains({ permissions: ['downloads'] }),
    download: async (url, filename) => void (await browser.downloads.download({ url, filename, conflictAction: 'uniquify', saveAs: false })),
    // A recovery or a safety status may touch anything: both the library and the sessions re-read.
    notifyChanged: () => {
      hub.changed({ scope: 'library' });
      hub.changed({ scope: 'session' });
    },
  });
  const repo = safety.repo;
  const tabs = new TabRegistry(storageKeyValue(browser.storage.session));
  const layouts = new LayoutStore(local);
  const stageHub = new StageHub();
  // Issue 20: rehearsals in their own log; the stage records a rehearsal's showings there.
  const rehearsals = new RehearsalStore(db);
  const stage = new StageKeeper({
    repo: stageLog(repo, rehearsals),
    session: storageKeyValue(browser.storage.session),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    push: (sessionId, state) => stageHub.push(sessionId, state),
  });
  const prover = new Prover({ repo, store: new ProofStore(db), local, now: () => Date.now(), fetch: (...args) => fetch(...args) });

  const orders = new OrderStore(db);
  const service = createService({
    extensionId: browser.runtime.id,
    repo,
    library: new Library(db),
    orders,
    returnsLoop: new ReturnsLoopStore(db, orders),
    tabs,
    layouts,
    local,
    now: () => Date.now(),
    pushToTab: async (tabId, message: ContentPush) => {
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
    pushHotkey: (tabId, key) => hub.hotkey(tabId, key),
    notifyChanged: (change) => {
      hub.changed(change);
      if (change.scope === 'library') safety.libraryChanged();
    },
    safety: safety.deps,
    activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
    prover,
    stage,
    rehearsals,
    // The stage window: a popup of the exact content size streaming software captures.
    openWindow: async (path, size, existing) => {
      if (existing !== undefined) {
        const found = await browser.windows.get(existing).catch(() => undefined);
        if (found) {
          await browser.windows.update(existing, { focused: true });
          return existing;
        }
      }
      const win = await browser.windows.create({ url: browser.runtime.getURL(`/${path}` as '/stage.html'), type: 'popup', width: size.width, height: size.height, focused: true });
      return win!.id!;
    },
    resizeWindow: async (windowId, dw, dh) => {
      const win = await browser.windows.get(windowId);
      if (win.width !== undefined && win.height !== undefined) await browser.windows.update(windowId, { width: win.width + dw, height: win.height + dh });
    },
    enableSite: async (origin) => {
      const id = `custom:${origin}`;
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (existing.length === 0) {
        await browser.scripting.registerContentScripts([
          { id, matches: [`${origin}/*`], js: ['content-scripts/console.js'], runAt: 'document_idle', persistAcrossSessions: true },
        ]);
      }
    },
  });

  // The journal first: a lost database is rebuilt before the demo seed or any request sees it.
  const ready = safety.recovered
    .then(() => seedDemoOnce(repo, local, Date.now())).catch((err) => console.error('Upfront: demo seed failed', err));
  void ready.then(() => performance.mark('upfront:bg:ready'));
  // A browser restart after a crash: close sessions abandoned long ago (lib/db/repository.ts).
  void ready.then(() => repo.autoEndStale(Date.now())).catch((err) => console.error('Upfront: auto-end failed', err));
  // Logs of sessions ended before database version 4, into pages (lib/db/event-pages.ts).
  void ready.then(() => repo.sealEnded()).catch((err) => console.error('Upfront: sealing ended sessions failed', err));
  // Time-stamps that could not be had when their shows ended (offline, authority down).
  void ready.then(() => prover.retry()).catch((err) => console.error('Upfront: time-stamp retry failed', err));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void ready.then(() => service(message, sender as Sender)).then(sendResponse);
    return true; // answer asynchronously
  });

  // Log files for the studio, answered with a Blob on a MessageChannel (service worker only; a
  // background page, as in Firefox, never receives these and the studio asks page by page).
  serveLogFiles(self as unknown as Parameters<typeof serveLogFiles>[0], { repo, now: () => Date.now(), proofs: (ids) => prover.proofsFor(ids) }, ready);

  browser.runtime.onConnect.addListener((port) => {
    if (port.sender?.id === browser.runtime.id && offscreen?.accept(port)) return;
    if (port.name === SIDEBAR_PORT && port.sender?.id === browser.runtime.id) hub.connect(port as unknown as HubPort);
    if (port.name === STAGE_PORT && port.sender?.id === browser.runtime.id && port.sender.url?.startsWith(browser.runtime.getURL('/stage.html'))) {
      stageHub.connect(port as unknown as StagePort);
    }
    if (port.name === STAGE_CONTROL_PORT && port.sender?.id === browser.runtime.id) {
      servePortRequests(port, ['stage.put'], (message) => ready.then(() => service(message, port.sender as Sender)));
    }
  });

  // The toolbar button: on a console it shows or collapses the dock; anywhere else it opens the
  // side panel, where the host can turn Upfront on for that site. Decided synchronously, because
  // sidePanel.open must run inside the click's user gesture.
  browser.action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    if (tab.url && recognisePlatform(tab.url)) {
      void browser.tabs.sendMessage(tab.id, { type: 'overlay.toggle' } satisfies ContentPush, { frameId: 0 }).catch(() => undefined);
    } else if (browser.sidePanel) {
      void browser.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
    }
  });

  // After an update or reload, consoles that are already open still run the old, now dead,
  // content script: give them a fresh one so the host's sidebar comes back by itself.
  browser.runtime.onInstalled.addListener(async () => {
    const tabs = await browser.tabs.query({ url: consoleMatches() });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/console.js'] }).catch(() => undefined);
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    // A closed console takes its show's (or rehearsal's) stage down, recorded (the session itself
    // stays open to resume; the rehearsal, no longer bound to a tab, is ended at the next look).
    void Promise.all([tabs.sessionOf(tabId), tabs.rehearsalOf(tabId)])
      .then((ids) => Promise.all(ids.map((id) => (id ? stage.clear(id) : null))))
      .catch(() => undefined)
      .finally(() => tabs.forget(tabId));
  });
  browser.windows.onRemoved.addListener((windowId) => void stage.windowClosed(windowId).catch(() => undefined));

  // Keep the log: ask the browser not to evict extension storage under pressure.
  void navigator.storage?.persist?.();
});
