import { describe, expect, it } from 'vitest';
import { AUTO_END_AFTER_MS, type Session } from '../../lib/schema/session';
import { NOW } from './helpers';
import { YOUTUBE, background, overlay, studio } from './sessions-helpers';

const HOUR = 3_600_000;
const start = (id: string, extra: Record<string, unknown> = {}) => ({ id, deckId: 'demo-deck', host: 'Lina', ...extra });
const said = (id: string, sessionId: string) => ({ id, sessionId, cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said' });

describe('go live', () => {
  it('records the chosen market and language, and the platform and console recognised from the tab', async () => {
    const bg = await background();
    await bg.openConsole(1);
    const s = await bg.ok<Session>('session.start', start('s1', { market: 'GB', language: 'zh-CN' }), overlay(1));
    expect(s).toMatchObject({ market: 'GB', language: 'zh-CN', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', host: 'Lina' });
    expect(s.endedAt).toBeUndefined();
  });

  it('allows one live session per console tab, and one per tab at the same time', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.openConsole(2, YOUTUBE);
    await bg.ok('session.start', start('s1'), overlay(1));
    expect(await bg.code('session.start', start('s2'), overlay(1))).toBe('session-already-live');
    await bg.ok('session.start', start('s3'), overlay(2));
    expect((await bg.ok<Session>('session.current', {}, overlay(2))).id).toBe('s3');
  });

  it('ends a session with the host as the reason; the tab can then go live again', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    const ended = await bg.ok<Session>('session.end', { sessionId: 's1' }, overlay(1));
    expect(ended).toMatchObject({ endedAt: NOW, endReason: 'host' });
    expect(await bg.ok('session.current', {}, overlay(1))).toBeNull();
    await bg.ok('session.start', start('s2'), overlay(1));
  });
});

describe('resume after a crash or a closed tab', () => {
  it('offers the open session when the console is opened again after a browser restart', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('event.record', said('e1', 's1'), overlay(1));

    bg.restart(); // session storage gone, database kept
    bg.clock.now += HOUR;
    await bg.openConsole(7);
    expect(await bg.ok('session.current', {}, overlay(7))).toBeNull();
    const offered = await bg.ok<Session[]>('session.resumable', {}, overlay(7));
    expect(offered.map((s) => s.id)).toEqual(['s1']);

    const resumed = await bg.ok<Session>('session.resume', { sessionId: 's1' }, overlay(7));
    expect(resumed.id).toBe('s1');
    expect((await bg.ok<Session>('session.current', {}, overlay(7))).id).toBe('s1');
    // Recording carries on in the same chain.
    await bg.ok('event.record', said('e2', 's1'), overlay(7));
    expect((await bg.repo.getSession('s1'))?.lastSeq).toBe(2);
    expect(await bg.ok('session.resumable', {}, overlay(7))).toEqual([]);
  });

  it('offers it after the tab was closed, and lets the host end it instead', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.tabs.forget(1); // what tabs.onRemoved does when the console tab is closed
    await bg.openConsole(2);
    expect((await bg.ok<Session[]>('session.resumable', {}, overlay(2))).map((s) => s.id)).toEqual(['s1']);
    await bg.ok('session.end', { sessionId: 's1' }, overlay(2));
    expect(await bg.ok('session.resumable', {}, overlay(2))).toEqual([]);
    expect((await bg.repo.getSession('s1'))?.endReason).toBe('host');
  });

  it('does not offer a session live in another open tab, nor one of another console', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.openConsole(2);
    await bg.openConsole(3, YOUTUBE);
    await bg.ok('session.start', start('s1'), overlay(1));
    expect(await bg.ok('session.resumable', {}, overlay(2))).toEqual([]);
    expect(await bg.code('session.resume', { sessionId: 's1' }, overlay(2))).toBe('session-not-resumable');
    bg.restart();
    await bg.openConsole(3, YOUTUBE);
    expect(await bg.ok('session.resumable', {}, overlay(3))).toEqual([]);
    expect(await bg.code('session.resume', { sessionId: 's1' }, overlay(3))).toBe('session-not-resumable');
  });

  it('does not offer anything to a tab that is already live', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    bg.restart();
    await bg.openConsole(2);
    await bg.ok('session.start', start('s2'), overlay(2));
    expect(await bg.ok('session.resumable', {}, overlay(2))).toEqual([]);
    expect(await bg.code('session.resume', { sessionId: 's1' }, overlay(2))).toBe('session-not-resumable');
  });

  it('refuses to resume an ended session', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('session.end', { sessionId: 's1' }, overlay(1));
    bg.restart();
    await bg.openConsole(2);
    expect(await bg.code('session.resume', { sessionId: 's1' }, overlay(2))).toBe('session-ended');
  });
});

describe('auto-end', () => {
  it('uses a 12-hour idle threshold', () => {
    expect(AUTO_END_AFTER_MS).toBe(12 * HOUR);
  });

  it('ends a session idle for 12 hours with a note, when anything looks at sessions', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    bg.clock.now = NOW + 2 * HOUR;
    await bg.ok('event.record', said('e1', 's1'), overlay(1));

    bg.clock.now = NOW + 2 * HOUR + AUTO_END_AFTER_MS - 1;
    expect((await bg.ok<Session>('session.current', {}, overlay(1)))?.id).toBe('s1');

    bg.clock.now = NOW + 2 * HOUR + AUTO_END_AFTER_MS;
    const [listed] = await bg.ok<Session[]>('session.list', {}, studio);
    expect(listed).toMatchObject({ id: 's1', endReason: 'auto', endedAt: bg.clock.now });
    expect(listed.endNote).toContain('Ended automatically');
    expect(listed.endNote).toContain(new Date(NOW + 2 * HOUR).toISOString());
    expect(await bg.ok('session.current', {}, overlay(1))).toBeNull();
    // Its events are untouched and recording into it is refused.
    expect(await bg.code('event.record', said('e2', 's1'), overlay(1))).toBe('session-ended');
    expect((await bg.repo.listEvents('s1')).map((e) => e.id)).toEqual(['e1']);
  });

  it('counts idle time from the start when nothing was recorded', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    bg.restart();
    bg.clock.now = NOW + 13 * HOUR;
    await bg.openConsole(2);
    expect(await bg.ok('session.resumable', {}, overlay(2))).toEqual([]);
    expect((await bg.repo.getSession('s1'))?.endReason).toBe('auto');
  });

  it('never ends a session imported from another machine', async () => {
    const bg = await background();
    await bg.repo.startSession({ id: 'x', deckId: 'demo-deck', host: 'Other', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
    await bg.repo['db'].sessions.update('x', { origin: { installation: 'other', importedFrom: 'other.json', importedAt: NOW } });
    expect(await bg.repo.autoEndStale(NOW + 100 * HOUR)).toEqual([]);
    expect(await bg.code('session.end', { sessionId: 'x' }, studio)).toBe('session-imported');
  });
});
