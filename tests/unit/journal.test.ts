import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { UpfrontDb } from '../../lib/db/database';
import type { RecordInput } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { UpfrontError } from '../../lib/errors';
import { checkChain } from '../../lib/evidence/chain';
import { Journal } from '../../lib/safety/journal';
import { decodeSegment, encodeRecord, journalRecordJsonSchemaText } from '../../lib/safety/journal-format';
import { JournaledRepository } from '../../lib/safety/journaled-repository';
import { replay } from '../../lib/safety/replay';
import { compareWithDatabase, restoreSessions } from '../../lib/safety/restore';
import { memoryFiles } from '../helpers/memory-files';
import { NOW, freshRepo, storedEvents } from './helpers';
import { ROOT } from './studio-helpers';

const HOODIE = 'demo-card-hoodie';
const COVER = 'demo-card-cushion-cover';

let db: UpfrontDb;
let disk: ReturnType<typeof memoryFiles>;
let journal: Journal;
let repo: JournaledRepository;

beforeEach(async () => {
  ({ db } = freshRepo());
  disk = memoryFiles();
  journal = new Journal(disk.api);
  repo = new JournaledRepository(db, journal, () => NOW);
  await repo.putDeckBundle(demoBundle(NOW));
});

const live = (id = 'session-1', host = 'Ana 安娜') =>
  repo.startSession({ id, deckId: 'demo-deck', host, platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });

const said = (id: string, over: Partial<RecordInput> = {}): RecordInput => ({
  id,
  sessionId: 'session-1',
  cardId: HOODIE,
  item: { kind: 'caveat', id: 'demo-caveat-wash' },
  language: 'en',
  action: 'said',
  now: NOW + 60_000,
  ...over,
});

async function replayed() {
  return replay((await journal.readAll()).records);
}

describe('journal: append and replay', () => {
  it('holds every committed event, the session and its end, and replays to the same chain as the database', async () => {
    await live();
    for (let i = 1; i <= 9; i++) await repo.recordEvent(said(`e${i}`, { cardId: i % 2 ? HOODIE : COVER, item: i % 2 ? { kind: 'caveat', id: 'demo-caveat-wash' } : { kind: 'caveat', id: 'demo-caveat-depth' }, now: NOW + i * 1000 }));
    await repo.endSession('session-1', NOW + 20_000);
    const r = await replayed();
    const j = r.sessions.get('session-1')!;
    const held = (await storedEvents(db)).sort((a, b) => a.seq - b.seq);
    expect(j.events).toEqual(held);
    expect(j.session).toEqual(await db.sessions.get('session-1'));
    expect(checkChain(j.session, j.events, j.session.head)).toBeNull();
    // Both cards' snapshots are there, so a rebuilt log verifies in full.
    expect([...r.snapshots.keys()].sort()).toEqual([...new Set(held.map((e) => e.cardHash))].sort());
    expect(r.problems).toEqual([]);
  });

  it('never rewrites a file it wrote: each batch is a new file', async () => {
    await live();
    for (let i = 1; i <= 10; i++) await repo.recordEvent(said(`e${i}`, { now: NOW + i }));
    const written = new Map<string, string>(disk.files);
    await repo.recordEvent(said('e11', { now: NOW + 11 }));
    for (const [name, text] of written) expect(disk.files.get(name)).toBe(text);
    expect([...disk.files.keys()].filter((n) => n.startsWith('log-'))).toHaveLength(written.size + 1);
    expect((await replayed()).sessions.get('session-1')!.events).toHaveLength(11);
  });

  it('keeps non-Latin text exactly (lines are ASCII, so lengths are bytes)', async () => {
    await live('session-1', '李娜 · Ана');
    await repo.recordEvent(said('e1'));
    const text = [...disk.files.values()].join('');
    expect([...text].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
    expect((await replayed()).sessions.get('session-1')!.session.host).toBe('李娜 · Ана');
  });

  it('answers clicks fired at once with one chain, and writes them in fewer batches than clicks', async () => {
    await live();
    disk.state.delayMs = 5; // a file write takes a while: clicks committed meanwhile wait for the next one
    const events = await Promise.all(Array.from({ length: 12 }, (_, i) => repo.recordEvent(said(`c${i}`, { now: NOW + i }))));
    expect(new Set(events.map((e) => e.seq)).size).toBe(12);
    const j = (await replayed()).sessions.get('session-1')!;
    expect(j.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(checkChain(j.session, j.events, (await db.sessions.get('session-1'))!.head)).toBeNull();
    expect(disk.state.writes.length - 1).toBeLessThan(12);
  });
});

describe('journal: torn and damaged records', () => {
  it('detects a last record cut short (power loss mid-append), drops it, and appends after it cleanly', async () => {
    await live();
    await repo.recordEvent(said('e1'));
    await repo.recordEvent(said('e2', { now: NOW + 61_000 }));
    const last = [...disk.files.keys()].filter((n) => n.startsWith('log-')).sort().at(-1)!;
    const text = disk.files.get(last)!;
    disk.files.set(last, text.slice(0, text.length - 40)); // the end of e2's line never reached the disk
    const read = await journal.readAll();
    expect(read.torn).toEqual([last]);
    const j = replay(read.records).sessions.get('session-1')!;
    expect(j.events.map((e) => e.id)).toEqual(['e1']);

    // A new writer (the worker restarted) writes after it, in a file of its own.
    const reopened = new JournaledRepository(db, new Journal(disk.api), () => NOW);
    await reopened.recordEvent(said('e3', { now: NOW + 62_000 }));
    const again = await reopened.journal.readAll();
    expect(again.torn).toEqual([last]);
    expect(again.records.some((r) => r.k === 'event' && r.event.id === 'e3')).toBe(true);
    // e2 is in the database but its journal copy was torn: reported as the journal being behind.
    const jr = replay(again.records);
    expect(jr.sessions.get('session-1')!.events.map((e) => e.id)).toEqual(['e1']);
    expect(jr.sessions.get('session-1')!.broken?.code).toBe('seq');
    const compared = await compareWithDatabase(db, jr);
    expect(compared.disagreements).toEqual([expect.objectContaining({ sessionId: 'session-1', kind: 'journal-behind', seq: 2 })]);
  });

  it('reports a damaged record in the middle of a segment by its line and skips it', () => {
    const a = encodeRecord({ k: 'end', sessionId: 's1', endedAt: 1 });
    const b = encodeRecord({ k: 'end', sessionId: 's2', endedAt: 2 });
    const c = encodeRecord({ k: 'end', sessionId: 's3', endedAt: 3 });
    const decoded = decodeSegment(a + b.replace('s2', 'sX') + c);
    expect(decoded.records.map((r) => (r.k === 'end' ? r.sessionId : ''))).toEqual(['s1', 's3']);
    expect(decoded.damaged).toEqual([2]);
    expect(decoded.torn).toBe(false);
  });
});

describe('journal: replay is idempotent', () => {
  it('counts a record seen twice once, and a restore run twice adds nothing the second time', async () => {
    await live();
    for (let i = 1; i <= 5; i++) await repo.recordEvent(said(`e${i}`, { now: NOW + i }));
    // A retry journals its event again; a restarted worker journals the session's header again.
    await repo.recordEvent(said('e3', { now: NOW + 3 }));
    const records = (await journal.readAll()).records;
    expect(replay([...records, ...records])).toEqual(replay(records));

    const target = freshRepo().db;
    const first = await restoreSessions(target, replay(records));
    expect(first).toMatchObject({ sessions: 1, events: 5 });
    const second = await restoreSessions(target, replay(records));
    expect(second).toMatchObject({ sessions: 0, events: 0, disagreements: [] });
    expect(await storedEvents(target)).toHaveLength(5);
  });

  it('reports the same event id journaled with two different contents, and keeps the first', async () => {
    await live();
    const e = await repo.recordEvent(said('e1'));
    const records = (await journal.readAll()).records;
    const forged = { k: 'event' as const, event: { ...e, at: e.at + 1 } };
    const r = replay([...records, forged]);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'event-conflict', eventId: 'e1' }));
    expect(r.sessions.get('session-1')!.events).toEqual([e]);
  });
});

describe('journal and database disagree', () => {
  it('reports an event the database holds differently, and never overwrites it', async () => {
    await live();
    await repo.recordEvent(say(1));
    await repo.recordEvent(say(2));
    const journalled = await replayed();
    // Someone edits the database's second event (the chain hash no longer matches the journal's).
    const held = (await storedEvents(db)).find((e) => e.seq === 2)!;
    await db.events.put({ ...held, hash: 'f'.repeat(64) });
    const compared = await compareWithDatabase(db, journalled);
    expect(compared.disagreements).toEqual([expect.objectContaining({ sessionId: 'session-1', kind: 'different-event', seq: 2 })]);
    const restored = await restoreSessions(db, journalled);
    expect(restored.events).toBe(0);
    expect(restored.disagreements).toHaveLength(1);
    expect((await db.events.get(held.id))!.hash).toBe('f'.repeat(64));
  });

  function say(i: number) {
    return said(`d${i}`, { now: NOW + i });
  }
});

describe('journal failures reach the host by name, and a retry completes', () => {
  it('fails the click with "disk-full" when the journal cannot take it, and the retry journals the committed event once', async () => {
    await live();
    disk.state.failNext = 1;
    const err = await repo.recordEvent(said('e1')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpfrontError);
    expect((err as UpfrontError).code).toBe('disk-full');
    expect(repo.health.failing).toBe('disk-full');
    // The database committed it; the retry (same id) finds it and journals it.
    const retry = await repo.recordEvent(said('e1', { now: NOW + 99_000 }));
    expect(retry.seq).toBe(1);
    expect(repo.health.failing).toBeUndefined();
    const j = (await replayed()).sessions.get('session-1')!;
    expect(j.events.map((e) => e.id)).toEqual(['e1']);
  });

  it('never fails Go live or End session for the journal: their records go with the next append', async () => {
    disk.state.failNext = 1;
    await live();
    disk.state.failNext = 1;
    await repo.endSession('session-1', NOW + 5_000);
    await live('session-2');
    const r = await replayed();
    expect(r.sessions.get('session-1')!.session.endedAt).toBe(NOW + 5_000);
    expect(r.sessions.get('session-2')).toBeDefined();
  });
});

describe('the journal format is documented', () => {
  const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

  it('docs/schema/journal-record.schema.json matches the zod schema (npm run docs)', () => {
    expect(read('docs/schema/journal-record.schema.json')).toBe(journalRecordJsonSchemaText());
  });

  it('docs/examples/journal-segment.jsonl (written by the real journal) replays to an ended show whose chain verifies', () => {
    const decoded = decodeSegment(read('docs/examples/journal-segment.jsonl'));
    expect(decoded).toMatchObject({ torn: false, damaged: [] });
    const r = replay(decoded.records);
    expect(r.problems).toEqual([]);
    const j = r.sessions.get('example-show')!;
    expect(j.events).toHaveLength(2);
    expect(j.session.endedAt).toBeDefined();
    expect(checkChain(j.session, j.events, j.session.head)).toBeNull();
  });
});
