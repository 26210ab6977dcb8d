import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { UpfrontDb } from '../../lib/db/database';
import { demoBundle } from '../../lib/demo/deck';
import { checkChain } from '../../lib/evidence/chain';
import { sha256Hex } from '../../lib/evidence/hash';
import { startSafety } from '../../lib/safety/background';
import { saveLibraryCopy } from '../../lib/safety/library-copy';
import { RECOVERY_KEY } from '../../lib/contracts/safety';
import { Journal } from '../../lib/safety/journal';
import { JournaledRepository } from '../../lib/safety/journaled-repository';
import { recoverOnStart, type RecoveryReport } from '../../lib/safety/recover';
import { memoryFiles } from '../helpers/memory-files';
import { NOW, freshRepo, storedEvents } from './helpers';

/** A profile that recorded two shows (one ended, one live) with the journal beside its database. */
async function recordedProfile() {
  const { db } = freshRepo();
  const disk = memoryFiles();
  const repo = new JournaledRepository(db, new Journal(disk.api), () => NOW);
  await repo.putDeckBundle(demoBundle(NOW));
  await saveLibraryCopy(db, disk.api, NOW);
  for (const id of ['show-1', 'show-2']) {
    await repo.startSession({ id, deckId: 'demo-deck', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
    for (let i = 1; i <= 3; i++) {
      await repo.recordEvent({ id: `${id}-e${i}`, sessionId: id, cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said', now: NOW + i });
    }
  }
  await repo.endSession('show-1', NOW + 10);
  return { db, disk, events: (await storedEvents(db)).sort((a, b) => a.id.localeCompare(b.id)), sessions: await db.sessions.toArray() };
}

const emptyDb = () => freshRepo().db;

describe('recovery on start', () => {
  it('rebuilds a database the browser threw away: every session, event, deck and card, every chain verifying', async () => {
    const before = await recordedProfile();
    const db = emptyDb();
    const report = await recoverOnStart(db, new Journal(before.disk.api), () => true, NOW + 100);
    expect(report).toMatchObject({ cause: 'reset', sessions: 2, events: 6, decks: 1, cards: 3, lost: [], disagreements: [], snapshotsMissing: 0, torn: 0, damaged: 0 });
    expect((await storedEvents(db)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.events);
    expect((await db.sessions.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sessions.sort((a, b) => a.id.localeCompare(b.id)));
    for (const s of await db.sessions.toArray()) {
      const events = (await storedEvents(db)).filter((e) => e.sessionId === s.id).sort((a, b) => a.seq - b.seq);
      expect(checkChain(s, events, s.head)).toBeNull();
    }
    expect((await db.decks.get('demo-deck'))?.cardIds).toEqual(demoBundle(NOW).deck.cardIds);
    // The live show stays open, to be resumed; the ended one stays ended.
    expect((await db.sessions.get('show-2'))?.endedAt).toBeUndefined();
    expect((await db.sessions.get('show-1'))?.endedAt).toBe(NOW + 10);
  });

  it('rebuilds a database left without sessions while the journal holds some', async () => {
    const before = await recordedProfile();
    const db = emptyDb();
    await db.open();
    const report = await recoverOnStart(db, new Journal(before.disk.api), () => false, NOW);
    expect(report).toMatchObject({ cause: 'empty', sessions: 2, events: 6 });
  });

  it('does nothing when the database holds its sessions (no journal read on an ordinary start)', async () => {
    const before = await recordedProfile();
    let reads = 0;
    const files = { ...before.disk.api, read: (n: string) => ((reads += 1), before.disk.api.read(n)) };
    expect(await recoverOnStart(before.db, new Journal(files), () => false, NOW)).toBeNull();
    expect(reads).toBe(0);
  });

  it('restores what verifies and names what could not be: a session whose chain breaks in the journal', async () => {
    const before = await recordedProfile();
    // Damage show-2's second event inside its line's JSON and re-seal the line's check, as a bad
    // disk sector rewritten by hand would: the record reads, the chain does not.
    for (const [name, text] of before.disk.files) {
      if (!name.startsWith('log-')) continue;
      before.disk.files.set(name, text.replace(/^[0-9a-f]{16} (\{"k":"event","event":\{"id":"show-2-e2".*)$/m, (_l, json: string) => reseal(json.replace('"language":"en"', '"language":"fr"'))));
    }
    const db = emptyDb();
    const report = (await recoverOnStart(db, new Journal(before.disk.api), () => true, NOW))!;
    expect(report.sessions).toBe(2);
    expect(report.events).toBe(4); // show-1: 3, show-2: the first only
    expect(report.lost).toEqual([expect.objectContaining({ sessionId: 'show-2', events: 2, reason: 'chain-broken' })]);
    const s2 = (await db.sessions.get('show-2'))!;
    expect(s2.lastSeq).toBe(1);
  });

  it('never leaves a database empty over a journal with data: the report is kept for the person to read', async () => {
    const before = await recordedProfile();
    const db = new UpfrontDb(`upfront-test-lost-${Math.random()}`);
    const local = memoryKeyValue();
    let told = 0;
    const safety = startSafety({
      db,
      files: before.disk.api,
      local,
      session: memoryKeyValue(),
      estimate: async () => ({ usage: 0, quota: 1 }),
      now: () => NOW,
      granted: async () => false,
      download: async () => undefined,
      notifyChanged: () => (told += 1),
    });
    await safety.recovered;
    const report = await local.get<RecoveryReport>(RECOVERY_KEY);
    expect(report).toMatchObject({ cause: 'reset', sessions: 2, events: 6 });
    expect(told).toBe(1);
    expect(await db.sessions.count()).toBe(2);
  });
});

function reseal(json: string): string {
  return `${sha256Hex(json).slice(0, 16)} ${json}`;
}
