import { asciiBytes, scanSegment, segmentFileName, segmentNumbers, SEGMENTS } from './segment-format';

/** The part of a FileSystemSyncAccessHandle the journal uses: reads and writes in place. */
export interface SegmentHandle {
  getSize(): number;
  read(buffer: Uint8Array<ArrayBuffer>, options: { at: number }): number;
  write(buffer: Uint8Array<ArrayBuffer>, options: { at: number }): number;
  flush(): void;
  close(): void;
}

/** The journal's folder as the dedicated worker sees it (the OPFS in the browser, a Map in unit tests). */
export interface SegmentFolder {
  names(): Promise<string[]>;
  /** Opens a file for reading and writing in place (exclusively), creating it empty if asked. */
  open(name: string, create: boolean): Promise<SegmentHandle>;
  remove(name: string): Promise<void>;
}

/** One segment's whole records, as text (the background decodes them like the older files). */
export interface SegmentText {
  name: string;
  text: string;
  /** A record cut short was found at its end (and zeroed, so the next record goes in its place). */
  torn: boolean;
}

interface Current {
  n: number;
  handle: SegmentHandle;
  pos: number;
  size: number;
}

/**
 * The journal's writer, run in a dedicated worker (the only place with synchronous access
 * handles): appends records in place into preallocated segments and flushes each append before
 * it is acknowledged. Nothing on the append path needs new space on the disk or a new entry in
 * the browser's file index, except moving on to a segment that had to be made then.
 */
export class SegmentJournal {
  private current: Current | undefined;
  private started: Promise<void> | undefined;
  private readonly tornAtStart = new Set<string>();
  /** The number of the spare made ahead, so each append does not list the folder. */
  private spare = 0;

  constructor(
    private readonly folder: SegmentFolder,
    private readonly limits = SEGMENTS,
  ) {}

  /** Opens the segment being written (the last one holding records) and finds its end. */
  start(): Promise<void> {
    return (this.started ??= this.openLast().catch((err) => {
      this.started = undefined;
      throw err;
    }));
  }

  private async openLast(): Promise<void> {
    const numbers = segmentNumbers(await this.folder.names());
    for (const n of [...numbers].reverse()) {
      const handle = await this.folder.open(segmentFileName(n), false);
      const first = new Uint8Array(1);
      handle.read(first, { at: 0 });
      // Later segments still all zeros are spares made ahead; the last one holding anything is written next.
      if (first[0] === 0 && n !== numbers[0]) {
        handle.close();
        this.spare = Math.max(this.spare, n);
        continue;
      }
      const size = handle.getSize();
      const bytes = new Uint8Array(size);
      handle.read(bytes, { at: 0 });
      const scanned = scanSegment(bytes);
      if (scanned.end > scanned.validLength) {
        // A record cut short: zeroed in place, so what is read stops at the last whole record.
        this.tornAtStart.add(segmentFileName(n));
        handle.write(new Uint8Array(scanned.end - scanned.validLength), { at: scanned.validLength });
        handle.flush();
      }
      this.current = { n, handle, pos: scanned.validLength, size };
      return;
    }
    await this.moveTo(1, 0);
  }

  /** Writes the text after the last record and flushes it; throws if it could not be. */
  async append(text: string): Promise<void> {
    await this.start();
    const bytes = asciiBytes(text);
    let cur = this.current!;
    if (cur.pos + bytes.length > cur.size) cur = await this.moveTo(cur.n + 1, bytes.length);
    let written = 0;
    try {
      written = cur.handle.write(bytes, { at: cur.pos });
      if (written !== bytes.length) throw new DOMException(`wrote ${written} of ${bytes.length} bytes`, 'QuotaExceededError');
      cur.handle.flush();
    } catch (err) {
      // Whatever part was written is zeroed, so the next record starts clean in its place.
      if (written > 0) cur.handle.write(new Uint8Array(written), { at: cur.pos });
      throw err;
    }
    cur.pos += bytes.length;
  }

  /** Makes the next segment ahead while this one runs low (called when idle; fails quietly on a full disk). */
  async keepSpare(): Promise<void> {
    const cur = this.current;
    if (!cur || cur.size - cur.pos >= this.limits.spareWhenLeft || this.spare > cur.n) return;
    const n = cur.n + 1;
    const handle = await this.allocate(n, this.limits.bytes);
    handle.close();
    this.spare = n;
  }

  /** Every segment's records (spares left out). */
  async readAll(): Promise<SegmentText[]> {
    await this.start();
    const out: SegmentText[] = [];
    for (const n of segmentNumbers(await this.folder.names())) {
      const name = segmentFileName(n);
      const own = this.current?.n === n;
      const handle = own ? this.current!.handle : await this.folder.open(name, false);
      try {
        const bytes = new Uint8Array(handle.getSize());
        handle.read(bytes, { at: 0 });
        const scanned = scanSegment(bytes);
        const torn = this.tornAtStart.has(name) || scanned.end > scanned.validLength;
        if (scanned.end === 0 && !torn) continue;
        out.push({ name, text: scanned.text, torn });
      } finally {
        if (!own) handle.close();
      }
    }
    return out;
  }

  /** Releases the open segment (the worker is going away). */
  close(): void {
    this.current?.handle.close();
    this.current = undefined;
    this.started = undefined;
  }

  private async moveTo(n: number, atLeast: number): Promise<Current> {
    const handle = await this.allocate(n, Math.max(this.limits.bytes, atLeast));
    this.current?.handle.close();
    this.current = { n, handle, pos: 0, size: handle.getSize() };
    return this.current;
  }

  /** Opens segment n, writing zeros into it first unless it is a spare large enough (writing, not just sizing: the disk must give the blocks now). */
  private async allocate(n: number, bytes: number): Promise<SegmentHandle> {
    const name = segmentFileName(n);
    const existed = (await this.folder.names()).includes(name);
    const handle = await this.folder.open(name, true);
    try {
      if (handle.getSize() < bytes) {
        const written = handle.write(new Uint8Array(bytes), { at: 0 });
        if (written !== bytes) throw new DOMException(`made ${written} of ${bytes} bytes`, 'QuotaExceededError');
        handle.flush();
      }
      return handle;
    } catch (err) {
      handle.close();
      if (!existed) await this.folder.remove(name).catch(() => undefined);
      throw err;
    }
  }
}
