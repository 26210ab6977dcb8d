import type { PortLike } from '../messaging/port';
import { JOURNAL_PORT } from './segment-protocol';

/** The part of chrome.offscreen this uses. */
export interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

export const OFFSCREEN_PATH = 'offscreen.html';
/** How long the background waits for a new offscreen document to connect before failing the request. */
const CONNECT_MS = 10_000;

/**
 * Chromium's service worker cannot start a dedicated worker, and only a dedicated worker has
 * synchronous file handles (writes in place, no swap file). So the background opens an offscreen
 * document (reason WORKERS) that starts the journal's worker and relays its messages over a port.
 * A document left by an earlier service worker is closed first: its worker holds the segment's
 * exclusive handle, and its port led to a worker that is gone.
 */
export function offscreenJournal(api: OffscreenApi, ownUrl: (path: string) => string) {
  let waiting: ((port: PortLike) => void) | undefined;
  const open = async (): Promise<PortLike> => {
    const arrived = new Promise<PortLike>((resolve, reject) => {
      const timer = setTimeout(() => reject(Object.assign(new Error("the journal's writer did not start"), { name: 'AbortError' })), CONNECT_MS);
      waiting = (port) => {
        clearTimeout(timer);
        resolve(port);
      };
    });
    await api.closeDocument().catch(() => undefined);
    await api.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS'],
      justification: 'Writes the log journal in place with a synchronous file handle, so clicks stay recorded when the disk fills up.',
    });
    return arrived;
  };
  /** Takes the offscreen document's port; false for any other port. */
  const accept = (port: PortLike & { name: string; sender?: { url?: string } }): boolean => {
    if (port.name !== JOURNAL_PORT || port.sender?.url !== ownUrl(`/${OFFSCREEN_PATH}`)) return false;
    waiting?.(port);
    waiting = undefined;
    return true;
  };
  return { open, accept };
}
