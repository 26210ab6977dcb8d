import { describe, expect, it } from 'vitest';
import { UpfrontError } from '../../lib/errors';
import { asStorageError, storageFault } from '../../lib/safety/storage-errors';
import { RESERVE_FILE, Headroom } from '../../lib/safety/headroom';
import { STORAGE_LIMITS, addSample, assessStorage, withDisk } from '../../lib/safety/storage-trend';
import { memoryFiles } from '../helpers/memory-files';
import { autoSaveName } from '../../lib/safety/auto-save';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('storage check', () => {
  it('is ok with room and no shrinking', () => {
    const s = assessStorage([{ at: 0, usage: 10 * MB, quota: 5 * GB }]);
    expect(s.level).toBe('ok');
    expect(s.minutesLeft).toBeUndefined();
  });

  it('warns when little is left, and says it is urgent when almost nothing is', () => {
    expect(assessStorage([{ at: 0, usage: 0, quota: STORAGE_LIMITS.lowBytes - 1 }]).level).toBe('low');
    expect(assessStorage([{ at: 0, usage: 0, quota: STORAGE_LIMITS.criticalBytes - 1 }]).level).toBe('critical');
  });

  it('warns from the pace: plenty left, but a recording filling it within the hour', () => {
    // 3 GB free, shrinking 60 MB a minute (a local recording): about 51 minutes left.
    let samples = addSample([], { at: 0, usage: 0, quota: 3 * GB + 5 * 60 * MB });
    samples = addSample(samples, { at: 5 * 60_000, usage: 0, quota: 3 * GB });
    const s = assessStorage(samples);
    expect(s.dropPerMinute).toBeCloseTo(60 * MB, -3);
    expect(s.minutesLeft).toBeGreaterThan(50);
    expect(s.minutesLeft).toBeLessThan(52);
    expect(s.level).toBe('low');
  });

  it('does not read a pace from readings too close together', () => {
    const samples = [
      { at: 0, usage: 0, quota: 3 * GB },
      { at: 30_000, usage: 0, quota: 3 * GB - 500 * MB },
    ];
    expect(assessStorage(samples).level).toBe('ok');
  });

  it('keeps the last readings only, in time order', () => {
    let samples: { at: number; usage: number; quota: number }[] = [];
    for (let i = 20; i > 0; i--) samples = addSample(samples, { at: i, usage: 0, quota: 1 });
    expect(samples).toHaveLength(STORAGE_LIMITS.keep);
    expect(samples.map((s) => s.at)).toEqual([...samples.map((s) => s.at)].sort((a, b) => a - b));
    expect(samples.at(-1)!.at).toBe(20);
  });
});

describe('storage errors by name', () => {
  it('names a full disk, wrapped or not', () => {
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(storageFault(quota)).toBe('disk-full');
    expect(storageFault({ name: 'AbortError', message: 'aborted', inner: quota })).toBe('disk-full');
    const e = asStorageError({ name: 'AbortError', message: 'x', inner: quota });
    expect(e).toBeInstanceOf(UpfrontError);
    expect((e as UpfrontError).code).toBe('disk-full');
  });

  it('names a broken backing store', () => {
    expect(storageFault({ name: 'OpenFailedError', message: 'x', inner: { name: 'UnknownError', message: 'Internal error opening backing store for indexedDB.open.' } })).toBe('storage-failed');
  });

  it("leaves Upfront's own errors and programming errors alone", () => {
    const own = new UpfrontError('session-ended');
    expect(asStorageError(own)).toBe(own);
    const bug = new TypeError('x is undefined');
    expect(asStorageError(bug)).toBe(bug);
  });
});

describe('automatic copy file names', () => {
  it('are safe file names that say when and who', () => {
    const name = autoSaveName({ id: 'abcdef12-3456', host: 'Ana / "Live" 安娜', startedAt: Date.UTC(2026, 11, 6, 10, 5) } as never);
    expect(name).toMatch(/^Upfront\/upfront-log-2026-12-06-\d{4}-Ana-Live-abcdef12\.json$/);
  });
});

describe('headroom: a probe and a reserve on the disk itself', () => {
  const limits = { reserveBytes: 1000, probeBytes: 100 };

  it('keeps a reserve while there is room, and reports ok', async () => {
    const disk = memoryFiles();
    disk.state.capacity = 5000;
    const h = new Headroom(disk.api, limits);
    expect(await h.check()).toBe('ok');
    expect(await disk.api.size(RESERVE_FILE)).toBe(1000);
    expect(await disk.api.size('probe.bin')).toBe(0);
  });

  it('reports a disk short of space and gives the reserve back, then takes it again once space is freed', async () => {
    const disk = memoryFiles();
    disk.state.capacity = 5000;
    const h = new Headroom(disk.api, limits);
    expect(await h.check()).toBe('ok');
    disk.files.set('someone-elses-recording', 'x'.repeat(3950)); // the disk fills up
    expect(await h.check()).toBe('short');
    expect(await disk.api.size(RESERVE_FILE)).toBe(0); // 1000 bytes back for the show's writes
    disk.files.delete('someone-elses-recording'); // the host frees space
    expect(await h.check()).toBe('ok');
    expect(await disk.api.size(RESERVE_FILE)).toBe(1000);
  });

  it('makes a disk short of space critical, whatever the quota says', () => {
    const roomy = assessStorage([{ at: 0, usage: 0, quota: 10 * GB }]);
    expect(withDisk(roomy, 'short')).toMatchObject({ level: 'critical', diskShort: true });
    expect(withDisk(roomy, 'ok')).toEqual(roomy);
  });
});
