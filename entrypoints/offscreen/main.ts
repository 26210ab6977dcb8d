import { JOURNAL_PORT } from '@/lib/safety/segment-protocol';

// Wiring only: hosts the journal's dedicated worker for the background, which cannot start one
// (lib/safety/offscreen-journal.ts). Messages are checked by the worker and the background.
const worker = new Worker(browser.runtime.getURL('/journal-worker.js'));
const port = browser.runtime.connect({ name: JOURNAL_PORT });
port.onMessage.addListener((message) => worker.postMessage(message));
worker.onmessage = (e: MessageEvent<unknown>) => port.postMessage(e.data);
// The background that opened this is gone: release the segment's handle for the next one.
port.onDisconnect.addListener(() => {
  worker.terminate();
  window.close();
});
