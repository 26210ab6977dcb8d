import { describe, expect, it } from 'vitest';
import type { Repository } from '../../lib/db/repository';
import { eventHash } from '../../lib/evidence/chain';
import { verifyLogText } from '../../lib/evidence/verify';
import { LogFile } from '../../lib/export/log-file';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import type { DisclosureEvent } from '../../lib/schema/session';
import { freshRepo, storedEvents } from './helpers';

async function exportAll(repo: Repository, installation?: string): Promise<LogFile> {
  const sessions = (await repo.listSessions()).reverse();
  const text = await collect(logChunks(repositorySource(repo), { format: 'json', sessions, exportedAt: SAMPLE_START, installation: installation ?? (await repo.installationId()), pause: async () => undefined }));
  return LogFile.parse(JSON.parse(text));
}

/** What the studio's team view does with a file: one session at a time. */
async function importFile(repo: Repository, file: LogFile, fileName: string, now = SAMPLE_START + 1) {
  const results = [];
  for (const session of file.sessions) {
    const events = file.events.filter((e) => e.sessionId === session.id);
    const snapshots = file.snapshots.filter((s) => events.some((e) => e.cardHash === s.hash));
    results.push(await repo.importSession({ session, events, snapshots, fileName, fileInstallation: file.source?.installation, now }));
  }
  return results;
}

async function hostMachine() {
  const { repo } = freshRepo();
  await recordSampleShow(repo);
  return { repo, file: await exportAll(repo) };
}

describe('team view: merging logs from other machines', () => {
  it('adds sessions with their events and snapshots, keeping their origin', async () => {
    const host = await hostMachine();
    const { repo: lead } = freshRepo();
    const results = await importFile(lead, host.file, 'lina-laptop.json');
    expect(results.map((r) => [r.status, r.eventsAdded])).toEqual([
      ['added', 6],
      ['added', 2],
    ]);
    const s = (await lead.getSession('sample-session-lina'))!;
    expect(s.origin).toEqual({ installation: await host.repo.installationId(), importedFrom: 'lina-laptop.json', importedAt: SAMPLE_START + 1 });
    expect(await lead.listEvents(s.id)).toEqual(await host.repo.listEvents(s.id));
  });

  it('de-duplicates by event id when the same log is imported twice', async () => {
    const host = await hostMachine();
    const { repo: lead } = freshRepo();
    await importFile(lead, host.file, 'a.json');
    const again = await importFile(lead, host.file, 'a-copy.json');
    expect(again.map((r) => [r.status, r.eventsAdded, r.eventsDuplicate])).toEqual([
      ['unchanged', 0, 6],
      ['unchanged', 0, 2],
    ]);
    expect(await storedEvents(lead['db'])).toHaveLength(8);
    // The first origin stays.
    expect((await lead.getSession('sample-session-lina'))!.origin?.importedFrom).toBe('a.json');
  });

  it('adds the new tail of a session exported again later', async () => {
    const { repo: host } = freshRepo();
    await recordSampleShow(host);
    const early = await exportAll(host);
    // Cut the file back to Lina's first 3 events, as an export taken mid-show would be.
    const lina = early.events.filter((e) => e.sessionId === 'sample-session-lina');
    const partial: LogFile = {
      ...early,
      sessions: [{ ...early.sessions[0], lastSeq: 3, head: lina[2].hash, endedAt: undefined, endReason: undefined }],
      events: lina.slice(0, 3),
    };
    const { repo: lead } = freshRepo();
    expect((await importFile(lead, partial, 'mid-show.json'))[0]).toMatchObject({ status: 'added', eventsAdded: 3 });
    const later = await importFile(lead, early, 'after-show.json');
    expect(later[0]).toMatchObject({ status: 'extended', eventsAdded: 3, eventsDuplicate: 3 });
    const s = (await lead.getSession('sample-session-lina'))!;
    expect(s).toMatchObject({ lastSeq: 6, endReason: 'host' });
    expect(s.origin?.importedFrom).toBe('mid-show.json');
  });

  it('refuses a session whose chain does not verify, writing nothing of it', async () => {
    const host = await hostMachine();
    const forged: LogFile = { ...host.file, events: host.file.events.map((e, i) => (i === 1 ? { ...e, action: 'shown' as const } : e)) };
    const { repo: lead } = freshRepo();
    const [lina, xiaomei] = await importFile(lead, forged, 'forged.json');
    expect(lina).toMatchObject({ status: 'rejected', reason: 'hash' });
    expect(xiaomei.status).toBe('added');
    expect(await lead.getSession('sample-session-lina')).toBeUndefined();
    expect(await lead['db'].events.where('sessionId').equals('sample-session-lina').count()).toBe(0);
  });

  it('refuses a session whose snapshot was edited', async () => {
    const host = await hostMachine();
    const file: LogFile = { ...host.file, snapshots: host.file.snapshots.map((s) => ({ ...s, content: { ...(s.content as object), forged: true } })) };
    const { repo: lead } = freshRepo();
    expect((await importFile(lead, file, 'x.json')).map((r) => r.reason)).toEqual(['snapshot-hash', 'snapshot-hash']);
  });

  it('refuses a rewritten history that conflicts with the log already here', async () => {
    const host = await hostMachine();
    const { repo: lead } = freshRepo();
    await importFile(lead, host.file, 'a.json');
    // A re-chained copy where event 2 differs: the same ids and seq, other hashes.
    const events = host.file.events.filter((e) => e.sessionId === 'sample-session-lina');
    const rewritten: DisclosureEvent[] = [];
    let prev = events[0].prev;
    for (const e of events) {
      const { hash: _h, ...rest } = { ...e, prev, ...(e.seq === 2 ? { offsetMs: e.offsetMs + 1 } : {}) };
      const hash = eventHash(rest);
      rewritten.push({ ...rest, hash });
      prev = hash;
    }
    const file: LogFile = { ...host.file, sessions: [{ ...host.file.sessions[0], head: prev }], events: rewritten };
    expect((await importFile(lead, file, 'b.json'))[0]).toMatchObject({ status: 'rejected', reason: 'conflict' });
    expect(await lead.listEvents('sample-session-lina')).toEqual(events);
  });

  it('never changes a session recorded in this browser', async () => {
    const { repo, file } = await hostMachine();
    const before = await repo.listEvents('sample-session-lina');
    const results = await importFile(repo, file, 'my-own-export.json');
    expect(results.every((r) => r.status === 'unchanged')).toBe(true);
    expect((await repo.getSession('sample-session-lina'))!.origin).toBeUndefined();
    expect(await repo.listEvents('sample-session-lina')).toEqual(before);
  });

  it('exports the merged set with each session’s origin, and it verifies', async () => {
    const a = await hostMachine();
    const { repo: other } = freshRepo();
    await other.putDeckBundle((await a.repo.getDeckBundle('demo-deck')));
    await other.startSession({ id: 'other-session', deckId: 'demo-deck', host: 'Ana', platform: 'youtube-studio', consoleOrigin: 'https://studio.youtube.com', now: SAMPLE_START });
    await other.recordEvent({ id: 'o1', sessionId: 'other-session', cardId: 'demo-card-serum', item: { kind: 'caveat', id: 'demo-caveat-skin' }, language: 'en', action: 'said', now: SAMPLE_START + 5000 });
    const b = await exportAll(other);

    const { repo: lead } = freshRepo();
    await importFile(lead, a.file, 'lina.json');
    await importFile(lead, b, 'ana.json');
    const merged = await exportAll(lead);
    const text = JSON.stringify(merged);
    expect((await verifyLogText(text)).ok).toBe(true);
    expect(merged.sessions.map((s) => [s.host, s.origin?.importedFrom, s.origin?.installation])).toEqual(
      expect.arrayContaining([
        ['Lina', 'lina.json', await a.repo.installationId()],
        ['Ana', 'ana.json', await other.installationId()],
      ]),
    );
    expect(merged.events).toHaveLength(9);

    // Merging the merged file on a third machine keeps the original machine, not the lead's.
    const { repo: third } = freshRepo();
    await importFile(third, merged, 'team.json');
    expect((await third.getSession('other-session'))!.origin).toMatchObject({ installation: await other.installationId(), importedFrom: 'team.json' });
  });
});
