/**
 * The files the journal keeps, behind a small interface: the Origin Private File System in the
 * browser (opfsFiles), a Map in unit tests. The OPFS is stored by the browser apart from
 * IndexedDB's backing store, so a database the browser throws away as corrupt leaves it intact.
 */
export interface JournalFiles {
  /** Names of the files there are, in no particular order. */
  list(): Promise<string[]>;
  /** A file's text; '' when it does not exist. */
  read(name: string): Promise<string>;
  /** Replaces a file's whole content at once (text, or bytes: the reserve is zeros). */
  replace(name: string, data: string | Uint8Array<ArrayBuffer>): Promise<void>;
  /** A file's size in bytes; 0 when it does not exist. */
  size(name: string): Promise<number>;
  /** Deletes a file if it exists. */
  remove(name: string): Promise<void>;
}

/** The minimal part of the File System API the journal uses (lib.dom lacks some of it in workers). */
interface Writable {
  write(data: string | Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
interface FileHandle {
  getFile(): Promise<File>;
  createWritable(): Promise<Writable>;
}
interface DirHandle {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandle>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandle>;
  keys(): AsyncIterable<string>;
  removeEntry(name: string): Promise<void>;
}

/**
 * The journal's folder in the Origin Private File System. A service worker has no synchronous
 * access handles (dedicated workers only), so every write goes through createWritable: the
 * browser writes a copy and swaps it in on close (all or nothing). The journal never rewrites a
 * file it wrote (lib/safety/journal.ts).
 */
export function opfsFiles(folder = 'journal'): JournalFiles {
  let dir: Promise<DirHandle> | undefined;
  const root = () => (dir ??= (navigator.storage.getDirectory() as unknown as Promise<DirHandle>).then((r) => r.getDirectoryHandle(folder, { create: true })));
  const handle = async (name: string, create: boolean) => (await root()).getFileHandle(name, { create });
  const write = async (name: string, data: string | Uint8Array<ArrayBuffer>) => {
    const w = await (await handle(name, true)).createWritable();
    try {
      await w.write(data);
      await w.close();
    } catch (err) {
      await w.abort().catch(() => undefined);
      throw err;
    }
  };
  const ifExists = async <T>(run: () => Promise<T>, otherwise: T): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof DOMException && err.name === 'NotFoundError') return otherwise;
      throw err;
    }
  };
  return {
    async list() {
      const names: string[] = [];
      for await (const name of (await root()).keys()) names.push(name);
      return names;
    },
    read: (name) => ifExists(async () => (await (await handle(name, false)).getFile()).text(), ''),
    size: (name) => ifExists(async () => (await (await handle(name, false)).getFile()).size, 0),
    remove: (name) => ifExists(async () => (await root()).removeEntry(name), undefined),
    replace: write,
  };
}
