import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { StageKeeper } from '../../lib/background/stage';
import { StageHub } from '../../lib/background/stage-hub';
import type { RecordInput, Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { UpfrontError } from '../../lib/errors';
import { productGroups } from '../../lib/export/timeline';
import type { Reply } from '../../lib/messaging/types';
import type { DisclosureEvent } from '../../lib/schema/session';
import { DEFAULT_STAGE } from '../../lib/stage/settings';
import { onScreenSpans } from '../../lib/stage/on-screen';
import type { StageState } from '../../lib/stage/state';
import { NOW, freshRepo } from './helpers';
import { TIKTOK, contentScript, overlay, studio } from './sessions-helpers';
import { testService } from '../helpers/service';

// The stage (issue 18) over the real service and Dexie (fake-indexeddb).

const HOODIE = 'demo-card-hoodie';
const COVER = 'demo-card-cover';
const SIZE = { kind: 'size', id: 'size' } as const;
const SCALE = { kind: 'scale', id: 'scale' } as const;

/** The log's writes, as the stage keeper makes them: `fail` says which one to refuse (a full disk). */
function watchedRepo(repo: Repository, order: string[], fail: (input: RecordInput) => boolean) {
  return Object.assign(Object.create(repo) as Repository, {
    recordEvent: async (input: RecordInput) => {
      order.push(`record ${input.action}`);
      if (fail(input)) throw new UpfrontError('disk-full', 'refused by the test');
      return repo.recordEvent(input);
    },
  });
}

async function setup(fail: (input: RecordInput) => boolean = () => false) {
  const { repo: plain } = freshRepo();
  await plain.putDeckBundle(demoBundle(NOW));
  const clock = { now: NOW };
  const pushes: (StageState | null)[] = [];
  const order: string[] = [];
  const repo = watchedRepo(plain, order, fail);
  let n = 0;
  const push = (_s: string, state: StageState | null) => {
    order.push(`push ${state?.item?.kind ?? (state ? 'name' : 'nothing')}`);
    pushes.push(state);
  };
  const session = memoryKeyValue();
  const stage = new StageKeeper({ repo, session, now: () => clock.now, newId: () => `stage-${++n}`, push });
  const opened: string[] = [];
  const handle = testService({ repo, now: () => clock.now, stage, openWindow: async (url) => (opened.push(url), 77) });
  const call = async <T,>(type: string, payload: unknown, sender = overlay(7)): Promise<T> => {
    const reply = (await handle({ type, payload }, sender)) as Reply<T>;
    if (!reply.ok) throw Object.assign(new Error(`${reply.code}: ${reply.detail}`), { code: reply.code });
    return reply.data;
  };
  await call('console.hello', {}, contentScript(7, TIKTOK));
  await call('session.start', { id: 'show', deckId: 'demo-deck', host: 'Ana' });
  const put = (cardId: string, item?: { kind: string; id: string }, extra: Record<string, unknown> = {}) =>
    call<StageState>('stage.put', { sessionId: 'show', cardId, ...(item ? { item } : {}), language: 'en', unit: 'cm', settings: DEFAULT_STAGE, ...extra });
  const events = () => repo.listEvents('show');
  return { repo, stage, clock, call, put, events, pushes, opened, order, session };
}

const brief = (events: DisclosureEvent[]) => events.map((e) => `${e.action} ${e.item.kind}${e.stage ? ` @${e.stage.layout}` : ''}`);

describe('the stage', () => {
  it('records an item put on stage with its layout and language, and when it left, replaced or taken off', async () => {
    const t = await setup();
    await t.put(HOODIE, SIZE);
    t.clock.now += 7000;
    await t.put(HOODIE, SIZE, { sizeRow: 2 }); // the highlighted size moved: same showing, no event
    await t.put(HOODIE, SCALE);
    t.clock.now += 3000;
    await t.call('stage.clear', { sessionId: 'show' });
    expect(brief(await t.events())).toEqual(['shown size @lower-third', 'hidden size @lower-third', 'shown scale @lower-third', 'hidden scale @lower-third']);
    const [shown] = await t.events();
    expect(shown).toMatchObject({ language: 'en', cardId: HOODIE, offsetMs: 0 });
    const spans = onScreenSpans(await t.events());
    expect(spans.map((s) => [s.item.kind, s.fromMs, s.toMs])).toEqual([
      ['size', 0, 7000],
      ['scale', 7000, 10000],
    ]);
    expect(t.pushes.at(-1)).toBeNull();
    expect(t.pushes.find((p) => p?.sizeRow === 2)).toBeDefined();
  });

  it('shows a change on the stage before it writes the log, and the log keeps the times', async () => {
    const t = await setup();
    await t.put(HOODIE, SIZE);
    t.clock.now += 2000;
    await t.put(HOODIE, SCALE);
    await t.put(COVER);
    expect(t.order).toEqual(['push size', 'record shown', 'push scale', 'record hidden', 'record shown', 'push name', 'record hidden']);
    const events = await t.events();
    expect(events.map((e) => [e.action, e.item.kind, e.offsetMs])).toEqual([
      ['shown', 'size', 0],
      ['hidden', 'size', 2000],
      ['shown', 'scale', 2000],
      ['hidden', 'scale', 2000],
    ]);
    // What the stage window reads is what it was pushed, with the showing's event once recorded.
    const state = await t.call<StageState | null>('stage.get', { sessionId: 'show' }, studio);
    expect(state).toMatchObject({ cardId: COVER });
    expect(state?.item).toBeUndefined();
    // A service worker started again finds the stage where the last one left it.
    await t.put(HOODIE, SIZE);
    const restarted = new StageKeeper({ repo: t.repo, session: t.session, now: () => t.clock.now, newId: () => 'restarted', push: () => undefined });
    expect(await restarted.get('show')).toMatchObject({ cardId: HOODIE, item: SIZE, shownEventId: (await t.events()).at(-1)!.id });
  });

  it('takes a showing the log could not record off the stage again, and says so', async () => {
    const t = await setup((input) => input.action === 'shown' && input.item.kind === 'scale');
    const first = await t.put(HOODIE, SIZE);
    expect(first.shownEventId).toBeDefined();
    // The size chart's leaving is recorded, the drawing's showing is refused: the stage shows the
    // product's name alone, as the log says, and the host gets the error.
    await expect(t.put(HOODIE, SCALE)).rejects.toMatchObject({ code: 'disk-full' });
    expect(t.order.slice(2)).toEqual(['push scale', 'record hidden', 'record shown', 'push name']);
    expect(brief(await t.events())).toEqual(['shown size @lower-third', 'hidden size @lower-third']);
    const state = await t.call<StageState | null>('stage.get', { sessionId: 'show' }, studio);
    expect(state).toMatchObject({ cardId: HOODIE });
    expect(state?.item).toBeUndefined();

    // Nothing recorded at all (the first write refused): the stage goes back to what it showed.
    const u = await setup((input) => input.action === 'hidden');
    const shown = await u.put(HOODIE, SIZE);
    await expect(u.put(HOODIE, SCALE)).rejects.toMatchObject({ code: 'disk-full' });
    expect(u.pushes.map((p) => p?.item?.kind)).toEqual(['size', 'scale', 'size']);
    expect(await u.call<StageState | null>('stage.get', { sessionId: 'show' }, studio)).toMatchObject({ item: SIZE, shownEventId: shown.shownEventId });
    await expect(u.call('stage.clear', { sessionId: 'show' })).rejects.toMatchObject({ code: 'disk-full' });
    expect(u.pushes.at(-1)).toMatchObject({ item: SIZE });
    expect(brief(await u.events())).toEqual(['shown size @lower-third']);
  });

  it('another language or layout is a new showing', async () => {
    const t = await setup();
    await t.put(HOODIE, SIZE);
    await t.put(HOODIE, SIZE, { language: 'zh-CN' });
    await t.put(HOODIE, SIZE, { language: 'zh-CN', settings: { ...DEFAULT_STAGE, layout: 'full' } });
    expect(brief(await t.events())).toEqual(['shown size @lower-third', 'hidden size @lower-third', 'shown size @lower-third', 'hidden size @lower-third', 'shown size @full']);
    expect((await t.events())[2].language).toBe('zh-CN');
  });

  it('never shows two items at once in the log, however many changes arrive at once', async () => {
    const t = await setup();
    const items = [SIZE, SCALE, { kind: 'caveat', id: 'demo-caveat-wash' }, SIZE, SCALE];
    await Promise.all(items.map((item) => t.put(HOODIE, item)));
    await Promise.all([t.put(COVER, undefined), t.call('stage.clear', { sessionId: 'show' }), t.put(HOODIE, SIZE)]);
    const events = await t.events();
    let on = 0;
    for (const e of events) {
      on += e.action === 'shown' ? 1 : e.action === 'hidden' ? -1 : 0;
      expect(on).toBeGreaterThanOrEqual(0);
      expect(on).toBeLessThanOrEqual(1);
    }
    const state = await t.call<StageState | null>('stage.get', { sessionId: 'show' }, studio);
    expect(on).toBe(state?.item ? 1 : 0);
  });

  it('takes what is on stage off, recorded, when the show ends or the stage window closes; refuses notes and ended shows', async () => {
    const t = await setup();
    await t.call('stage.open', { sessionId: 'show', size: '1920x1080' });
    expect(t.opened).toEqual(['stage.html#show']);
    await t.put(HOODIE, SIZE);
    await t.stage.windowClosed(77);
    expect(brief(await t.events())).toEqual(['shown size @lower-third', 'hidden size @lower-third']);
    await expect(t.put(HOODIE, { kind: 'note', id: 'demo-note-care' })).rejects.toMatchObject({ code: 'not-for-stage' });
    await t.put(HOODIE, SCALE);
    t.clock.now += 60_000;
    await t.call('session.end', { sessionId: 'show' });
    const events = await t.events();
    expect(brief(events).slice(-2)).toEqual(['shown scale @lower-third', 'hidden scale @lower-third']);
    await expect(t.put(HOODIE, SIZE)).rejects.toMatchObject({ code: 'session-ended' });
  });

  it('counts a must-say item shown on stage for the deck’s minimum as disclosed (said / shown / both)', async () => {
    const t = await setup();
    const caveat = { kind: 'caveat', id: 'demo-caveat-wash' };
    await t.put(HOODIE, caveat);
    t.clock.now += 4000; // under 5 s: not enough
    await t.call('stage.clear', { sessionId: 'show' });
    const session = (await t.repo.getSession('show'))!;
    const bundle = await t.repo.getDeckBundle('demo-deck');
    let row = productGroups(session, await t.events(), await t.repo.getSnapshots([...new Set((await t.events()).map((e) => e.cardHash))]), bundle)
      .find((g) => g.cardId === HOODIE)!
      .coverage.find((c) => c.item.id === caveat.id)!;
    expect(row.status).toBe('not-said');
    await t.put(HOODIE, caveat);
    t.clock.now += 6000;
    await t.call('stage.clear', { sessionId: 'show' });
    const events = await t.events();
    const snaps = await t.repo.getSnapshots([...new Set(events.map((e) => e.cardHash))]);
    row = productGroups(session, events, snaps, bundle).find((g) => g.cardId === HOODIE)!.coverage.find((c) => c.item.id === caveat.id)!;
    expect(row).toMatchObject({ status: 'said', via: 'shown' });
    await t.call('event.record', { id: 'said-1', sessionId: 'show', cardId: HOODIE, item: caveat, language: 'en', action: 'said' });
    const all = await t.events();
    row = productGroups(session, all, snaps, { ...bundle, deck: { ...bundle.deck, stageMinMs: 10_000 } })
      .find((g) => g.cardId === HOODIE)!
      .coverage.find((c) => c.item.id === caveat.id)!;
    expect(row).toMatchObject({ status: 'said', via: 'said' }); // 6 s is under this deck's 10 s
    row = productGroups(session, all, snaps, bundle).find((g) => g.cardId === HOODIE)!.coverage.find((c) => c.item.id === caveat.id)!;
    expect(row).toMatchObject({ status: 'said', via: 'both' });
  });

  it('pushes only to stage windows watching that session', () => {
    const hub = new StageHub();
    const got: string[] = [];
    const port = (name: string) => {
      let onMsg: (m: unknown) => void = () => undefined;
      return {
        postMessage: (m: { state: StageState | null }) => got.push(`${name}:${m.state?.cardId ?? 'off'}`),
        onMessage: { addListener: (fn: (m: unknown) => void) => (onMsg = fn) },
        onDisconnect: { addListener: () => undefined },
        watch: (sessionId: string) => onMsg({ type: 'watch', sessionId }),
      };
    };
    const a = port('a');
    const b = port('b');
    hub.connect(a);
    hub.connect(b);
    a.watch('show');
    b.watch('other');
    hub.push('show', { cardId: HOODIE } as StageState);
    hub.push('other', null);
    expect(got).toEqual([`a:${HOODIE}`, 'b:off']);
  });
});
