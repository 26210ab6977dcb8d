import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTimestampReply, requestTimestamp, stampedBytes, timestampRequest, verifyTimestampToken } from '../../lib/evidence/timestamp';
import { startTestTsa, type TestTsa } from '../helpers/tsa-server';

// A real TSA: `openssl ts -reply` over HTTP on 127.0.0.1 with a CA made for this run.
let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTestTsa('Upfront Test TSA');
});
afterAll(() => tsa.close());

const HEAD = 'a'.repeat(64);

describe('RFC 3161 time-stamps over a chain head', () => {
  it('gets a token from a real TSA that verifies for the stamped head, with the authority and its time', async () => {
    const before = Date.now() - 2000;
    const digest = stampedBytes('session-1', 12, HEAD);
    const reply = await requestTimestamp(tsa.url, digest);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.facts.authority).toBe('Upfront Test TSA, Upfront tests');
    expect(reply.facts.genTime).toBeGreaterThanOrEqual(before);
    expect(reply.facts.genTime).toBeLessThanOrEqual(Date.now() + 2000);
    const again = await verifyTimestampToken(reply.token, digest);
    expect(again).toMatchObject({ ok: true, authority: 'Upfront Test TSA, Upfront tests', genTime: reply.facts.genTime });
  });

  it('fails a token for another head, another position or another session (the log was changed after it was stamped)', async () => {
    const reply = await requestTimestamp(tsa.url, stampedBytes('session-1', 12, HEAD));
    if (!reply.ok) throw new Error(reply.detail);
    for (const [sid, seq, head] of [['session-1', 12, 'b'.repeat(64)], ['session-1', 13, HEAD], ['session-2', 12, HEAD]] as const) {
      const check = await verifyTimestampToken(reply.token, stampedBytes(sid, seq, head));
      expect(check).toMatchObject({ ok: false, code: 'imprint' });
    }
  });

  it('fails a token whose signed content was altered, with a clear code', async () => {
    const digest = stampedBytes('session-1', 3, HEAD);
    const reply = await requestTimestamp(tsa.url, digest);
    if (!reply.ok) throw new Error(reply.detail);
    // The last bytes of the token are the signer's signature value.
    const bad = Uint8Array.from(reply.token);
    bad[bad.length - 5] ^= 0x01;
    const check = await verifyTimestampToken(bad, digest);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(['signature', 'malformed']).toContain(check.code);
  });

  it('refuses a reply to another request (nonce) and a refusal from the authority', async () => {
    const digest = stampedBytes('s', 1, HEAD);
    const nonce = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const res = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(timestampRequest(digest, nonce)) });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect((await readTimestampReply(bytes, digest, nonce)).ok).toBe(true);
    expect(await readTimestampReply(bytes, digest, new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]))).toMatchObject({ ok: false, code: 'nonce' });
    tsa.failWith = 503;
    try {
      expect(await requestTimestamp(tsa.url, digest)).toMatchObject({ ok: false, code: 'rejected' });
    } finally {
      tsa.failWith = 0;
    }
  });

  it('sends a nonce the authority accepts whatever its first byte (a leading zero is not minimal DER)', async () => {
    const digest = stampedBytes('s', 1, HEAD);
    for (const first of [0x00, 0x80, 0x7f]) {
      const nonce = new Uint8Array([first, 0x01, 2, 3, 4, 5, 6, 7]);
      const res = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(timestampRequest(digest, nonce)) });
      const read = await readTimestampReply(new Uint8Array(await res.arrayBuffer()), digest, nonce);
      expect(read, `first nonce byte ${first}`).toMatchObject({ ok: true });
    }
  });

  it('reads garbage as malformed, never throws', async () => {
    expect(await verifyTimestampToken(new Uint8Array([1, 2, 3]), stampedBytes('s', 1, HEAD))).toMatchObject({ ok: false, code: 'malformed' });
    expect(await readTimestampReply(new Uint8Array([0x30, 0x03, 1, 2, 3]), stampedBytes('s', 1, HEAD), new Uint8Array(8))).toMatchObject({ ok: false, code: 'malformed' });
  });
});
