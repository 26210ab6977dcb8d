import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { genesisHash } from '../../lib/evidence/chain';
import { verifyLogData, verifyLogText } from '../../lib/evidence/verify';
import { packInLog } from '../../lib/evidence/verify-pack';
import { logToJson } from '../../lib/export/log-json';
import { buildEvidencePack, EvidencePack, packFileName } from '../../lib/returns/evidence-pack';
import { buildLoop } from '../../lib/returns/loop';
import type { ReturnLine } from '../../lib/returns/types';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import { freshRepo } from './helpers';
import { MIN, orderLine, returnLine } from './returns-helpers';
import { ROOT } from './studio-helpers';

async function sample() {
  const { repo } = freshRepo();
  await recordSampleShow(repo);
  const log = await repo.exportLog();
  const orders = [orderLine({ orderId: '5770001', sku: 'DEMO-HOODIE-01-M', orderedAt: SAMPLE_START + 5 * MIN })];
  const returns = [returnLine({ orderId: '5770001', sku: 'DEMO-HOODIE-01-M', reason: 'size_fit' })];
  const loop = buildLoop({ ...log, orders, returns });
  const line = loop.lines[0];
  const pack = buildEvidencePack(line, new Map(log.snapshots.map((s) => [s.hash, s])), genesisHash(line.show.session.id), SAMPLE_START + 40 * 86_400_000);
  return { log, pack };
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('evidence pack', () => {
  it('holds the order, the session header and the chain up to the order, and verifies on its own', async () => {
    const { pack } = await sample();
    expect(EvidencePack.parse(pack)).toEqual(pack);
    // Events at +2, +3 and +4 minutes were before the order at +5; the one at +6 was after.
    expect(pack.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(pack.prefix).toEqual({ throughSeq: 3, head: pack.events[2].hash });
    expect(pack.session.lastSeq).toBe(6);
    expect(pack.returns.map((r) => r.reason)).toEqual(['size_fit']);
    expect(new Set(pack.snapshots.map((s) => s.hash))).toEqual(new Set(pack.events.map((e) => e.cardHash)));
    expect(packFileName(pack)).toBe('order-5770001.upfront-evidence.json');
    const report = await verifyLogData(clone(pack));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.events).toBe(3);
  });

  it('reports an edited, removed or late event and a wrong prefix head', async () => {
    const { pack } = await sample();
    const edited = clone(pack);
    edited.events[1].action = 'skipped';
    expect((await verifyLogData(edited)).problems[0]).toMatchObject({ code: 'hash', seq: 2 });

    const cut = clone(pack);
    cut.events.shift();
    expect((await verifyLogData(cut)).problems[0]).toMatchObject({ code: 'seq' });

    const head = clone(pack);
    head.prefix.throughSeq = 2;
    expect((await verifyLogData(head)).problems[0]).toMatchObject({ code: 'pack-prefix' });

    const early = clone(pack);
    early.order.orderedAt = SAMPLE_START + 3.5 * MIN;
    expect((await verifyLogData(early)).problems[0]).toMatchObject({ code: 'pack-order', seq: 3 });

    const card = clone(pack);
    (card.snapshots[0].content as { card: { sku: string } }).card.sku = 'OTHER';
    expect((await verifyLogData(card)).problems.map((p) => p.code)).toContain('snapshot-hash');

    const extra = clone(pack) as unknown as Record<string, unknown>;
    extra.buyerName = 'Someone';
    expect((await verifyLogData(extra)).problems[0]).toMatchObject({ code: 'bad-shape' });
  });

  it('is part of the log it came from, and not of a log whose event differs', async () => {
    const { pack, log } = await sample();
    expect(packInLog(pack, log)).toBeUndefined();
    const other = clone(log);
    other.events.find((e) => e.sessionId === pack.session.id && e.seq === 1)!.hash = 'f'.repeat(64);
    expect(packInLog(pack, other)).toMatchObject({ code: 'pack-prefix', seq: 1 });
  });

  it('npm run verify-log checks a pack alone and against its log', async () => {
    const { pack, log } = await sample();
    const dir = mkdtempSync(path.join(tmpdir(), 'upfront-pack-'));
    const packFile = path.join(dir, 'pack.json');
    const logFile = path.join(dir, 'log.json');
    writeFileSync(packFile, JSON.stringify(pack, null, 2));
    writeFileSync(logFile, logToJson(log, SAMPLE_START + 86_400_000));
    expect((await verifyLogText(logToJson(log, SAMPLE_START))).ok).toBe(true);
    const run = (...files: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), 'scripts/verify-log.ts', ...files], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT } });
    const ok = run(packFile, logFile);
    expect(ok.stdout).toContain(`events 1–3 of session ${pack.session.id} are the same`);
    expect(ok.status).toBe(0);
    const bad = clone(pack);
    bad.events[2].language = 'fr';
    writeFileSync(packFile, JSON.stringify(bad));
    const failed = run(packFile);
    expect(failed.stderr).toContain('[hash]');
    expect(failed.status).toBe(1);
  }, 60_000);
});

describe('evidence pack from stored records', () => {
  it('keeps only the fields the pack format has, so a record carrying more still makes a verifiable pack', async () => {
    const { repo } = freshRepo();
    await recordSampleShow(repo);
    const log = await repo.exportLog();
    const order = { ...orderLine({ orderId: '1', sku: 'DEMO-HOODIE-01', orderedAt: SAMPLE_START + 5 * MIN }), extra: 'x' };
    const loop = buildLoop({ ...log, orders: [order], returns: [{ ...returnLine({ orderId: '1', sku: 'DEMO-HOODIE-01', reason: 'other' }), extra: 1 } as ReturnLine] });
    const pack = buildEvidencePack(loop.lines[0], new Map(log.snapshots.map((s) => [s.hash, s])), genesisHash(loop.lines[0].show.session.id), 0);
    expect(pack.order).not.toHaveProperty('extra');
    expect((await verifyLogData(clone(pack))).ok).toBe(true);
  });
});
