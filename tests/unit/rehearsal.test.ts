import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { StageKeeper } from '../../lib/background/stage';
import { TabRegistry } from '../../lib/background/tabs';
import { demoBundle } from '../../lib/demo/deck';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import { requestSchemas } from '../../lib/contracts';
import type { SidebarBootstrap } from '../../lib/messaging/bootstrap';
import type { Change, Reply } from '../../lib/messaging/types';
import { RehearsalStore } from '../../lib/rehearsal/store';
import { stageLog } from '../../lib/rehearsal/stage-log';
import type { Rehearsal, RehearsalOnTab, RehearsalReview, RehearsalSummary } from '../../lib/rehearsal/types';
import type { Session } from '../../lib/schema/session';
import { DEFAULT_STAGE } from '../../lib/stage/settings';
import { NOW, freshRepo, storedEvents } from './helpers';
import { TIKTOK, contentScript, overlay, studio } from './sessions-helpers';
import { testService } from '../helpers/service';

// Rehearsals (issue 20) against the real service, the real stage keeper and Dexie
// (fake-indexeddb), wired as entrypoints/background.ts wires them.

const HOODIE = 'demo-card-hoodie';
const SERUM = 'demo-card-serum';
const WASH = { kind: 'caveat', id: 'demo-caveat-wash' } as const;
const SKIN = { kind: 'caveat', id: 'demo-caveat-skin' } as const;
const SIZE = { kind: 'size', id: 'size' } as const;

async function setup() {
  const { db, repo } = freshRepo();
  await repo.putDeckBundle(demoBundle(NOW));
  const clock = { now: NOW };
  const rehearsals = new RehearsalStore(db);
  let n = 0;
  const stage = new StageKeeper({ repo: stageLog(repo, rehearsals), session: memoryKeyValue(), now: () => clock.now, newId: () => `stage-${++n}`, push: () => undefined });
  const changes: Change[] = [];
  const tabs = new TabRegistry(memoryKeyValue());
  const make = (registry: TabRegistry) =>
    testService({ repo, tabs: registry, now: () => clock.now, notifyChanged: (c) => changes.push(c), stage, rehearsals, openWindow: async () => 77 });
  let handle = make(tabs);
  let registry = tabs;
  const reply = (type: string, payload: unknown, sender = overlay(1)) => handle({ type, payload }, sender);
  const ok = async <T,>(type: string, payload: unknown, sender = overlay(1)): Promise<T> => {
    const r = (await reply(type, payload, sender)) as Reply<T>;
    if (!r.ok) throw new Error(`${type}: ${r.code}: ${r.detail}`);
    return r.data;
  };
  const code = async (type: string, payload: unknown, sender = overlay(1)) => {
    const r = await reply(type, payload, sender);
    return r.ok ? null : r.code;
  };
  await ok('console.hello', {}, contentScript(1, TIKTOK));
  return {
    db,
    repo,
    rehearsals,
    clock,
    changes,
    reply,
    ok,
    code,
    get tabs() {
      return registry;
    },
    /** A browser restart: the same database, tab bindings (session storage) forgotten. */
    restart() {
      registry = new TabRegistry(memoryKeyValue());
      handle = make(registry);
    },
  };
}

const start = (id: string) => ({ id, deckId: 'demo-deck', host: 'Lina' });
const rec = (id: string, rehearsalId: string, cardId: string, item: { kind: string; id: string } | undefined, action: string, extra: object = {}) => ({
  id,
  rehearsalId,
  cardId,
  ...(item ? { item } : {}),
  action,
  ...(item ? { language: 'en' } : {}),
  ...extra,
});

/** Every place a session reader looks: nothing of a rehearsal may be there. */
async function sessionSide(t: Awaited<ReturnType<typeof setup>>) {
  const sessions = await t.ok<Session[]>('session.list', {}, studio);
  const file = await collect(logChunks(repositorySource(t.repo), { format: 'json', sessions, exportedAt: NOW, installation: 'test' }));
  return {
    sessions: sessions.map((s) => s.id),
    events: (await storedEvents(t.db)).map((e) => e.id),
    exported: (JSON.parse(file) as { events: { id: string }[] }).events.map((e) => e.id),
    coverage: await t.ok<Record<string, unknown>>('session.coverage', { sessionIds: ['r1'] }, studio),
    filters: await t.ok<{ hosts: string[] }>('session.filters', {}, studio),
  };
}

describe('a rehearsal', () => {
  it('records what the host did in the rehearsal log only: no session, event, export, coverage or filter sees it', async () => {
    const t = await setup();
    const r = await t.ok<Rehearsal>('rehearsal.start', start('r1'));
    expect(r).toMatchObject({ id: 'r1', deckId: 'demo-deck', host: 'Lina', platform: 'tiktok-shop', market: 'EU', lastSeq: 0 });
    await t.ok('rehearsal.record', rec('v1', 'r1', HOODIE, undefined, 'viewed'));
    const said = await t.ok<{ seq: number }>('rehearsal.record', rec('e1', 'r1', HOODIE, WASH, 'said'));
    expect(said.seq).toBe(2);
    // A retry of the same event changes nothing.
    expect(await t.ok('rehearsal.record', rec('e1', 'r1', HOODIE, WASH, 'said'))).toEqual(said);
    await t.ok('rehearsal.record', rec('e2', 'r1', HOODIE, WASH, 'correction', { corrects: 'e1' }));
    await t.ok('rehearsal.record', rec('e3', 'r1', SERUM, SKIN, 'skipped'));
    expect(await t.code('rehearsal.record', rec('e4', 'r1', HOODIE, SKIN, 'said'))).toBe('item-not-on-card');

    const onTab = await t.ok<RehearsalOnTab>('rehearsal.current', {});
    expect(onTab.rehearsal.id).toBe('r1');
    expect(onTab.events.map((e) => `${e.seq} ${e.action}`)).toEqual(['1 viewed', '2 said', '3 correction', '4 skipped']);
    // The sidebar's opening answer brings the rehearsal back, not as a session.
    const boot = await t.ok<SidebarBootstrap>('sidebar.bootstrap', {});
    expect(boot.session).toBeNull();
    expect(boot.rehearsal?.rehearsal.id).toBe('r1');
    expect(boot.events).toEqual([]);

    expect(await sessionSide(t)).toEqual({ sessions: [], events: [], exported: [], coverage: {}, filters: expect.objectContaining({ hosts: [] }) });
    expect(await t.db.snapshots.count()).toBe(0);
    expect(t.changes.filter((c) => c.scope === 'event')).toEqual([]);
  });

  it("records the don't-say correction key (C) in the rehearsal log, by the same rule as a show", async () => {
    const t = await setup();
    const hoodie = (await t.db.cards.get(HOODIE))!;
    await t.db.cards.put({ ...hoodie, dontSay: [{ id: 'ds-water', claim: { en: 'waterproof' }, say: { en: 'splash-resistant' } }] });
    await t.ok('rehearsal.start', start('r1'));
    const slip = { kind: 'dontSay', id: 'ds-water' };
    expect(await t.ok('rehearsal.record', rec('d1', 'r1', HOODIE, slip, 'correction'))).toMatchObject({ seq: 1, item: slip, action: 'correction' });
    expect(await t.code('rehearsal.record', rec('d2', 'r1', HOODIE, slip, 'said'))).toBe('dont-say-correction-only');
    expect(await t.code('rehearsal.record', rec('d3', 'r1', HOODIE, { kind: 'dontSay', id: 'nope' }, 'correction'))).toBe('item-not-on-card');
    expect((await sessionSide(t)).events).toEqual([]);
  });

  it('puts the stage up like a show and records its showings in the rehearsal log, never in a session', async () => {
    const t = await setup();
    await t.ok('rehearsal.start', start('r1'));
    await t.ok('stage.open', { sessionId: 'r1', size: '1920x1080' });
    const put = (item?: object) => t.ok('stage.put', { sessionId: 'r1', cardId: HOODIE, ...(item ? { item } : {}), language: 'en', unit: 'cm', settings: DEFAULT_STAGE });
    await put(SIZE);
    expect(await t.ok('stage.get', { sessionId: 'r1' }, studio)).toMatchObject({ sessionId: 'r1', item: SIZE });
    await t.ok('rehearsal.end', { rehearsalId: 'r1' });
    expect((await t.rehearsals.events('r1')).map((e) => `${e.action} ${e.item?.kind} @${e.stage?.layout}`)).toEqual(['shown size @lower-third', 'hidden size @lower-third']);
    expect(await t.ok('stage.get', { sessionId: 'r1' }, studio)).toBeNull();
    expect(await storedEvents(t.db)).toEqual([]);
    expect(await t.db.sessions.count()).toBe(0);
    // Ended: nothing more goes on its stage or into its log.
    expect(await t.code('stage.put', { sessionId: 'r1', cardId: HOODIE, language: 'en', unit: 'cm', settings: DEFAULT_STAGE })).toBe('session-ended');
    expect(await t.code('rehearsal.record', rec('late', 'r1', HOODIE, WASH, 'said'))).toBe('rehearsal-ended');
  });

  it('is kept or discarded once ended, and the studio lists what was kept with its review', async () => {
    const t = await setup();
    await t.ok('rehearsal.start', start('r1'));
    expect(await t.code('rehearsal.keep', { rehearsalId: 'r1' })).toBe('rehearsal-open');
    expect(await t.code('rehearsal.discard', { rehearsalId: 'r1' })).toBe('rehearsal-open');
    await t.ok('rehearsal.record', rec('v1', 'r1', HOODIE, undefined, 'viewed'));
    t.clock.now += 40_000;
    await t.ok('rehearsal.record', rec('e1', 'r1', HOODIE, WASH, 'said'));
    t.clock.now += 20_000;
    await t.ok('rehearsal.record', rec('e2', 'r1', SERUM, SKIN, 'skipped'));
    await t.ok('rehearsal.record', rec('v2', 'r1', SERUM, undefined, 'viewed'));
    t.clock.now += 30_000;
    await t.ok('rehearsal.end', { rehearsalId: 'r1' });
    expect(await t.ok<Rehearsal>('rehearsal.keep', { rehearsalId: 'r1' })).toMatchObject({ kept: true, endReason: 'host', endedAt: NOW + 90_000 });

    const list = await t.ok<RehearsalSummary[]>('rehearsal.list', {}, studio);
    expect(list.map((r) => [r.id, r.productsReached, r.skippedCount])).toEqual([['r1', 2, 1]]);
    const review = await t.ok<RehearsalReview>('rehearsal.review', { rehearsalId: 'r1' }, studio);
    expect(review.products.map((p) => [p.sku, p.durationMs, p.said, p.skipped.map((s) => s.text)])).toEqual([
      ['DEMO-HOODIE-01', 60_000, 1, []],
      ['DEMO-SERUM-30', 30_000, 0, ['Not suitable if you react to citrus or have broken skin: patch test first.']],
    ]);

    // A second rehearsal, discarded: gone with its events; the kept one stays.
    await t.ok('rehearsal.start', start('r2'));
    await t.ok('rehearsal.record', rec('x1', 'r2', HOODIE, WASH, 'said'));
    await t.ok('rehearsal.end', { rehearsalId: 'r2' });
    await t.ok('rehearsal.discard', { rehearsalId: 'r2' });
    expect(await t.db.rehearsals.get('r2')).toBeUndefined();
    expect(await t.rehearsals.events('r2')).toEqual([]);
    expect((await t.ok<RehearsalSummary[]>('rehearsal.list', {}, studio)).map((r) => r.id)).toEqual(['r1']);
    expect(t.changes.filter((c) => c.scope === 'rehearsal').length).toBeGreaterThanOrEqual(6);
  });

  it('ends when no tab holds it any more (the tab closed, or the browser restarted): a rehearsal is never resumed', async () => {
    const t = await setup();
    await t.ok('rehearsal.start', start('r1'));
    await t.tabs.forget(1);
    await t.ok('console.hello', {}, contentScript(2, TIKTOK));
    expect(await t.ok('rehearsal.current', {}, overlay(2))).toBeNull();
    expect((await t.rehearsals.get('r1'))?.endReason).toBe('auto');

    await t.ok('rehearsal.start', start('r2'), overlay(2));
    t.restart();
    await t.ok('console.hello', {}, contentScript(2, TIKTOK));
    expect((await t.ok<RehearsalSummary[]>('rehearsal.list', {}, studio)).map((r) => [r.id, r.endReason])).toEqual([
      ['r2', 'auto'],
      ['r1', 'auto'],
    ]);
    // The tab is free for a show.
    expect((await t.ok<Session>('session.start', start('s1'), overlay(2))).id).toBe('s1');
  });
});

describe('a rehearsal and a session never turn into each other', () => {
  it('refuses a rehearsal id on every session path and a session id on every rehearsal path', async () => {
    const t = await setup();
    await t.ok('console.hello', {}, contentScript(2, TIKTOK));
    await t.ok('session.start', start('s1'), overlay(2));
    await t.ok('rehearsal.start', start('r1'));
    const event = { id: 'e1', cardId: HOODIE, item: WASH, language: 'en', action: 'said' };
    // A rehearsal's id into the session path.
    expect(await t.code('event.record', { ...event, sessionId: 'r1' })).toBe('session-not-found');
    expect(await t.code('session.end', { sessionId: 'r1' })).toBe('session-not-found');
    expect(await t.code('session.resume', { sessionId: 'r1' })).toBe('session-not-found');
    expect(await t.code('session.detail', { sessionId: 'r1' }, studio)).toBe('session-not-found');
    expect(await t.code('onScreen.set', { sessionId: 'r1', cardId: HOODIE })).toBe('session-not-found');
    expect(await t.code('session.start', start('r1'), overlay(3))).toBe('no-console-tab');
    await t.ok('console.hello', {}, contentScript(3, TIKTOK));
    expect(await t.code('session.start', start('r1'), overlay(3))).toBe('rehearsal-not-a-session');
    // A session's id into the rehearsal path.
    expect(await t.code('rehearsal.record', { ...event, rehearsalId: 's1' })).toBe('rehearsal-not-found');
    expect(await t.code('rehearsal.end', { rehearsalId: 's1' })).toBe('rehearsal-not-found');
    expect(await t.code('rehearsal.keep', { rehearsalId: 's1' })).toBe('rehearsal-not-found');
    expect(await t.code('rehearsal.discard', { rehearsalId: 's1' })).toBe('rehearsal-not-found');
    expect(await t.code('rehearsal.review', { rehearsalId: 's1' }, studio)).toBe('rehearsal-not-found');
    expect(await t.code('rehearsal.start', start('s1'), overlay(3))).toBe('session-not-a-rehearsal');
    expect(await t.db.sessions.toCollection().primaryKeys()).toEqual(['s1']);
    expect(await t.db.rehearsals.toCollection().primaryKeys()).toEqual(['r1']);
    expect(await storedEvents(t.db)).toEqual([]);
    expect(await t.db.rehearsalEvents.count()).toBe(0);
  });

  it('no request of the whole surface, naming one as the other, makes a session of a rehearsal or a rehearsal of a session', async () => {
    const t = await setup();
    await t.ok('console.hello', {}, contentScript(2, TIKTOK));
    await t.ok('session.start', start('s1'), overlay(2));
    await t.ok('event.record', { id: 'se1', sessionId: 's1', cardId: HOODIE, item: WASH, language: 'en', action: 'said' }, overlay(2));
    await t.ok('rehearsal.start', start('r1'));
    await t.ok('rehearsal.record', rec('re1', 'r1', HOODIE, WASH, 'said'));
    await t.ok('rehearsal.end', { rehearsalId: 'r1' });
    await t.ok('rehearsal.keep', { rehearsalId: 'r1' });
    // Every request type, with every session field naming the rehearsal and every rehearsal
    // field naming the session, from every kind of sender.
    const said = { cardId: HOODIE, item: WASH, language: 'en', action: 'said' };
    const crossed = [
      { sessionId: 'r1', rehearsalId: 's1', id: 'r1', deckId: 'demo-deck', host: 'X', ...said },
      { sessionId: 'r1', rehearsalId: 's1', id: 's1', deckId: 'demo-deck', host: 'X', ...said },
      { sessionId: 'r1' },
      { rehearsalId: 's1' },
      { id: 'r1', deckId: 'demo-deck', host: 'X' },
      { id: 's1', deckId: 'demo-deck', host: 'X' },
      { id: 'n1', sessionId: 'r1', ...said },
      { id: 'n2', rehearsalId: 's1', ...said },
      { sessionIds: ['r1'] },
    ];
    for (const type of Object.keys(requestSchemas)) {
      for (const payload of crossed) {
        for (const sender of [overlay(1), overlay(2), studio]) await t.reply(type, payload, sender);
      }
    }
    expect(await t.db.sessions.toCollection().primaryKeys()).toEqual(['s1']);
    expect(await t.db.rehearsals.toCollection().primaryKeys()).toEqual(['r1']);
    expect((await storedEvents(t.db)).map((e) => `${e.sessionId} ${e.id}`)).toEqual(['s1 se1']);
    expect((await t.db.rehearsalEvents.toArray()).map((e) => `${e.rehearsalId} ${e.id}`)).toEqual(['r1 re1']);
    expect((await t.db.rehearsals.get('r1'))?.kept).toBe(true);
  });
});

describe('binding a rehearsal to its tab, at once with Go live', () => {
  const openOnTab = async (t: Awaited<ReturnType<typeof setup>>) => {
    const sessions = (await t.repo.openSessions()).map((s) => `session ${s.id}`);
    const rehearsals = (await t.rehearsals.open()).map((r) => `rehearsal ${r.id}`);
    return [...sessions, ...rehearsals];
  };

  it.each([
    ['Rehearse sent first', ['rehearsal.start', 'session.start', 'rehearsal.start']],
    ['Go live sent first', ['session.start', 'rehearsal.start', 'session.start']],
  ])('Rehearse and Go live fired at once on one tab leave exactly one open (%s)', async (_name, order) => {
    const t = await setup();
    const replies = await Promise.all(order.map((type, i) => t.reply(type, start(`x${i}`))));
    const won = replies.flatMap((r, i) => (r.ok ? [i] : []));
    expect(won).toHaveLength(1);
    const winner = order[won[0]] === 'session.start' ? 'session' : 'rehearsal';
    // Whichever took the turn first, the others saw it.
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(2).fill(winner === 'session' ? 'session-already-live' : 'rehearsal-open'));
    expect(await openOnTab(t)).toEqual([`${winner} x${won[0]}`]);
    // What the sidebar opens on agrees.
    const boot = await t.ok<SidebarBootstrap>('sidebar.bootstrap', {});
    expect(boot.session?.id ?? boot.rehearsal?.rehearsal.id).toBe(`x${won[0]}`);
    expect(winner === 'session' ? boot.rehearsal : boot.session).toBeFalsy();
  });

  it('Rehearse pressed twice gives one rehearsal: the same id answers it, another is refused', async () => {
    const t = await setup();
    const replies = await Promise.all([t.reply('rehearsal.start', start('r1')), t.reply('rehearsal.start', start('r1')), t.reply('rehearsal.start', start('r2'))]);
    expect(replies.map((r) => (r.ok ? (r.data as Rehearsal).id : r.code))).toEqual(['r1', 'r1', 'rehearsal-open']);
    expect(await openOnTab(t)).toEqual(['rehearsal r1']);
  });

  it('two tabs rehearse at once, each its own; a tab can go live once its rehearsal has ended', async () => {
    const t = await setup();
    await t.ok('console.hello', {}, contentScript(2, TIKTOK));
    await Promise.all([t.ok('rehearsal.start', start('r1')), t.ok('rehearsal.start', start('r2'), overlay(2))]);
    expect([await t.tabs.rehearsalOf(1), await t.tabs.rehearsalOf(2)]).toEqual(['r1', 'r2']);
    expect(await t.code('session.start', start('s1'))).toBe('rehearsal-open');
    await t.ok('rehearsal.end', { rehearsalId: 'r1' });
    expect(await t.tabs.rehearsalOf(1)).toBeUndefined();
    expect((await t.ok<Session>('session.start', start('s1'))).id).toBe('s1');
    expect(await t.code('rehearsal.start', start('r3'))).toBe('session-already-live');
    expect(await openOnTab(t)).toEqual(['session s1', 'rehearsal r2']);
  });
});
