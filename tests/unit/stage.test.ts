import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { LayoutStore } from '../../lib/background/layouts';
import { createService } from '../../lib/background/service';
import { StageKeeper } from '../../lib/background/stage';
import { StageHub } from '../../lib/background/stage-hub';
import { TabRegistry } from '../../lib/background/tabs';
import { demoBundle } from '../../lib/demo/deck';
import { productGroups } from '../../lib/export/timeline';
import type { Reply } from '../../lib/messaging/types';
import type { DisclosureEvent } from '../../lib/schema/session';
import { DEFAULT_STAGE } from '../../lib/stage/settings';
import { onScreenSpans } from '../../lib/stage/on-screen';
import type { StageState } from '../../lib/stage/state';
import { NOW, freshRepo } from './helpers';
import { EXT, TIKTOK, contentScript, overlay, studio } from './sessions-helpers';

// The stage (issue 18) over the real service and Dexie (fake-indexeddb).

const HOODIE = 'demo-card-hoodie';
const COVER = 'demo-card-cover';
const SIZE = { kind: 'size', id: 'size' } as const;
const SCALE = { kind: 'scale', id: 'scale' } as const;

async function setup() {
  const { repo } = freshRepo();
  await repo.putDeckBundle(demoBundle(NOW));
  const clock = { now: NOW };
  const pushes: (StageState | null)[] = [];
  let n = 0;
  const stage = new StageKeeper({ repo, session: memoryKeyValue(), now: () => clock.now, newId: () => `stage-${++n}`, push: (_s, state) => pushes.push(state) });
  const opened: string[] = [];
  const handle = createService({
    extensionId: EXT,
    repo,
    tabs: new TabRegistry(memoryKeyValue()),
    layouts: new LayoutStore(memoryKeyValue()),
    local: memoryKeyValue(),
    now: () => clock.now,
    pushToTab: async () => undefined,
    pushHotkey: () => undefined,
    notifyChanged: () => undefined,
    activeTab: async () => undefined,
    enableSite: async () => undefined,
    stage,
    openWindow: async (url) => (opened.push(url), 77),
  });
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
  return { repo, stage, clock, call, put, events, pushes, opened };
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
