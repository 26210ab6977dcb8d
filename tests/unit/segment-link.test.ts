import { describe, expect, it } from 'vitest';
import type { PortLike } from '../../lib/messaging/port';
import { SegmentLink } from '../../lib/safety/segment-link';
import { SegmentRequest } from '../../lib/safety/segment-protocol';
import { storageFault } from '../../lib/safety/storage-errors';

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
