import { Mutex } from 'async-mutex';
import type { KeyValue } from './kv';

/**
 * The card on screen in a live session's sidebar, remembered per session, so a console reloaded
 * mid-show (or a session resumed after a crash) opens on the product the host was on, not on the
 * first. Kept beside the log, never in it: what the host said is evidence, where the sidebar was
 * scrolled is not. Forgotten when the session ends.
 *
 * Remembering checks that the show is still on, then writes: an End session in between would
 * forget first and the write would come after, kept for good. So remembering and forgetting take
 * turns, and the check runs in the same turn as the write.
 */
export class OnScreenStore {
  private readonly turns = new Mutex();

  constructor(private readonly store: KeyValue) {}

  async get(sessionId: string): Promise<string | null> {
    return (await this.store.get<string>(key(sessionId))) ?? null;
  }

  /** Remembers the card if `check` passes (it throws when the show is over). */
  set(sessionId: string, cardId: string, check: () => Promise<void> = async () => undefined): Promise<void> {
    return this.turns.runExclusive(async () => {
      await check();
      await this.store.set(key(sessionId), cardId);
    });
  }

  forget(sessionId: string): Promise<void> {
    return this.turns.runExclusive(() => this.store.remove(key(sessionId)));
  }
}

const key = (sessionId: string) => `onScreen:${sessionId}`;
