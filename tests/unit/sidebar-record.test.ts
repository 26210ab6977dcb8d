import { describe, expect, it, vi } from 'vitest';
import type { CardItem } from '../../lib/cards/items';
import { demoBundle } from '../../lib/demo/deck';
import type { Client } from '../../lib/messaging/client';
import type { Session } from '../../lib/schema/session';
import { recordPayload, recordingContext, type RecordPayload } from '../../lib/sidebar/record';
import { createSidebarStore, currentCard } from '../../lib/sidebar/store';
import { NOW } from './helpers';
import { background, overlay } from './sessions-helpers';

// Issue 16: the `event.record` payload is built in one place. The builder is spied on, so every
// payload the sidebar sends can be checked to be the very object the builder returned.
vi.mock('../../lib/sidebar/record', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/sidebar/record')>();
  return { ...real, recordPayload: vi.fn(real.recordPayload) };
});

const demo = demoBundle(NOW);
const hoodie = demo.cards[0];
const wash = hoodie.caveats[0];
const session = { id: 's1', language: 'zh-CN' } as Session;

describe('recordPayload, the one builder of event.record payloads', () => {
  it('names the item by kind and id alone and records the language the item was shown in', () => {
    const item = { kind: 'caveat', id: wash.id, mustSay: true, label: 'x' } as unknown as CardItem;
    const ctx = recordingContext({ session, bundle: demo, viewerChoice: 'en' })!;
    expect(recordPayload(ctx, { id: 'e1', card: hoodie, policy: undefined, item, action: 'said' })).toEqual({
      id: 'e1',
      sessionId: 's1',
      cardId: hoodie.id,
      item: { kind: 'caveat', id: wash.id },
      language: 'en',
      action: 'said',
    });
  });

  it('records the fallback language when the caveat has no text in the viewer language', () => {
    const englishOnly = { ...hoodie, caveats: [{ ...wash, text: { en: 'Wash separately.' } }] };
    const ctx = recordingContext({ session, bundle: demo, viewerChoice: undefined })!;
    expect(ctx.viewer).toBe('zh-CN');
    const payload = recordPayload(ctx, { id: 'e1', card: englishOnly, policy: undefined, item: { kind: 'caveat', id: wash.id }, action: 'skipped' });
    expect(payload).toMatchObject({ language: 'en', action: 'skipped' });
    expect(payload).not.toHaveProperty('corrects');
  });

  it('names the corrected event only on a correction, and has no context without a session', () => {
    const ctx = recordingContext({ session, bundle: demo })!;
    const fix = recordPayload(ctx, { id: 'e2', card: hoodie, policy: undefined, item: { kind: 'caveat', id: wash.id }, action: 'correction', corrects: 'e1' });
    expect(fix).toMatchObject({ action: 'correction', corrects: 'e1', language: 'zh-CN' });
    expect(recordingContext({ session: null, bundle: demo })).toBeUndefined();
  });
});

describe('every sidebar path that records goes through recordPayload', () => {
  it('said (M), correction, skipped (gate) and the end-of-show recap all send what the builder built', async () => {
    const bg = await background();
    await bg.openConsole(1);
    const client = bg.client(overlay(1));
    const sent: RecordPayload[] = [];
    const call = ((type: string, payload: unknown) => {
      if (type === 'event.record') sent.push(payload as RecordPayload);
      return client(type as never, payload as never);
    }) as Client;
    let n = 0;
    const { store, actions } = createSidebarStore({ call, newId: () => `id-${++n}` });
    const built = vi.mocked(recordPayload);
    built.mockClear();

    await actions.init();
    await actions.goLive('Lina');
    const card = currentCard(store.getState())!;
    const said = card.items[store.getState().selected];
    await actions.markSelected();
    await actions.correct(said, 'fix-1');
    actions.next();
    expect(store.getState()).toMatchObject({ index: 1, gate: null });
    // Leaving the cover with its must-say caveat unsaid: the gate, then "go on anyway" records it skipped.
    actions.next();
    expect(store.getState().gate).not.toBeNull();
    actions.next();
    await vi.waitFor(() => expect(Object.keys(store.getState().skipped).length).toBeGreaterThan(0));
    actions.requestEnd();
    actions.requestEnd();
    await vi.waitFor(() => expect(store.getState().session).toBeNull());

    const results = built.mock.results.map((r) => r.value as RecordPayload);
    expect(new Set(sent.map((p) => p.action))).toEqual(new Set(['said', 'correction', 'skipped']));
    expect(sent.some((p) => p.action === 'said' && p.item.kind === 'policy')).toBe(true);
    // Each payload sent is the builder's own object (not a copy, not built beside it), and each
    // one the builder made was sent.
    for (const p of sent) expect(results).toContain(p);
    expect(results.every((r) => sent.includes(r))).toBe(true);
    // And what the background recorded is what was sent, event for event.
    const events = await bg.repo.listEvents(sent[0].sessionId);
    expect(events.map((e) => e.id).sort()).toEqual(sent.map((p) => p.id).sort());
  });
});

describe('an obscured sidebar records on no path', () => {
  it('refuses said, correction, skipped and the recap alike, and the log stays as it was', async () => {
    const bg = await background();
    await bg.openConsole(1);
    let n = 0;
    const { store, actions } = createSidebarStore({ call: bg.client(overlay(1)), newId: () => `id-${++n}` });
    await actions.init();
    await actions.goLive('Lina');
    const card = currentCard(store.getState())!;
    const wash = card.items[store.getState().selected];
    await actions.markSaid(wash);
    const sessionId = store.getState().session!.id;
    const before = (await bg.repo.listEvents(sessionId)).map((e) => e.id);
    expect(before).toHaveLength(1);

    actions.setObscured(true);
    await expect(actions.correct(wash, 'fix-1')).rejects.toMatchObject({ code: 'obscured' });
    const policy = card.items.find((it) => it.kind === 'policy')!;
    await actions.markSaid(policy);
    expect(Object.values(store.getState().marks).filter((m) => m.state === 'failed').map((m) => m.state === 'failed' && m.code)).toEqual(['obscured']);
    actions.next();
    actions.next();
    actions.next();
    await vi.waitFor(() => expect(store.getState().actionError).toBe('obscured'));
    store.setState({ actionError: undefined });
    await actions.endWithRecap();
    expect(store.getState()).toMatchObject({ actionError: 'obscured', session: { id: sessionId } });
    expect((await bg.repo.listEvents(sessionId)).map((e) => e.id)).toEqual(before);
  });
});
