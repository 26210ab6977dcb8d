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
  /**
   * Set when a write failed for space with the reserve already given back: nothing more is
   * written (database or journal) until a check finds room again. Measured on a 200 MB disk:
   * writes attempted on a full disk left the journal's own file index (a LevelDB the browser
   * keeps for the Origin Private File System) damaged, and the browser reset it at the next start.
   */
  blocked = false;
  private released = false;

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
      this.blocked = false;
      this.released = false;
      return 'ok';
    }
    await this.release();
    return 'short';
  }

  /** Gives the reserve back to the disk: the show's runway. */
  async release(): Promise<void> {
    this.released = true;
    await this.files.remove(RESERVE_FILE).catch(() => undefined);
  }

  /** Whether a write may go ahead: while blocked, the disk is asked again (space may have been freed). */
  async roomToWrite(): Promise<boolean> {
    return !this.blocked || (await this.check()) === 'ok';
  }

  /** A write failed for space: the first time, the reserve goes; after that, writing stops. */
  async fault(): Promise<void> {
    if (this.released) this.blocked = true;
    else await this.release();
  }

  private async tryWrite(name: string, bytes: number): Promise<boolean> {
    try {
      await this.files.replace(name, new Uint8Array(bytes));
      return true;
    } catch (err) {
      await this.files.remove(name).catch(() => undefined);
      if (storageFault(err)) return false;
      throw err;
    }
  }
}
