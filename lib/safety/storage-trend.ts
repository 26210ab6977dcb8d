/** One reading of navigator.storage.estimate(). */
export interface StorageSample {
  at: number;
  usage: number;
  quota: number;
}

export type StorageLevel = 'ok' | 'low' | 'critical';

export interface StorageStatus {
  level: StorageLevel;
  /** Bytes the browser would still let Upfront write (quota − usage). */
  free: number;
  usage: number;
  quota: number;
  /** How fast free space has been shrinking, in bytes per minute (0 when steady or growing). */
  dropPerMinute: number;
  /** Minutes until nothing is left at that pace; undefined when it is not shrinking. */
  minutesLeft?: number;
  /** The disk itself ran short (lib/safety/headroom.ts): free and the pace above are the quota's, not the disk's. */
  diskShort?: boolean;
}

/** The status with the disk's own answer: a disk short of space is critical whatever the quota says. */
export function withDisk(status: StorageStatus, disk: 'ok' | 'short'): StorageStatus {
  return disk === 'short' ? { ...status, level: 'critical', diskShort: true } : status;
}

/**
 * The room the rest of a long show needs. A disclosure costs a few kilobytes in the database and
 * the journal together; what fills a host's disk is everything else (a local recording writes
 * gigabytes an hour), so the pace at which free space shrinks matters as much as what is left.
 */
export const STORAGE_LIMITS = {
  /** Warn below this much free space, whatever the pace. */
  lowBytes: 64 * 1024 * 1024,
  /** Say it is urgent below this. */
  criticalBytes: 16 * 1024 * 1024,
  /** Warn when the disk would be full within this many minutes at the current pace… */
  lowMinutes: 60,
  /** …and say it is urgent within this many. */
  criticalMinutes: 10,
  /** The pace is read over at least this many minutes of readings (a shorter span is noise). */
  paceMinutes: 2,
  /** Readings kept for the pace: the last quarter of an hour at one a minute. */
  keep: 16,
};

/** Adds a reading to those kept (oldest dropped), in time order. */
export function addSample(samples: StorageSample[], sample: StorageSample, keep = STORAGE_LIMITS.keep): StorageSample[] {
  return [...samples, sample].sort((a, b) => a.at - b.at).slice(-keep);
}

/** Reads the level from the kept readings (the last one is now). */
export function assessStorage(samples: StorageSample[], limits = STORAGE_LIMITS): StorageStatus {
  const last = samples.at(-1);
  if (!last) return { level: 'ok', free: Infinity, usage: 0, quota: Infinity, dropPerMinute: 0 };
  const free = Math.max(0, last.quota - last.usage);
  const first = samples[0];
  const minutes = (last.at - first.at) / 60_000;
  const drop = minutes >= limits.paceMinutes ? (first.quota - first.usage - free) / minutes : 0;
  const dropPerMinute = Math.max(0, drop);
  const minutesLeft = dropPerMinute > 0 ? free / dropPerMinute : undefined;
  const level: StorageLevel =
    free < limits.criticalBytes || (minutesLeft !== undefined && minutesLeft < limits.criticalMinutes)
      ? 'critical'
      : free < limits.lowBytes || (minutesLeft !== undefined && minutesLeft < limits.lowMinutes)
        ? 'low'
        : 'ok';
  return { level, free, usage: last.usage, quota: last.quota, dropPerMinute, ...(minutesLeft !== undefined && { minutesLeft }) };
}
