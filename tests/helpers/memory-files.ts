import type { JournalFiles } from '../../lib/safety/journal-files';

/**
 * The journal's files in a Map, with the faults a disk can have: the next appends fail (a full
 * disk), a small disk (capacity, checked by replace), a slow disk (delayMs per append), and a log of every write so tests can see how much each append rewrote.
 */
export function memoryFiles() {
  const files = new Map<string, string>();
  const state = { failNext: 0, failWith: () => new DOMException('The disk is full', 'QuotaExceededError') as Error, appends: [] as { name: string; length: number }[], delayMs: 0, capacity: undefined as number | undefined };
  const fault = async () => {
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (state.failNext > 0) {
      state.failNext -= 1;
      throw state.failWith();
    }
  };
  const api: JournalFiles = {
    async list() {
      return [...files.keys()];
    },
    async read(name) {
      return files.get(name) ?? '';
    },
    async append(name, text) {
      await fault();
      files.set(name, (files.get(name) ?? '') + text);
      state.appends.push({ name, length: text.length });
    },
    async truncate(name, length) {
      files.set(name, (files.get(name) ?? '').slice(0, length));
    },
    async replace(name, data) {
      await fault();
      const text = typeof data === 'string' ? data : '\0'.repeat(data.length);
      if (state.capacity !== undefined && [...files].reduce((n, [k, v]) => n + (k === name ? 0 : v.length), 0) + text.length > state.capacity) {
        throw state.failWith();
      }
      files.set(name, text);
      state.appends.push({ name, length: text.length });
    },
    async size(name) {
      return files.get(name)?.length ?? 0;
    },
    async remove(name) {
      files.delete(name);
    },
  };
  return { api, files, state };
}
