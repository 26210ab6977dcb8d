import type { JournalFiles } from './journal-files';
import { storageFault } from './storage-errors';

export const RESERVE_FILE = 'reserve.bin';
const PROBE_FILE = 'probe.bin';

export const HEADROOM = {
  /** Kept on disk beside the journal, and given up the moment the disk runs short. */
  reserveBytes: 16 * 1024 * 1024,
  /** Written and deleted at each check: if this much cannot be written, the disk is nearly full. */
  probeBytes: 1024 * 1024,
};

/**
 * Sees a full disk coming where navigator.storage.estimate() cannot: Chromium's estimate is a
 * quota, not the disk's free space (on these machines it stayed at 1 GB on a 200 MB disk filled
 * to the last megabyte). So each check writes a small probe file; and a reserve file (ballast)
 * is kept, deleted as soon as a probe or a write fails for space, so the show can go on being
 * recorded while the host frees space. Once space is back, the reserve is taken again.
 */
export class Headroom {
  constructor(
    private readonly files: JournalFiles,
    private readonly limits = HEADROOM,
  ) {}

  /** 'short' when the disk could not take the probe or the reserve could not be taken back. */
  async check(): Promise<'ok' | 'short'> {
    if ((await this.files.size(RESERVE_FILE)) < this.limits.reserveBytes) {
      if (!(await this.tryWrite(RESERVE_FILE, this.limits.reserveBytes))) return 'short';
    }
    if (await this.tryWrite(PROBE_FILE, this.limits.probeBytes)) {
      await this.files.remove(PROBE_FILE);
      return 'ok';
    }
    await this.release();
    return 'short';
  }

  /** Gives the reserve back to the disk (called on any write that failed for space). */
  async release(): Promise<void> {
    await this.files.remove(RESERVE_FILE).catch(() => undefined);
  }

  private async tryWrite(name: string, bytes: number): Promise<boolean> {
    try {
      await this.files.replace(name, '\0'.repeat(bytes));
      return true;
    } catch (err) {
      await this.files.remove(name).catch(() => undefined);
      if (storageFault(err)) return false;
      throw err;
    }
  }
}
