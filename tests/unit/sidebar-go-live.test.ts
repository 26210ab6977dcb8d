import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/schema/session';
import { UpfrontError } from '../../lib/errors';
import { consoleContext, demo, fakeSidebar, NOW } from '../helpers/fake-background';
import { deferred } from '../helpers/deferred';

// Issue 15: Go live (and Resume) pressed again while the first press is on its way does nothing.

const live = (id: string): Session => ({
  id,
  deckId: demo.deck.id,
  deckName: demo.deck.name,
  host: 'Ana',
  platform: 'tiktok-shop',
  consoleOrigin: consoleContext.origin,
  market: 'EU',
  language: 'en',
  startedAt: NOW,
  lastSeq: 0,
  head: '0'.repeat(64),
});

describe('Go live while a start is on its way', () => {
  it('sends one session.start for two presses in the same task', async () => {
    const answer = deferred<Session>();
    const { sidebar, types } = fakeSidebar({ 'session.start': () => answer.promise });
    await sidebar.actions.init();
    const first = sidebar.actions.goLive('Ana');
    const second = sidebar.actions.goLive('Ana');
    expect(sidebar.store.getState().starting).toBe(true);
    answer.resolve(live('id-1'));
    await Promise.all([first, second]);
    expect(types().filter((t) => t === 'session.start')).toHaveLength(1);
    expect(sidebar.store.getState()).toMatchObject({ starting: false, session: { id: 'id-1' } });
  });

  it('a refused start because another view of the tab went live shows that show, not an error', async () => {
    let current: Session | null = null;
    const { sidebar } = fakeSidebar({
      'session.current': () => current,
      'session.start': () => {
        current = live('from-the-side-panel');
        throw new UpfrontError('session-already-live', current.id);
      },
    });
    await sidebar.actions.init();
    await sidebar.actions.goLive('Ana');
    expect(sidebar.store.getState()).toMatchObject({ session: { id: 'from-the-side-panel' }, starting: false });
    expect(sidebar.store.getState().actionError).toBeUndefined();
  });

  it('sends one session.resume for two presses of Resume', async () => {
    const answer = deferred<Session>();
    const left = live('left-open');
    let current: Session | null = null;
    const { sidebar, types } = fakeSidebar({
      'session.resumable': () => (current ? [] : [left]),
      'session.current': () => current,
      'session.resume': () => answer.promise.then((s) => (current = s)),
    });
    await sidebar.actions.init();
    const first = sidebar.actions.resume('left-open');
    const second = sidebar.actions.resume('left-open');
    answer.resolve(left);
    await Promise.all([first, second]);
    expect(types().filter((t) => t === 'session.resume')).toHaveLength(1);
    expect(sidebar.store.getState().session?.id).toBe('left-open');
  });
});
