import { describe, expect, it } from 'vitest';
import type { PortLike } from '../../lib/messaging/port';
import { encodeRecord } from '../../lib/safety/journal-format';
import { SegmentJournal } from '../../lib/safety/segment-journal';
import { SegmentLink } from '../../lib/safety/segment-link';
import { SegmentReply, SegmentRequest } from '../../lib/safety/segment-protocol';
import { serveSegments, type WorkerScope } from '../../lib/safety/segment-worker';
import { storageFault } from '../../lib/safety/storage-errors';
import { memorySegments } from '../helpers/memory-segments';

/** A port whose other end is the test: it sees each request and answers as the worker would. */
function fakePort(answer: (req: SegmentRequest, reply: (m: unknown) => void) => void) {
  const listeners: ((m: unknown) => void)[] = [];
  const gone: (() => void)[] = [];
  const sent: SegmentRequest[] = [];
  const port: PortLike = {
    postMessage(m) {
      const req = SegmentRequest.parse(m);
      sent.push(req);
      answer(req, (reply) => queueMicrotask(() => listeners.forEach((l) => l(reply))));
    },
    onMessage: { addListener: (l) => void listeners.push(l) },
    onDisconnect: { addListener: (l) => void gone.push(l) },
  };
  return { port, sent, disconnect: () => gone.forEach((g) => g()) };
}

describe('the background’s link to the journal’s writer', () => {
  it('matches answers to requests by id, even out of order, and ignores malformed ones', async () => {
    const held: [SegmentRequest, (m: unknown) => void][] = [];
    const fake = fakePort((req, reply) => held.push([req, reply]));
    const link = new SegmentLink(async () => fake.port);
    const a = link.append('a\n');
    const b = link.read();
    await expect.poll(() => held.length).toBe(2);
    held[1][1]({ id: held[1][0].id, ok: true, segments: [{ name: 'seg-00000001.bin', text: 'x\n', torn: false }] });
    held[1][1]({ id: held[0][0].id, ok: 'yes' });
    held[0][1]({ id: held[0][0].id, ok: true });
    await expect(b).resolves.toEqual([{ name: 'seg-00000001.bin', text: 'x\n', torn: false }]);
    await expect(a).resolves.toBeUndefined();
    expect(fake.sent.map((r) => r.op)).toEqual(['append', 'read']);
  });

  it('names the writer’s error, so a full disk reaches the host as "the disk is full"', async () => {
    const fake = fakePort((req, reply) => reply({ id: req.id, ok: false, name: 'QuotaExceededError', message: 'no room' }));
    const err = await new SegmentLink(async () => fake.port).append('a\n').catch((e: unknown) => e);
    expect(storageFault(err)).toBe('disk-full');
  });

  it('gives up on a writer that does not answer, fails what waited, and opens a new one for the next request', async () => {
    const ports = [fakePort(() => undefined), fakePort((req, reply) => reply({ id: req.id, ok: true }))];
    let opened = 0;
    const link = new SegmentLink(async () => ports[opened++].port, 20);
    const [first, second] = [link.append('a\n'), link.append('b\n')];
    expect(storageFault(await first.catch((e: unknown) => e))).toBe('storage-failed');
    expect(storageFault(await second.catch((e: unknown) => e))).toBe('storage-failed');
    await expect(link.append('a\n')).resolves.toBeUndefined();
    expect(opened).toBe(2);
  });

  it('fails what was waiting when the writer goes away, and opens a new one for the next request', async () => {
    const ports = [fakePort(() => undefined), fakePort((req, reply) => reply({ id: req.id, ok: true }))];
    let opened = 0;
    const link = new SegmentLink(async () => ports[opened++].port);
    const waiting = link.append('a\n');
    await expect.poll(() => ports[0].sent.length).toBe(1);
    ports[0].disconnect();
    expect(storageFault(await waiting.catch((e: unknown) => e))).toBe('storage-failed');
    await expect(link.append('a\n')).resolves.toBeUndefined();
    expect(opened).toBe(2);
  });
});

describe('the worker’s side: requests answered in order', () => {
  it('appends fired at once are written in the order sent; malformed requests get no answer; a full disk is named', async () => {
    const disk = memorySegments();
    const replies: unknown[] = [];
    const scope: WorkerScope = { postMessage: (m) => void replies.push(m), onmessage: null };
    serveSegments(scope, new SegmentJournal(disk.folder, { bytes: 4096, spareWhenLeft: 512 }));
    const send = (data: unknown) => scope.onmessage!(new MessageEvent('message', { data }));
    const line = (n: number) => encodeRecord({ k: 'end', sessionId: `s${n}`, endedAt: n });
    for (let n = 1; n <= 5; n++) send({ id: n, op: 'append', text: line(n) });
    send({ id: 6, op: 'drop-everything' });
    send({ id: 7, op: 'read' });
    await expect.poll(() => replies.length).toBe(6);
    expect(replies.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((id) => ({ id, ok: true })));
    const read = SegmentReply.parse(replies[5]);
    expect(read.ok && read.segments?.[0].text).toBe([1, 2, 3, 4, 5].map(line).join(''));

    disk.state.full = true;
    send({ id: 8, op: 'append', text: line(8).repeat(100) });
    await expect.poll(() => replies.length).toBe(7);
    expect(replies[6]).toMatchObject({ id: 8, ok: false, name: 'QuotaExceededError' });
  });
});
