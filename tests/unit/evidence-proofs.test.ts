import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { Prover } from '../../lib/background/prover';
import { demoBundle } from '../../lib/demo/deck';
import { ProofStore } from '../../lib/db/proof-store';
import { formatReport, verifyLogText } from '../../lib/evidence/verify';
import { genesisOf } from '../../lib/evidence/chain';
import { publicDeviceKey, signHead } from '../../lib/evidence/device-key';
import { toBase64 } from '../../lib/evidence/proofs';
import { requestTimestamp, stampedBytes } from '../../lib/evidence/timestamp';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import type { Reply } from '../../lib/messaging/types';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { startTestTsa, type TestTsa } from '../helpers/tsa-server';
import { NOW, freshRepo } from './helpers';
import { TIKTOK, contentScript, overlay, studio } from './sessions-helpers';
import { testService } from '../helpers/service';

// Proofs over chain heads (issue 19) against a real time-stamping authority (`openssl ts` on
// 127.0.0.1) and the real service over fake-indexeddb.

let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTestTsa('Upfront Test TSA');
});
afterAll(() => tsa.close());

const HOODIE = 'demo-card-hoodie';

async function setup(options: { fetch?: typeof fetch; tsa?: boolean } = {}) {
  const { db, repo } = freshRepo();
  await repo.putDeckBundle(demoBundle(NOW));
  const clock = { now: NOW };
  const local = memoryKeyValue();
  const store = new ProofStore(db);
  const prover = new Prover({ repo, store, local, now: () => clock.now, fetch: options.fetch ?? fetch });
  if (options.tsa !== false) await prover.setSettings({ tsaUrl: tsa.url });
  const handle = testService({ repo, local, now: () => clock.now, prover });
  const ok = async <T,>(type: string, payload: unknown, sender = overlay(7)): Promise<T> => {
    const reply = (await handle({ type, payload }, sender)) as Reply<T>;
    if (!reply.ok) throw new Error(`${reply.code}: ${reply.detail}`);
    return reply.data;
  };
  await ok('console.hello', {}, contentScript(7, TIKTOK));
  let n = 0;
  const record = (item = { kind: 'size', id: 'size' }) =>
    ok<DisclosureEvent>('event.record', { sessionId: 'show', id: `e${++n}`, cardId: HOODIE, item, action: 'said', language: 'en' });
  const exportJson = async (ids = ['show']) => {
    const sessions = (await repo.getSessions(ids)) as Session[];
    return collect(logChunks({ ...repositorySource(repo), proofs: (s) => prover.proofsFor(s) }, { format: 'json', sessions, exportedAt: clock.now, installation: await repo.installationId() }));
  };
  return { db, repo, store, prover, clock, ok, record, exportJson };
}

/** Waits for the proof runs points started (points are never awaited by the request): a run queues behind them. */
const settled = (prover: Prover, id = 'show') => prover.prove(id);

describe('proofs over chain heads', () => {
  it('stamps and signs the header at Go live, every 10 minutes of a live show, and at the end; the export verifies with its proofs', async () => {
    const t = await setup();
    await t.ok('session.start', { id: 'show', deckId: 'demo-deck', host: 'Ana' });
    await vi.waitFor(async () => expect(await t.store.lastStamp('show')).toMatchObject({ seq: 0 }), { timeout: 10_000 });
    await t.record();
    t.clock.now += 5 * 60_000;
    await t.record(); // 5 minutes: not due
    t.clock.now += 6 * 60_000;
    await t.record(); // 11 minutes since the first stamp: due
    await vi.waitFor(async () => expect(await t.store.lastStamp('show')).toMatchObject({ seq: 3 }), { timeout: 10_000 });
    await t.record();
    await t.ok('session.end', { sessionId: 'show' });
    await vi.waitFor(async () => expect(await t.store.lastStamp('show')).toMatchObject({ seq: 4 }), { timeout: 10_000 });
    await settled(t.prover);

    const file = await t.exportJson();
    const report = await verifyLogText(file);
    expect(report.problems).toEqual([]);
    expect(report.version).toBe(3);
    const s = report.sessions[0];
    expect(s.chainVersion).toBe(2);
    expect(s.proofs?.stamps).toMatchObject({ count: 3, lastSeq: 4, authorities: ['Upfront Test TSA, Upfront tests'] });
    expect(s.proofs?.signatures).toMatchObject({ count: 3, installation: await t.repo.installationId() });
    // What `npm run verify-log` prints for it.
    const lines = formatReport(report, 'show.json').join('\n');
    expect(lines).toMatch(/chain v2, header covered/);
    expect(lines).toMatch(/timestamps: 3 \(first .*, last .*, up to event 4; by Upfront Test TSA, Upfront tests\)/);
    expect(lines).toMatch(new RegExp(`signed by installation ${await t.repo.installationId()} \\(3 head`));
    expect(lines).toMatch(new RegExp(`By installation:\\n  installation ${await t.repo.installationId()}: 1 session\\(s\\): show`));
  });

  it('still verifies logs of earlier versions, and says which chain version and that they have no proofs', async () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/sample-log.json'), 'utf8');
    const report = await verifyLogText(text);
    expect(report.ok).toBe(true);
    expect(report.version).toBe(JSON.parse(text).version);
    expect(report.version).toBeLessThan(3);
    expect(report.sessions.every((s) => s.chainVersion === 1)).toBe(true);
    const lines = formatReport(report, 'sample-log.json').join('\n');
    expect(lines).toMatch(/chain v1, header not covered/);
    expect(lines).toMatch(/no timestamp/);
  });

  it('fails a whole rewrite of a stamped session, an edited header, a removed event and one inserted before the stamped head', async () => {
    const t = await setup();
    await t.ok('session.start', { id: 'show', deckId: 'demo-deck', host: 'Ana' });
    await t.record();
    await t.record({ kind: 'scale', id: 'scale' });
    await t.ok('session.end', { sessionId: 'show' });
    await vi.waitFor(async () => expect(await t.store.lastStamp('show')).toMatchObject({ seq: 2 }), { timeout: 10_000 });
    await settled(t.prover);
    const file = JSON.parse(await t.exportJson());
    expect((await verifyLogText(JSON.stringify(file))).ok).toBe(true);

    // The header: another host.
    const header = structuredClone(file);
    header.sessions[0].host = 'Somebody else';
    const h = await verifyLogText(JSON.stringify(header));
    expect(h.problems[0]).toMatchObject({ code: 'header' });

    // A rewrite with every hash recomputed: the chain verifies, the stamps do not.
    const { eventHash } = await import('../../lib/evidence/chain');
    const rewrite = structuredClone(file);
    let prev = rewrite.events[0].prev;
    for (const e of rewrite.events) {
      if (e.seq === 1) e.action = 'skipped';
      e.prev = prev;
      const { hash: _h, ...rest } = e;
      e.hash = eventHash(rest);
      prev = e.hash;
    }
    rewrite.sessions[0].head = prev;
    const r = await verifyLogText(JSON.stringify(rewrite));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain('stamp-head');
    expect(r.problems.find((p) => p.code === 'stamp-head')?.message).toMatch(/changed, removed or added after it was stamped/);

    // A removed event, and one inserted before the stamped head.
    const removed = structuredClone(file);
    removed.events.splice(0, 1);
    expect((await verifyLogText(JSON.stringify(removed))).ok).toBe(false);
    const inserted = structuredClone(file);
    inserted.events.splice(1, 0, { ...inserted.events[0], id: 'forged' });
    expect((await verifyLogText(JSON.stringify(inserted))).ok).toBe(false);

    // A stamp moved onto the rewritten head: its token imprint no longer matches.
    const moved = structuredClone(rewrite);
    for (const st of moved.proofs.stamps) st.head = st.seq === 0 ? st.head : moved.events[st.seq - 1].hash;
    for (const sg of moved.proofs.signatures) sg.head = sg.seq === 0 ? sg.head : moved.events[sg.seq - 1].hash;
    const m = await verifyLogText(JSON.stringify(moved));
    expect(m.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['stamp-token', 'signature']));
  });

  it('never holds up a disclosure: with the authority hanging, the click is recorded and the session waits for its token', async () => {
    let release!: () => void;
    const hanging: typeof fetch = () => new Promise((_, reject) => (release = () => reject(new TypeError('network down'))));
    const t = await setup({ fetch: hanging });
    await t.ok('session.start', { id: 'show', deckId: 'demo-deck', host: 'Ana' });
    const e = await t.record();
    expect(e.seq).toBe(1);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    const first = release;
    first();
    await t.ok('session.end', { sessionId: 'show' });
    // Signed even though not stamped: the device key needs no network.
    await vi.waitFor(async () => expect(await t.store.hasSignature('show', 1)).toBe(true));
    await vi.waitFor(() => expect(release).not.toBe(first));
    release();
    const status = await t.ok<{ unstamped: string[]; lastError?: string }>('proofs.status', {}, studio);
    expect(status.unstamped).toEqual(['show']);
    expect(status.lastError).toMatch(/could not reach the time-stamping authority.*network down/);
  });

  it('queues a session the authority refused and stamps it on retry once the authority answers', async () => {
    const t = await setup();
    tsa.failWith = 503;
    try {
      await t.ok('session.start', { id: 'show', deckId: 'demo-deck', host: 'Ana' });
      await t.record();
      await t.ok('session.end', { sessionId: 'show' });
      await expect(settled(t.prover)).rejects.toThrow(/HTTP 503/);
      const down = await t.ok<{ unstamped: string[]; lastError?: string }>('proofs.retry', {}, studio);
      expect(down.unstamped).toEqual(['show']);
      expect(down.lastError).toMatch(/HTTP 503/);
    } finally {
      tsa.failWith = 0;
    }
    const up = await t.ok<{ unstamped: string[]; lastError?: string }>('proofs.retry', {}, studio);
    expect(up).toMatchObject({ unstamped: [], lastError: undefined });
    expect(await t.store.lastStamp('show')).toMatchObject({ seq: 1 });
  });

  it('stamps and signs a head once when proof points arrive at once, and keeps one device key', async () => {
    const t = await setup({ tsa: true });
    await t.ok('session.start', { id: 'show', deckId: 'demo-deck', host: 'Ana' });
    await vi.waitFor(async () => expect(await t.store.lastStamp('show')).toMatchObject({ seq: 0 }), { timeout: 10_000 });
    await t.record();
    const before = tsa.answered;
    await Promise.all([t.prover.prove('show'), t.prover.prove('show'), t.prover.prove('show')]);
    await settled(t.prover);
    expect(tsa.answered - before).toBe(1);
    expect(await t.db.stamps.where('sessionId').equals('show').count()).toBe(2); // seq 0 and 1
    expect(await t.db.signatures.where('sessionId').equals('show').count()).toBe(2);
    const keys = await Promise.all([t.prover.proofsFor(['show']), t.prover.proofsFor(['show'])]);
    expect(keys[0].keys).toHaveLength(1);
    expect(keys[0].keys[0]).toEqual(keys[1].keys[0]);
  });

  it('refuses an authority URL that is not http(s) or carries credentials', async () => {
    const t = await setup({ tsa: false });
    for (const tsaUrl of ['ftp://tsa.example/', 'javascript:alert(1)', 'https://user:pw@tsa.example/']) {
      const reply = (await createReply(t, tsaUrl)) as Reply<unknown>;
      expect(reply).toMatchObject({ ok: false, code: 'bad-message' });
    }
    expect(await t.ok('proofs.configure', { tsaUrl: 'https://freetsa.org/tsr' }, studio)).toEqual({ tsaUrl: 'https://freetsa.org/tsr' });
    expect(await t.ok('proofs.configure', {}, studio)).toEqual({});
  });
});

async function createReply(t: Awaited<ReturnType<typeof setup>>, tsaUrl: string) {
  return t.ok('proofs.configure', { tsaUrl }, studio).then(
    (data) => ({ ok: true, data }),
    (err: Error) => ({ ok: false, code: err.message.split(':')[0] }),
  );
}

describe('an evidence pack with its proofs', () => {
  it('verifies the time-stamps and signatures over its prefix from the pack alone, and fails a moved one', async () => {
    const pack = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/sample-evidence-pack.json'), 'utf8'));
    const genesis = genesisOf(pack.session);
    const stamp = await requestTimestamp(tsa.url, stampedBytes(pack.session.id, 0, genesis));
    if (!stamp.ok) throw new Error(stamp.detail);
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const signature = await signHead(pair, 'install-1', pack.session.id, pack.prefix.throughSeq, pack.prefix.head);
    pack.proofs = {
      stamps: [{ sessionId: pack.session.id, seq: 0, head: genesis, token: toBase64(stamp.token) }],
      keys: [await publicDeviceKey(pair, 'install-1')],
      signatures: [signature],
    };
    const report = await verifyLogText(JSON.stringify(pack));
    expect(report.problems).toEqual([]);
    expect(report.sessions[0].proofs).toMatchObject({ stamps: { count: 1, authorities: ['Upfront Test TSA, Upfront tests'] }, signatures: { count: 1, installation: 'install-1' } });

    // A signature moved onto another head of the prefix, and a stamp moved to a later event.
    const moved = structuredClone(pack);
    moved.proofs.signatures[0].seq = 1;
    moved.proofs.signatures[0].head = pack.events[0].hash;
    moved.proofs.stamps[0].seq = 1;
    const bad = await verifyLogText(JSON.stringify(moved));
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.code).sort()).toEqual(['signature', 'stamp-head']);
  });
});
