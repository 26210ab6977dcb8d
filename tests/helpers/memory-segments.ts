import type { SegmentFolder, SegmentHandle } from '../../lib/safety/segment-journal';

/**
 * A folder of segment files in memory for unit tests, with a disk that can be "full": growing a
 * file then fails as the browser does (QuotaExceededError), while writing inside a file's
 * existing bytes still works. Handles are exclusive, as synchronous access handles are.
 */
export function memorySegments() {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const open = new Set<string>();
  const state = { full: false, writes: 0, flushes: 0 };
  const handle = (name: string): SegmentHandle => {
    let closed = false;
    const live = () => {
      if (closed) throw new DOMException('closed', 'InvalidStateError');
      return files.get(name)!;
    };
    return {
      getSize: () => live().length,
      read(buffer, { at }) {
        const bytes = live().subarray(at, at + buffer.length);
        buffer.set(bytes);
        return bytes.length;
      },
      write(buffer, { at }) {
        let bytes = live();
        if (at + buffer.length > bytes.length) {
          if (state.full) throw new DOMException('no space', 'QuotaExceededError');
          const grown = new Uint8Array(at + buffer.length);
          grown.set(bytes);
          files.set(name, (bytes = grown));
        }
        bytes.set(buffer, at);
        state.writes += 1;
        return buffer.length;
      },
      flush: () => void (state.flushes += 1),
      close() {
        closed = true;
        open.delete(name);
      },
    };
  };
  const folder: SegmentFolder = {
    names: async () => [...files.keys()],
    async open(name, create) {
      if (!files.has(name)) {
        if (!create) throw new DOMException(name, 'NotFoundError');
        if (state.full) throw new DOMException('no space', 'QuotaExceededError');
        files.set(name, new Uint8Array(0));
      }
      if (open.has(name)) throw new DOMException(`${name} is open`, 'NoModificationAllowedError');
      open.add(name);
      return handle(name);
    },
    remove: async (name) => void files.delete(name),
  };
  return { folder, files, state, open };
}
