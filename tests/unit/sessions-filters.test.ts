import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toLogFilter } from '../../components/studio/sessions/SessionsArea';
import type { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { logFileJsonSchemaText } from '../../lib/export/log-file';
import { productGroups } from '../../lib/export/timeline';
import { coverageCounts } from '../../lib/sessions/coverage';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import { freshRepo } from './helpers';

let repo: Repository;
const ids = (list: { id: string }[]) => list.map((s) => s.id).sort();

beforeAll(async () => {
  ({ repo } = freshRepo());
  await recordSampleShow(repo); // Lina (tiktok, 12:00 UTC day 20) and 小美 (douyin, 14:00)
  await repo.startSession({ id: 'later', deckId: 'demo-deck', host: 'Lina', platform: 'youtube-studio', consoleOrigin: 'https://studio.youtube.com', now: SAMPLE_START + 3 * 86_400_000 });
});

describe('session filters', () => {
  it.each([
    ['no filter', {}, ['later', 'sample-session-lina', 'sample-session-xiaomei']],
    ['a host', { host: 'Lina' }, ['later', 'sample-session-lina']],
    ['a platform', { platform: 'douyin-buyin' }, ['sample-session-xiaomei']],
    ['a deck', { deckId: 'demo-deck' }, ['later', 'sample-session-lina', 'sample-session-xiaomei']],
    ['another deck', { deckId: 'nope' }, []],
    ['a product (sessions where it had an event)', { cardId: 'demo-card-hoodie' }, ['sample-session-lina']],
    ['a product in both shows', { cardId: 'demo-card-serum' }, ['sample-session-lina', 'sample-session-xiaomei']],
    ['a date range', { from: SAMPLE_START + 3_600_000, to: SAMPLE_START + 86_400_000 }, ['sample-session-xiaomei']],
    ['from a date', { from: SAMPLE_START + 86_400_000 }, ['later']],
    ['sessions by id', { sessionIds: ['later'] }, ['later']],
    ['host and product together', { host: 'Lina', cardId: 'demo-card-serum' }, ['sample-session-lina']],
  ])('by %s', async (_name, filter, expected) => {
    expect(ids(await repo.querySessions(filter))).toEqual(expected);
  });

  it('offers the hosts, platforms, decks and products found in the log', async () => {
    const o = await repo.filterOptions();
    expect(o.hosts).toEqual(['Lina', '小美']);
    expect(o.platforms).toEqual(['douyin-buyin', 'tiktok-shop', 'youtube-studio']);
    expect(o.decks).toEqual([{ id: 'demo-deck', name: demoBundle(0).deck.name }]);
    expect(o.products.map((p) => p.id).sort()).toEqual(['demo-card-cushion-cover', 'demo-card-hoodie', 'demo-card-serum']);
  });

  it('turns the studio’s date fields into whole local days', () => {
    const f = toLogFilter({ from: '2026-11-20', to: '2026-11-21', host: '', deckId: '', platform: '', cardId: 'c' });
    expect(f).toEqual({ from: new Date(2026, 10, 20).getTime(), to: new Date(2026, 10, 22).getTime() - 1, cardId: 'c' });
  });
});

describe('timeline and coverage', () => {
  it('groups by product in order of appearance and reports must-say coverage', async () => {
    const session = (await repo.getSession('sample-session-lina'))!;
    const events = await repo.listEvents(session.id);
    const snapshots = await repo.getSnapshots([...new Set(events.map((e) => e.cardHash))]);
    const groups = productGroups(session, events, snapshots, await repo.getDeckBundle('demo-deck'));
    expect(groups.map((g) => g.cardId)).toEqual(['demo-card-hoodie', 'demo-card-cushion-cover', 'demo-card-serum']);
    const [hoodie, cover, serum] = groups;
    expect(hoodie.coverage).toMatchObject([{ status: 'said', corrected: true }]);
    expect(hoodie.entries.map((e) => [e.event.action, e.correctsSeq, e.correctedBy])).toEqual([
      ['shown', undefined, []],
      ['said', undefined, [3]],
      ['correction', 2, []],
      ['said', undefined, []],
    ]);
    expect(cover.coverage).toMatchObject([{ status: 'said', corrected: false }]);
    expect(serum.coverage).toMatchObject([{ status: 'skipped' }]);
    expect(coverageCounts(groups.flatMap((g) => g.coverage))).toEqual({ said: 2, skipped: 1, 'not-said': 0 });
  });

  it('lists deck products never shown as not said, from the deck', async () => {
    const session = (await repo.getSession('later'))!;
    const groups = productGroups(session, [], [], await repo.getDeckBundle('demo-deck'));
    expect(groups.every((g) => g.source === 'deck' && g.entries.length === 0)).toBe(true);
    expect(groups.flatMap((g) => g.coverage).every((c) => c.status === 'not-said')).toBe(true);
  });
});

describe('JSON Schema of the log file', () => {
  it('docs/schema/log-file.schema.json is up to date with the zod schemas (npm run docs)', () => {
    const file = readFileSync(path.resolve(import.meta.dirname, '../../docs/schema/log-file.schema.json'), 'utf8');
    expect(file).toBe(logFileJsonSchemaText());
  });

  it('describes every field of an event and a session', () => {
    const schema = JSON.parse(logFileJsonSchemaText());
    expect(Object.keys(schema.properties.events.items.properties).sort()).toEqual(
      ['action', 'at', 'cardHash', 'cardId', 'corrects', 'hash', 'id', 'item', 'language', 'offsetMs', 'prev', 'sessionId', 'seq', 'stage'].sort(),
    );
    expect(schema.properties.events.items.additionalProperties).toBe(false);
    expect(schema.properties.sessions.items.properties).toHaveProperty('endReason');
    expect(schema.properties.sessions.items.properties).toHaveProperty('origin');
    expect(schema.properties.sessions.items.properties).toHaveProperty('chainVersion');
    expect(schema.properties).toHaveProperty('proofs');
  });
});
