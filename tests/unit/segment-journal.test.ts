import { beforeEach, describe, expect, it } from 'vitest';
import type { UpfrontDb } from '../../lib/db/database';
import { demoBundle } from '../../lib/demo/deck';
import { checkChain } from '../../lib/evidence/chain';
import { Journal } from '../../lib/safety/journal';
import { encodeRecord } from '../../lib/safety/journal-format';
import { JournaledRepository } from '../../lib/safety/journaled-repository';
import { replay } from '../../lib/safety/replay';
import { asciiBytes, scanSegment, segmentFileName } from '../../lib/safety/segment-format';
import { SegmentJournal } from '../../lib/safety/segment-journal';
import type { SegmentSink } from '../../lib/safety/segment-link';
import { storageFault } from '../../lib/safety/storage-errors';
import { memoryFiles } from '../helpers/memory-files';
import { memorySegments } from '../helpers/memory-segments';
import { NOW, freshRepo, storedEvents } from './helpers';

const LIMITS = { bytes: 64 * 1024, spareWhenLeft: 16 * 1024 };
const SEG1 = segmentFileName(1);

let db: UpfrontDb;
let disk: ReturnType<typeof memorySegments>;
let writer: SegmentJournal;
let repo: JournaledRepository;

/** The worker's writer called directly (the port between them is tested in segment-link.test.ts). */
const sink = (w: () => SegmentJournal): SegmentSink => ({ append: (text) => w().append(text), read: () => w().readAll() });

beforeEach(async () => {
  ({ db } = freshRepo());
  disk = memorySegments();
  writer = new SegmentJournal(disk.folder, LIMITS);
  repo = new JournaledRepository(db, new Journal(memoryFiles().api, sink(() => writer)), () => NOW);
  await repo.putDeckBundle(demoBundle(NOW));
  await repo.startSession({ id: 's1', deckId: 'demo-deck', host: 'Ana 安娜', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
});

const click = (i: number) =>
  repo.recordEvent({ id: `e${i}`, sessionId: 's1', cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: i % 2 ? 'said' : 'skipped', now: NOW + i * 1000 });

/** A browser restart: the worker's writer is made again over the same files. */
function restart() {
  writer.close();
  writer = new SegmentJournal(disk.folder, LIMITS);
  return new Journal(memoryFiles().api, sink(() => writer));
}

describe('journal segments: records written in place', () => {
  it('appends into one preallocated segment without growing it, and replays to the database’s chain', async () => {
    for (let i = 1; i <= 6; i++) await click(i);
    expect([...disk.files.keys()]).toEqual([SEG1]);
    expect(disk.files.get(SEG1)!.length).toBe(LIMITS.bytes);
    // Each append is flushed before it is acknowledged.
    expect(disk.state.flushes).toBeGreaterThanOrEqual(7);
    const read = await restart().readAll();
    const j = replay(read.records).sessions.get('s1')!;
    expect(j.events).toEqual((await storedEvents(db)).sort((a, b) => a.seq - b.seq));
    expect(checkChain(j.session, j.events, j.session.head)).toBeNull();
    expect(read.torn).toEqual([]);
  });

  it('keeps clicks fired at once apart: each is written whole, none over another', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        repo.recordEvent({ id: `c${i}`, sessionId: 's1', cardId: i < 5 ? 'demo-card-hoodie' : 'demo-card-cushion-cover', item: { kind: 'caveat', id: i < 5 ? 'demo-caveat-wash' : 'demo-caveat-depth' }, language: 'en', action: 'said', now: NOW + i }),
      ),
    );
    const read = await restart().readAll();
    expect(read.damaged).toEqual([]);
    expect(read.torn).toEqual([]);
    const j = replay(read.records).sessions.get('s1')!;
    expect(j.events).toEqual((await storedEvents(db)).sort((a, b) => a.seq - b.seq));
    expect(j.events).toHaveLength(10);
  });

  it('goes on taking records on a full disk, into the bytes it already holds', async () => {
    await click(1);
    disk.state.full = true;
    for (let i = 2; i <= 4; i++) await click(i);
    const j = replay((await restart().readAll()).records).sessions.get('s1')!;
    expect(j.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('drops a record cut short at the end (power lost mid-write), reports it, and writes the next one in its place', async () => {
    await click(1);
    await click(2);
    const bytes = disk.files.get(SEG1)!;
    const end = scanSegment(bytes).validLength;
    const cut = encodeRecord({ k: 'end', sessionId: 's1', endedAt: NOW + 9000 }).slice(0, 30);
    bytes.set(asciiBytes(cut), end);

    const journal = restart();
    const read = await journal.readAll();
    expect(read.torn).toEqual([SEG1]);
    expect(read.damaged).toEqual([]);
    expect(replay(read.records).sessions.get('s1')!.events.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(read.records.some((r) => r.k === 'end')).toBe(false);
    // The cut bytes were zeroed: the next record starts where they were, and reads back whole.
    await journal.append([{ k: 'end', sessionId: 's1', endedAt: NOW + 10_000 }]);
    const after = scanSegment(disk.files.get(SEG1)!);
    expect(after.validLength).toBe(after.end);
    expect(after.records.at(-1)).toEqual({ k: 'end', sessionId: 's1', endedAt: NOW + 10_000 });
  });

  it('replays idempotently: a record written twice (a retry, a restarted worker) counts once', async () => {
    await click(1);
    const once = replay((await restart().readAll()).records);
    const journal = restart();
    const all = (await journal.readAll()).records;
    await journal.append(all);
    const twice = replay((await journal.readAll()).records);
    expect((await journal.readAll()).records.length).toBe(all.length * 2);
    expect(twice.sessions.get('s1')!.events).toEqual(once.sessions.get('s1')!.events);
    expect(twice.problems).toEqual(once.problems);
  });

  it('makes the next segment ahead while there is room, and moves into it on a full disk', async () => {
    const big = (i: number) => `${encodeRecord({ k: 'end', sessionId: `x${i}`, endedAt: NOW, endNote: 'n'.repeat(400) })}`;
    let i = 0;
    while (!disk.files.has(segmentFileName(2))) {
      await writer.append(big(i++));
      await writer.keepSpare();
    }
    // The spare is all zeros and is not read as a segment.
    expect((await writer.readAll()).map((s) => s.name)).toEqual([SEG1]);
    disk.state.full = true;
    const before = i;
    while (disk.files.get(segmentFileName(2))![0] === 0) await writer.append(big(i++));
    expect(i).toBeGreaterThan(before);
    const texts = await restart().readAll();
    expect(texts.records.length).toBe(i + 1); // and the session's header, from Go live
    expect(texts.segments).toBe(2);
  });

  it('fails an append with the disk’s own error when no segment has room and none can be made, keeping what it holds', async () => {
    await click(1);
    disk.state.full = true;
    const filler = encodeRecord({ k: 'end', sessionId: 'x', endedAt: NOW, endNote: 'n'.repeat(400) });
    let err: unknown;
    for (let i = 0; i < 200 && !err; i++) await writer.append(filler).catch((e: unknown) => (err = e));
    expect(storageFault(err)).toBe('disk-full');
    expect(disk.files.has(segmentFileName(2))).toBe(false);
    const read = await restart().readAll();
    expect(read.torn).toEqual([]);
    expect(replay(read.records).sessions.get('s1')!.events.map((e) => e.id)).toEqual(['e1']);
  });
});
