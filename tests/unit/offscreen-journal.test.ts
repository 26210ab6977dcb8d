import { describe, expect, it } from 'vitest';
import type { PortLike } from '../../lib/messaging/port';
import { offscreenJournal } from '../../lib/safety/offscreen-journal';
import { JOURNAL_PORT } from '../../lib/safety/segment-protocol';

const OWN = (p: string) => `chrome-extension://abc${p}`;
const port = (name: string, url: string): PortLike & { name: string; sender: { url: string } } => ({
  name,
  sender: { url },
  postMessage: () => undefined,
  onMessage: { addListener: () => undefined },
  onDisconnect: { addListener: () => undefined },
});

describe('the offscreen document that hosts the journal’s writer', () => {
  it('closes a document left by an earlier service worker before making a new one, and takes only that document’s port', async () => {
    const calls: string[] = [];
    const api = {
      closeDocument: async () => void calls.push('close'),
      createDocument: async (o: { url: string; reasons: string[] }) => void calls.push(`create ${o.url} ${o.reasons.join()}`),
    };
    const journal = offscreenJournal(api, OWN);
    const opened = journal.open();
    await expect.poll(() => calls.length).toBe(2);
    expect(calls).toEqual(['close', 'create offscreen.html WORKERS']);
    // Another page's port, or the right name from the wrong page, is not the writer.
    expect(journal.accept(port('upfront-sidebar', OWN('/offscreen.html')))).toBe(false);
    expect(journal.accept(port(JOURNAL_PORT, OWN('/sidebar.html')))).toBe(false);
    const right = port(JOURNAL_PORT, OWN('/offscreen.html'));
    expect(journal.accept(right)).toBe(true);
    await expect(opened).resolves.toBe(right);
  });

  it('goes on when there was no document to close', async () => {
    const api = { closeDocument: () => Promise.reject(new Error('No current offscreen document.')), createDocument: async () => undefined };
    const journal = offscreenJournal(api, OWN);
    const opened = journal.open();
    const right = port(JOURNAL_PORT, OWN('/offscreen.html'));
    await expect.poll(() => journal.accept(right)).toBe(true);
    await expect(opened).resolves.toBe(right);
  });
});
