import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../../lib/evidence/chain';
import { verifyLogData, verifyLogText, type VerifyReport } from '../../lib/evidence/verify';
import { LogFile } from '../../lib/export/log-file';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import { SAMPLE_INSTALLATION, recordSampleShow } from '../../lib/sessions/sample';
import type { DisclosureEvent } from '../../lib/schema/session';
import { freshRepo } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** An export made by the real exporter from a show recorded by the real repository. */
let exported: string;
beforeAll(async () => {
  const { repo } = freshRepo();
  await recordSampleShow(repo);
  const sessions = (await repo.listSessions()).reverse();
  exported = await collect(logChunks(repositorySource(repo), { format: 'json', sessions, exportedAt: Date.UTC(2026, 10, 22), installation: SAMPLE_INSTALLATION, pageSize: 3 }));
});

type File = LogFile & { events: DisclosureEvent[] };
const copy = (): File => JSON.parse(exported) as File;
const rehash = (e: DisclosureEvent): DisclosureEvent => {
  const { hash: _h, ...rest } = e;
  return { ...rest, hash: eventHash(rest) };
};
const first = (r: VerifyReport) => r.problems[0];

describe('verify a JSON log', () => {
  it('accepts an untouched export, session by session', async () => {
    const r = await verifyLogText(exported);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.sessions.map((s) => [s.host, s.events])).toEqual([
      ['Lina', 6],
      ['小美', 2],
    ]);
  });

  it('accepts the file with a byte-order mark and re-indented (JSON formatting is not content)', async () => {
    expect((await verifyLogText(`\uFEFF${JSON.stringify(JSON.parse(exported))}`)).ok).toBe(true);
  });

  it.each([
    ['the action', (e: DisclosureEvent) => ({ ...e, action: 'shown' as const })],
    ['the time', (e: DisclosureEvent) => ({ ...e, at: e.at + 60_000 })],
    ['the offset', (e: DisclosureEvent) => ({ ...e, offsetMs: e.offsetMs + 1000 })],
    ['the item', (e: DisclosureEvent) => ({ ...e, item: { kind: 'caveat' as const, id: 'demo-caveat-depth' } })],
    ['the language', (e: DisclosureEvent) => ({ ...e, language: 'zh-CN' })],
    ['the card hash', (e: DisclosureEvent) => ({ ...e, cardHash: 'c'.repeat(64) })],
  ])('reports an edit of %s at that event', async (_what, edit) => {
    const f = copy();
    f.events[1] = edit(f.events[1]);
    const r = await verifyLogData(f);
    expect(r.ok).toBe(false);
    expect(first(r)).toMatchObject({ code: 'hash', path: 'events[1]', seq: 2, eventId: 'sample-event-002', sessionId: 'sample-session-lina' });
  });

  it('reports an edit whose hash was recomputed at the next event', async () => {
    const f = copy();
    f.events[1] = rehash({ ...f.events[1], action: 'shown' });
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'prev', path: 'events[2]', seq: 3 });
  });

  it('reports a deleted event where the gap is', async () => {
    const f = copy();
    f.events.splice(2, 1);
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'seq', path: 'events[2]', seq: 3, eventId: 'sample-event-004' });
  });

  it('reports a deleted last event against the session head', async () => {
    const f = copy();
    f.events.splice(5, 1); // Lina's last
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'head', sessionId: 'sample-session-lina', path: 'sessions[0].head' });
  });

  it('reports a cut tail even when the head and count were "fixed" too… at the count', async () => {
    const f = copy();
    f.events.splice(5, 1);
    f.sessions[0].head = f.events[4].hash;
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'head', path: 'sessions[0].lastSeq' });
  });

  it('reports an inserted event', async () => {
    const f = copy();
    const forged = rehash({ ...f.events[1], id: 'forged', seq: 2, prev: f.events[0].hash, item: { kind: 'caveat', id: 'never' } });
    f.events.splice(1, 0, forged);
    const r = await verifyLogData(f);
    expect(first(r)).toMatchObject({ code: 'seq', path: 'events[2]', seq: 3, eventId: 'sample-event-002' });
  });

  it('reports reordered events', async () => {
    const f = copy();
    [f.events[2], f.events[3]] = [f.events[3], f.events[2]];
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'seq', path: 'events[2]', seq: 3, eventId: 'sample-event-004' });
  });

  it('reports an event moved to another session', async () => {
    const f = copy();
    f.events[7] = { ...f.events[7], sessionId: 'sample-session-lina' };
    const r = await verifyLogData(f);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.sessionId)).toContain('sample-session-xiaomei');
  });

  it('reports an event copied twice', async () => {
    const f = copy();
    f.events.push(f.events[0]);
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'duplicate-event', path: 'events[8]' });
  });

  it('reports an edited card snapshot (the card text changed after the fact)', async () => {
    const f = copy();
    const snap = f.snapshots[0] as { hash: string; content: { card: { caveats: { text: Record<string, string> }[] } } };
    snap.content.card.caveats[0].text.en = 'Fits everything.';
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'snapshot-hash', path: 'snapshots[0]' });
  });

  it('reports a snapshot removed from the file', async () => {
    const f = copy();
    const removed = f.snapshots.shift()!;
    const r = await verifyLogData(f);
    expect(first(r)).toMatchObject({ code: 'snapshot-missing' });
    expect(f.events[r.problems[0].path ? Number(/\d+/.exec(r.problems[0].path)![0]) : -1].cardHash).toBe(removed.hash);
  });

  it('reports a field added to an event instead of dropping it silently', async () => {
    const f = copy();
    (f.events[0] as Record<string, unknown>).note = 'host said it twice';
    expect(first(await verifyLogData(f))).toMatchObject({ code: 'bad-shape', path: 'events[0]' });
  });

  it('refuses what is not a log', async () => {
    expect(first(await verifyLogText('{ nope'))).toMatchObject({ code: 'not-json' });
    expect(first(await verifyLogText('{"format":"other"}'))).toMatchObject({ code: 'not-a-log' });
    expect(first(await verifyLogText('{"format":"upfront-log","version":99}'))).toMatchObject({ code: 'unsupported-version' });
  });

  it('pauses between batches when asked (the studio repaints while a big file is checked)', async () => {
    let pauses = 0;
    const r = await verifyLogText(exported, { yieldEvery: 1, pause: async () => void (pauses += 1) });
    expect(r.ok).toBe(true);
    expect(pauses).toBeGreaterThan(0);
  });
});

describe('the sample log in docs/examples', () => {
  it('was made by the exporter and verifies', async () => {
    const text = readFileSync(path.join(ROOT, 'docs/examples/sample-log.json'), 'utf8');
    const r = await verifyLogText(text);
    expect(r.problems).toEqual([]);
    expect(r.version).toBe(2);
    const log = LogFile.parse(JSON.parse(text));
    expect(log.events.map((e) => e.action)).toEqual(expect.arrayContaining(['shown', 'said', 'correction', 'skipped']));
    expect(log.sessions.find((s) => s.endReason === 'auto')?.endNote).toMatch(/Ended automatically/);
  });

  it('has a CSV twin with one row per event of the JSON', () => {
    const csv = readFileSync(path.join(ROOT, 'docs/examples/sample-log.csv'), 'utf8');
    const json = JSON.parse(readFileSync(path.join(ROOT, 'docs/examples/sample-log.json'), 'utf8')) as File;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.event_id)).toEqual(json.events.map((e) => e.id));
    expect(rows.map((r) => r.hash)).toEqual(json.events.map((e) => e.hash));
  });
});
