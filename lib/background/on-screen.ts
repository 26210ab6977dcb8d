import type { KeyValue } from './kv';

/**
 * The card on screen in a live session's sidebar, remembered per session, so a console reloaded
 * mid-show (or a session resumed after a crash) opens on the product the host was on, not on the
 * first. Kept beside the log, never in it: what the host said is evidence, where the sidebar was
 * scrolled is not. Forgotten when the session ends.
 */
export class OnScreenStore {
  constructor(private readonly store: KeyValue) {}

  async get(sessionId: string): Promise<string | null> {
    return (await this.store.get<string>(key(sessionId))) ?? null;
  }

  set(sessionId: string, cardId: string): Promise<void> {
    return this.store.set(key(sessionId), cardId);
  }

  forget(sessionId: string): Promise<void> {
    return this.store.remove(key(sessionId));
  }
}

const key = (sessionId: string) => `onScreen:${sessionId}`;
