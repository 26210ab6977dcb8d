import { describe, expect, it, vi } from 'vitest';
import type { Client } from '../../lib/messaging/client';
import type { Rehearsal, RehearsalEvent } from '../../lib/rehearsal/types';
import { routeForRehearsal } from '../../lib/sidebar/rehearsal';
import { markKey } from '../../lib/sidebar/store';
import { consoleContext, demo, fakeSidebar, NOW } from '../helpers/fake-background';

// The sidebar's side of a rehearsal (lib/sidebar/rehearsal.ts) over the real store.

const open: Rehearsal = {
  id: 'r1',
  deckId: demo.deck.id,
  deckName: demo.deck.name,
  host: 'Ana',
  platform: 'tiktok-shop',
  consoleOrigin: consoleContext.origin,
  market: 'EU',
  language: 'en',
  startedAt: NOW,
  lastSeq: 4,
};
const [hoodie, cover] = demo.cards;
const caveatOf = (c: typeof hoodie) => ({ kind: 'caveat' as const, id: c.caveats[0].id });
const events: RehearsalEvent[] = [
  { id: 'v1', rehearsalId: 'r1', seq: 1, at: NOW, cardId: hoodie.id, action: 'viewed' },
  { id: 'e1', rehearsalId: 'r1', seq: 2, at: NOW + 1, cardId: hoodie.id, action: 'said', item: caveatOf(hoodie), language: 'en' },
  { id: 'e2', rehearsalId: 'r1', seq: 3, at: NOW + 2, cardId: hoodie.id, action: 'skipped', item: { kind: 'size', id: 'size' }, language: 'en' },
  { id: 'v2', rehearsalId: 'r1', seq: 4, at: NOW + 3, cardId: cover.id, action: 'viewed' },
];

describe('the sidebar opening on a rehearsal', () => {
  it('holds it in the session slot, marked as a rehearsal, with its marks and on the card it was on', async () => {
    const { sidebar } = fakeSidebar({ 'rehearsal.current': () => ({ rehearsal: open, events }) });
    await sidebar.actions.init();
    const s = sidebar.store.getState();
    expect(s.rehearsal).toBe(true);
    expect(s.session).toMatchObject({ id: 'r1', host: 'Ana', head: '' });
    expect(s.marks[markKey(hoodie.id, caveatOf(hoodie))]).toEqual({ state: 'recorded', eventId: 'e1' });
    expect(s.skipped[markKey(hoodie.id, { kind: 'size', id: 'size' })]).toBe('e2');
    expect(s.bundle?.cards[s.index].id).toBe(cover.id);
  });

  it('a live session on the tab wins: the rehearsal answer is not even asked for', async () => {
    const live = { ...open, id: 's1', head: 'x'.repeat(64), lastSeq: 0 };
    const { sidebar, types } = fakeSidebar({ 'session.current': () => live, 'rehearsal.current': () => ({ rehearsal: open, events }) });
    await sidebar.actions.init();
    expect(sidebar.store.getState()).toMatchObject({ rehearsal: false, session: { id: 's1' } });
    expect(types()).not.toContain('rehearsal.current');
  });
});

describe('routeForRehearsal', () => {
  const setup = (rehearsalId: string | undefined) => {
    const send = vi.fn(async (type: string, payload: unknown) => ({ type, payload }));
    let n = 0;
    const call = routeForRehearsal(send as unknown as Client, () => rehearsalId, () => `n${++n}`);
    return { send, call: call as unknown as (type: string, payload: unknown) => Promise<unknown> };
  };

  it("sends the rehearsal's recording, ending and card-on-screen requests to the rehearsal log", async () => {
    const { send, call } = setup('r1');
    await call('event.record', { id: 'e1', sessionId: 'r1', cardId: 'c', item: { kind: 'size', id: 'size' }, language: 'en', action: 'said' });
    await call('session.end', { sessionId: 'r1' });
    expect(await call('onScreen.set', { sessionId: 'r1', cardId: 'c' })).toBeNull();
    await call('stage.put', { sessionId: 'r1', cardId: 'c' });
    expect(send.mock.calls).toEqual([
      ['rehearsal.record', { id: 'e1', rehearsalId: 'r1', cardId: 'c', item: { kind: 'size', id: 'size' }, language: 'en', action: 'said' }],
      ['rehearsal.end', { rehearsalId: 'r1' }],
      ['rehearsal.record', { id: 'n1', rehearsalId: 'r1', cardId: 'c', action: 'viewed' }],
      // The stage is the background's to route (lib/rehearsal/stage-log.ts).
      ['stage.put', { sessionId: 'r1', cardId: 'c' }],
    ]);
  });

  it('leaves every request alone outside a rehearsal, and any naming another session', async () => {
    const outside = setup(undefined);
    await outside.call('event.record', { id: 'e1', sessionId: 'r1' });
    const during = setup('r1');
    await during.call('session.end', { sessionId: 's-other' });
    expect([...outside.send.mock.calls, ...during.send.mock.calls]).toEqual([
      ['event.record', { id: 'e1', sessionId: 'r1' }],
      ['session.end', { sessionId: 's-other' }],
    ]);
  });
});
