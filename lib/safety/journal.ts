import { decodeSegment, encodeRecord, type JournalRecord } from './journal-format';
import type { JournalFiles } from './journal-files';

const SEGMENT = /^log-(\d{8})\.jsonl$/;
const segmentName = (n: number) => `log-${String(n).padStart(8, '0')}.jsonl`;

export interface JournalLimits {
  /** Records per segment file: every append rewrites its segment, so it stays short. */
  records: number;
  /** Bytes per segment file (a card snapshot can be large). */
  bytes: number;
}

export const SEGMENT_LIMITS: JournalLimits = { records: 256, bytes: 512 * 1024 };

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
  count: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * The append-only journal: records in numbered segment files. Appends are written one batch at
 * a time, in order; appends asked for while one is being written go together in the next batch
 * (one file write for several clicks). Reading works at any time, whatever the writer does.
 */
export class Journal {
  private segment = 0;
  private count = 0;
  private bytes = 0;
  private opened: Promise<void> | undefined;
  private waiting: Waiting[] = [];
  private writing = false;
  /** Set when a write failed: the next one re-reads the segment's end before adding to it. */
  private unsure = false;
  /** Torn tails cut off when the writer opened (reported by the next recovery or check). */
  readonly repaired: string[] = [];

  constructor(
    readonly files: JournalFiles,
    private readonly limits: JournalLimits = SEGMENT_LIMITS,
  ) {}

  /** Appends records and resolves once they are in the file; rejects if they could not be written. */
  append(records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const text = records.map(encodeRecord).join('');
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ text, count: records.length, resolve, reject });
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
          await this.write(batch.map((w) => w.text).join(''), batch.reduce((n, w) => n + w.count, 0));
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

  private async write(text: string, count: number): Promise<void> {
    if (!this.opened || this.unsure) {
      this.opened = this.openLast();
      this.unsure = false;
    }
    await this.opened;
    if (this.segment === 0 || this.count >= this.limits.records || this.bytes + text.length > this.limits.bytes) {
      this.segment += 1;
      this.count = 0;
      this.bytes = 0;
    }
    await this.files.append(segmentName(this.segment), text);
    this.count += count;
    this.bytes += text.length;
  }

  /** Finds the last segment, and cuts off a record a crash left half-written at its end. */
  private async openLast(): Promise<void> {
    try {
      const numbers = await this.segmentNumbers();
      this.segment = numbers.at(-1) ?? 0;
      this.count = 0;
      this.bytes = 0;
      if (this.segment === 0) return;
      const name = segmentName(this.segment);
      const text = await this.files.read(name);
      const decoded = decodeSegment(text);
      if (decoded.torn) {
        await this.files.truncate(name, decoded.validLength);
        this.repaired.push(name);
      }
      this.count = decoded.records.length + decoded.damaged.length;
      this.bytes = decoded.validLength;
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
    return (await this.segmentNumbers()).length === 0;
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
    return read;
  }
}
