import { describe, expect, it } from 'vitest';
import { LoopCache } from '../../lib/returns/loop-cache';
import type { Loop } from '../../lib/returns/loop';

/** A cache whose builds read `data` (after a pause the test controls) and count themselves. */
function harness() {
  let data = 'v1';
  let builds = 0;
  const pauses: (() => void)[] = [];
  const cache: LoopCache = new LoopCache(async (graceMs, stale) => {
    builds += 1;
    const read = data;
    await new Promise<void>((resolve) => pauses.push(resolve));
    if (stale()) return cache.get(graceMs);
    return { graceMs, read } as unknown as Loop;
  });
  const release = async () => {
    while (pauses.length === 0) await Promise.resolve();
    pauses.shift()!();
  };
  return { cache, release, write: (v: string) => ((data = v), cache.invalidate()), builds: () => builds };
}

describe('LoopCache', () => {
  it('one build for requests at once; kept until invalidated', async () => {
    const h = harness();
    const [a, b] = [h.cache.get(1800), h.cache.get(1800)];
    await h.release();
    expect(await a).toBe(await b);
    expect(await h.cache.get(1800)).toBe(await a);
    expect(h.builds()).toBe(1);
    h.write('v2');
    const c = h.cache.get(1800);
    await h.release();
    expect(await c).toMatchObject({ read: 'v2' });
    expect(h.builds()).toBe(2);
  });

  it('a build whose data changed while it read starts again: its waiters get the new data', async () => {
    const h = harness();
    const early = h.cache.get(1800);
    h.write('v2');
    await h.release();
    await h.release();
    expect(await early).toMatchObject({ read: 'v2' });
    expect(h.builds()).toBe(2);
  });

  it('another grace window is another loop; a failed build is not kept', async () => {
    let fail = true;
    const cache = new LoopCache(async (graceMs) => {
      if (fail) throw new Error('disk');
      return { graceMs } as unknown as Loop;
    });
    await expect(cache.get(60)).rejects.toThrow('disk');
    fail = false;
    expect(await cache.get(60)).toMatchObject({ graceMs: 60 });
    expect(await cache.get(120)).toMatchObject({ graceMs: 120 });
    expect(cache.graceMs).toBe(120);
  });
});
