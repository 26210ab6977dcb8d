import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../lib/evidence/chain';
import type { DisclosureEvent } from '../../lib/schema/session';
import { createSidebarStore, markKey } from '../../lib/sidebar/store';
import { background, overlay } from './sessions-helpers';

const wash = { kind: 'caveat' as const, id: 'demo-caveat-wash' };
const base = { sessionId: 's1', cardId: 'demo-card-hoodie', item: wash, language: 'en' };

async function live() {
  const bg = await background();
  await bg.openConsole(1);
  await bg.ok('session.start', { id: 's1', deckId: 'demo-deck', host: 'Lina' }, overlay(1));
  return bg;
}

describe('corrections in the log', () => {
  it('points at the event it corrects and leaves that event untouched', async () => {
    const bg = await live();
    const first = await bg.ok<DisclosureEvent>('event.record', { ...base, id: 'e1', action: 'said' }, overlay(1));
    const fix = await bg.ok<DisclosureEvent>('event.record', { ...base, id: 'e2', action: 'correction', corrects: 'e1' }, overlay(1));
    const again = await bg.ok<DisclosureEvent>('event.record', { ...base, id: 'e3', action: 'correction', corrects: 'e2' }, overlay(1));
    expect([fix.corrects, again.corrects]).toEqual(['e1', 'e2']);
    const events = await bg.repo.listEvents('s1');
    expect(events[0]).toEqual(first);
    const session = (await bg.repo.getSession('s1'))!;
    expect(verifyChain(session, events, session.head)).toBeNull();
  });

  it.each([
    ['a correction without a target', { action: 'correction' }, 'correction-needs-target'],
    ['a target on an event that is not a correction', { action: 'said', corrects: 'e1' }, 'correction-needs-target'],
    ['a target that does not exist', { action: 'correction', corrects: 'nope' }, 'correction-target-missing'],
    ['a target about another item', { action: 'correction', corrects: 'e1', item: { kind: 'note', id: 'demo-note-material' } }, 'correction-other-item'],
  ])('refuses %s, writing nothing', async (_name, extra, code) => {
    const bg = await live();
    await bg.ok('event.record', { ...base, id: 'e1', action: 'said' }, overlay(1));
    expect(await bg.code('event.record', { ...base, id: 'x', ...extra }, overlay(1))).toBe(code);
    expect((await bg.repo.listEvents('s1')).map((e) => e.id)).toEqual(['e1']);
  });

  it('has no way to edit or delete an event: the request surface offers none', async () => {
    const { requestSchemas } = await import('../../lib/contracts');
    const writes = Object.keys(requestSchemas).filter((t) => t.startsWith('event.'));
    expect(writes.sort()).toEqual(['event.list', 'event.record']);
  });
});

describe('the sidebar’s correct action (against the real background)', () => {
  async function sidebar() {
    const bg = await live();
    let n = 0;
    const s = createSidebarStore({ call: bg.client(overlay(1)), newId: () => `id-${++n}` });
    await s.actions.init();
    return { bg, s };
  }

  it('corrects the last event of the item: first the said event, then the previous correction', async () => {
    const { bg, s } = await sidebar();
    await s.actions.markSaid(wash);
    const saidId = s.store.getState().marks[markKey('demo-card-hoodie', wash)]?.eventId;
    await s.actions.correct(wash, 'fix-1');
    await s.actions.correct(wash, 'fix-2');
    const events = await bg.repo.listEvents('s1');
    expect(events.map((e) => [e.id, e.action, e.corrects])).toEqual([
      [saidId, 'said', undefined],
      ['fix-1', 'correction', saidId],
      ['fix-2', 'correction', 'fix-1'],
    ]);
  });

  it('does not record a correction twice when retried with the same id', async () => {
    const { bg, s } = await sidebar();
    await s.actions.markSaid(wash);
    await s.actions.correct(wash, 'fix-1');
    // A retry after the reply was lost, and after a refresh reloaded the marks from the log.
    await s.actions.refresh();
    await s.actions.correct(wash, 'fix-1');
    expect((await bg.repo.listEvents('s1')).filter((e) => e.action === 'correction')).toHaveLength(1);
  });

  it('remembers corrections across a reload of the sidebar', async () => {
    const { bg, s } = await sidebar();
    await s.actions.markSaid(wash);
    await s.actions.correct(wash, 'fix-1');
    const again = createSidebarStore({ call: bg.client(overlay(1)), newId: () => 'new' });
    await again.actions.init();
    expect(again.store.getState().corrections[markKey('demo-card-hoodie', wash)]).toBe('fix-1');
  });

  it('refuses to correct an item that was never recorded', async () => {
    const { bg, s } = await sidebar();
    await expect(s.actions.correct(wash, 'fix-1')).rejects.toMatchObject({ code: 'correction-target-missing' });
    expect(await bg.repo.listEvents('s1')).toEqual([]);
  });

  it('offers a resume after a restart and carries on recording in the same session', async () => {
    const { bg, s } = await sidebar();
    await s.actions.markSaid(wash);
    bg.restart();
    await bg.openConsole(9);
    const fresh = createSidebarStore({ call: bg.client(overlay(9)), newId: () => 'later' });
    await fresh.actions.init();
    expect(fresh.store.getState().session).toBeNull();
    expect(fresh.store.getState().resumable.map((r) => r.id)).toEqual(['s1']);
    await fresh.actions.resume('s1');
    expect(fresh.store.getState().session?.id).toBe('s1');
    expect(fresh.store.getState().marks[markKey('demo-card-hoodie', wash)]?.state).toBe('recorded');
  });
});
