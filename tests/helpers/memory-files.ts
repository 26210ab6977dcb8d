import type { JournalFiles } from '../../lib/safety/journal-files';

/**
 * The journal's files in a Map, with the faults a disk can have: the next writes fail (a full
 * disk), a small disk (capacity), a slow disk (delayMs per write), and a log of every write.
 */
export function memoryFiles() {
  const files = new Map<string, string>();
  const state = { failNext: 0, failWith: () => new DOMException('The disk is full', 'QuotaExceededError') as Error, writes: [] as { name: string; length: number }[], delayMs: 0, capacity: undefined as number | undefined };
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
    async replace(name, data) {
      await fault();
      const text = typeof data === 'string' ? data : '\0'.repeat(data.length);
      if (state.capacity !== undefined && [...files].reduce((n, [k, v]) => n + (k === name ? 0 : v.length), 0) + text.length > state.capacity) {
        throw state.failWith();
      }
      files.set(name, text);
      state.writes.push({ name, length: text.length });
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
