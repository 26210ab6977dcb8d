import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpfrontError } from '../../lib/errors';
import { composeSidebarBootstrap, type Ask } from '../../lib/messaging/bootstrap';
import { OPEN_RETRY_MS, OPEN_SILENCE_MS } from '../../lib/sidebar/slices/sync';
import { consoleContext, fakeAsk, fakeSidebar } from '../helpers/fake-background';

// The sidebar's opening is never silent (start-up order, docs/architecture.md): a background
// that cannot be reached is asked again, one that does not answer is shown as not answering,
// with a retry, and its late answer still opens the sidebar.

/** The bootstrap a background beside the demo console answers. */
const answer = () => composeSidebarBootstrap(fakeAsk() as unknown as Ask, {});
const unreachable = () => Promise.reject(new UpfrontError('background-unreachable', 'The message port closed before a response was received.'));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the sidebar's opening request", () => {
  it('asks again when the worker was restarting, and opens on the console once it answers', async () => {
    let asked = 0;
    const { sidebar } = fakeSidebar({ 'sidebar.bootstrap': () => (++asked <= 2 ? unreachable() : answer()) });
    const opened = sidebar.actions.init();
    await vi.runAllTimersAsync();
    await opened;
    expect(asked).toBe(3);
    expect(sidebar.store.getState()).toMatchObject({ status: 'ready', context: consoleContext });
  });

  it('says the background cannot be reached, with a retry, once the retries are spent', async () => {
    let reachable = false;
    const { sidebar } = fakeSidebar({ 'sidebar.bootstrap': () => (reachable ? answer() : unreachable()) });
    const opened = sidebar.actions.init();
    await vi.runAllTimersAsync();
    await opened;
    expect(sidebar.store.getState()).toMatchObject({ status: 'error', error: 'background-unreachable' });
    reachable = true;
    await sidebar.actions.init(); // the Retry button
    expect(sidebar.store.getState()).toMatchObject({ status: 'ready', context: consoleContext });
  });

  it('a request never answered is shown as such after a while, and its late answer still opens the sidebar', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { sidebar } = fakeSidebar({ 'sidebar.bootstrap': () => held.then(answer) });
    const opened = sidebar.actions.init();
    await vi.advanceTimersByTimeAsync(OPEN_SILENCE_MS - 1);
    expect(sidebar.store.getState().status).toBe('loading');
    await vi.advanceTimersByTimeAsync(1);
    expect(sidebar.store.getState()).toMatchObject({ status: 'error', error: 'background-slow' });
    release();
    await opened;
    expect(sidebar.store.getState()).toMatchObject({ status: 'ready', error: undefined, context: consoleContext });
  });

  it('a refusal is shown at once, not asked again', async () => {
    const { sidebar, types } = fakeSidebar({ 'sidebar.bootstrap': () => Promise.reject(new UpfrontError('forbidden')) });
    await sidebar.actions.init();
    expect(sidebar.store.getState()).toMatchObject({ status: 'error', error: 'forbidden' });
    expect(types().filter((t) => t === 'sidebar.bootstrap')).toHaveLength(1);
    expect(OPEN_RETRY_MS.length).toBeGreaterThan(0);
  });
});
