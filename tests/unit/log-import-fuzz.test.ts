import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../lib/db/repository';
import { checkChain } from '../../lib/evidence/chain';
import { verifyLogText } from '../../lib/evidence/verify';
import { LogFile } from '../../lib/export/log-file';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import { freshRepo, storedEvents } from './helpers';

/**
 * The log importers under arbitrary input: the verifier (studio and `npm run verify-log`) and the
 * team view's import. Whatever a file holds, neither throws; any change to what the chain covers
 * is caught; and an import either adds a whole session that still verifies or writes nothing.
 */

let original: LogFile;
let text: string;

async function exportAll(repo: Repository): Promise<string> {
  const sessions = (await repo.listSessions()).reverse();
  return collect(logChunks(repositorySource(repo), { format: 'json', sessions, exportedAt: SAMPLE_START, installation: await repo.installationId(), pause: async () => undefined }));
}

beforeAll(async () => {
  const { repo } = freshRepo();
  await recordSampleShow(repo);
  text = await exportAll(repo);
  original = LogFile.parse(JSON.parse(text));
});

type Json = ReturnType<typeof JSON.parse>;

/** One change an editor of the file could make to the events or the card snapshots. */
const tamper = fc.oneof(
  fc.record({ kind: fc.constant('event-field' as const), index: fc.nat(), field: fc.constantFrom('id', 'seq', 'at', 'offsetMs', 'cardId', 'cardHash', 'item', 'language', 'action', 'corrects', 'prev', 'hash', 'sessionId', 'extra'), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('snapshot-field' as const), index: fc.nat(), path: fc.constantFrom('hash', 'content.sku', 'content.name', 'content.caveats', 'content.extra'), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('delete-event' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap-events' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-event' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('session-head' as const), index: fc.nat(), value: fc.jsonValue() }),
);

function apply(file: Json, t: Json): Json {
  const copy = structuredClone(file);
  const events = copy.events as Json[];
  const at = (i: number, list: unknown[]) => i % list.length;
  switch (t.kind) {
    case 'event-field': {
      const e = events[at(t.index, events)];
      if (t.value === null) delete e[t.field];
      else e[t.field] = t.value;
      break;
    }
    case 'snapshot-field': {
      const s = copy.snapshots[at(t.index, copy.snapshots)];
      const [a, b] = (t.path as string).split('.');
      if (b === undefined) s[a] = t.value;
      else s[a][b] = t.value;
      break;
    }
    case 'delete-event':
      events.splice(at(t.index, events), 1);
      break;
    case 'swap-events': {
      const a = at(t.a, events);
      const b = at(t.b, events);
      [events[a], events[b]] = [events[b], events[a]];
      break;
    }
    case 'duplicate-event':
      events.splice(at(t.index, events), 0, structuredClone(events[at(t.index, events)]));
      break;
    case 'session-head':
      copy.sessions[at(t.index, copy.sessions)].head = t.value;
      break;
  }
  return copy;
}

/** The file with its events grouped by session, in file order within each. */
function bySession(file: Json): Json {
  const key = (e: Json) => String(e && typeof e === 'object' ? e.sessionId : '');
  const events = (file.events as Json[]).map((e, i) => ({ e, i })).sort((x, y) => key(x.e).localeCompare(key(y.e)) || x.i - y.i);
  return { ...file, events: events.map((x) => x.e) };
}

describe('verifying a log file of arbitrary content', () => {
  it('never throws, whatever the text (property)', async () => {
    const anyText = fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.constantFrom('', '{', 'null', '[]', '{"format":"upfront-log"}'));
    await fc.assert(
      fc.asyncProperty(anyText, async (t) => {
        const report = await verifyLogText(t);
        expect(report.ok).toBe(false);
        expect(report.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every change to the events, the snapshots or a chain head, and passes the untouched file (property)', async () => {
    expect((await verifyLogText(text)).ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(tamper, async (t) => {
        const changed = apply(JSON.parse(text), t);
        // Writing back the same value, or interleaving two sessions' events differently, changes
        // nothing a log says: each session's events are read in their own order.
        fc.pre(JSON.stringify(bySession(changed)) !== JSON.stringify(bySession(JSON.parse(text))));
        const report = await verifyLogText(JSON.stringify(changed));
        expect(report.ok, `${JSON.stringify(t)} went unnoticed`).toBe(false);
        expect(report.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('importing sessions of arbitrary content (team view)', () => {
  it('adds a whole session whose chain verifies, or writes nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(tamper, fc.nat(), async (t, pick) => {
        const changed = apply(JSON.parse(text), t);
        const { db, repo } = freshRepo();
        const session = changed.sessions[pick % changed.sessions.length];
        const events = (changed.events as Json[]).filter((e) => e && e.sessionId === session.id);
        let result;
        try {
          // The background validates the message with zod first; what fails that never reaches here.
          result = await repo.importSession({ session, events, snapshots: changed.snapshots, fileName: 'fuzz.json', now: SAMPLE_START });
        } catch {
          result = undefined; // a malformed record the database refuses: the transaction is rolled back
        }
        const stored = await repo.listEvents(session.id);
        if (result && result.status === 'added') {
          const here = (await db.sessions.get(session.id))!;
          expect(stored).toHaveLength(here.lastSeq);
          expect(checkChain(here, stored, here.head)).toBeNull();
        } else {
          expect(await db.sessions.count()).toBe(0);
          expect(await storedEvents(db)).toEqual([]);
          expect(await db.snapshots.count()).toBe(0);
        }
        db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('imports the untouched file whole', async () => {
    const { db, repo } = freshRepo();
    for (const session of original.sessions) {
      const events = original.events.filter((e) => e.sessionId === session.id);
      const result = await repo.importSession({ session, events, snapshots: original.snapshots, fileName: 'ok.json', now: SAMPLE_START });
      expect(result.status).toBe('added');
    }
    expect(await storedEvents(db)).toHaveLength(original.events.length);
  });
});
