import { decodeSegment, encodeRecord, type JournalRecord } from './journal-format';
import type { JournalFiles } from './journal-files';
import type { SegmentSink } from './segment-link';

const SEGMENT = /^log-(\d{8})\.jsonl$/;
const segmentName = (n: number) => `log-${String(n).padStart(8, '0')}.jsonl`;

export interface JournalRead {
  records: JournalRecord[];
  segments: number;
  /** Segments that ended in a record cut short (dropped). */
  torn: string[];
  /** Whole records that failed their check, by segment and line (skipped). */
  damaged: { segment: string; line: number }[];
}

interface Waiting {
  text: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * The append-only journal. With a segment writer (Chromium: ./segment-journal.ts in a dedicated
 * worker), records are written in place into preallocated segments, which works on a full disk.
 * Without one (a browser with no offscreen documents), each batch is a new numbered file. Appends
 * are written one batch at a time, in order; appends asked for while one is being written go
 * together in the next batch. Reading returns the older files' records, then the segments'.
 */
export class Journal {
  private segment = 0;
  private opened: Promise<void> | undefined;
  private waiting: Waiting[] = [];
  private writing = false;
  /** Set when a write failed: the next one looks for the last file's number again. */
  private unsure = false;
  constructor(
    readonly files: JournalFiles,
    private readonly segments?: SegmentSink,
  ) {}

  /** Appends records and resolves once they are in the file; rejects if they could not be written. */
  append(records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const text = records.map(encodeRecord).join('');
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        try {
          await this.write(batch.map((w) => w.text).join(''));
          for (const w of batch) w.resolve();
        } catch (err) {
          this.unsure = true;
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(text: string): Promise<void> {
    if (this.segments) return this.segments.append(text);
    if (!this.opened || this.unsure) {
      this.opened = this.openLast();
      this.unsure = false;
    }
    await this.opened;
    // Each batch is a new file, never an existing one rewritten: the browser writes a file by
    // swapping a finished copy in, and on a full disk (measured, 200 MB) a failed swap lost the
    // file it replaced, with every record in it. A new file that fails loses only its own batch.
    this.segment += 1;
    await this.files.replace(segmentName(this.segment), text);
  }

  /** Finds the last file's number (a crash can leave a record cut short at its end: read drops it). */
  private async openLast(): Promise<void> {
    try {
      this.segment = (await this.segmentNumbers()).at(-1) ?? 0;
    } catch (err) {
      this.opened = undefined;
      throw err;
    }
  }

  private async segmentNumbers(): Promise<number[]> {
    return (await this.files.list())
      .map((n) => SEGMENT.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  /** Whether the journal holds anything at all (cheap: no segment is read). */
  async isEmpty(): Promise<boolean> {
    if ((await this.segmentNumbers()).length > 0) return false;
    return !this.segments || (await this.segments.read()).every((s) => s.text === '' && !s.torn);
  }

  /** Every record, in the order written, with what had to be dropped. */
  async readAll(): Promise<JournalRead> {
    const read: JournalRead = { records: [], segments: 0, torn: [], damaged: [] };
    for (const n of await this.segmentNumbers()) {
      const name = segmentName(n);
      const decoded = decodeSegment(await this.files.read(name));
      read.segments += 1;
      read.records.push(...decoded.records);
      if (decoded.torn) read.torn.push(name);
      for (const line of decoded.damaged) read.damaged.push({ segment: name, line });
    }
    for (const segment of this.segments ? await this.segments.read() : []) {
      const decoded = decodeSegment(segment.text);
      read.segments += 1;
      read.records.push(...decoded.records);
      if (segment.torn || decoded.torn) read.torn.push(segment.name);
      for (const line of decoded.damaged) read.damaged.push({ segment: segment.name, line });
    }
    return read;
  }
}
