import { describe, expect, it } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { createDontSayControl } from '../../lib/dont-say/control';
import { verifyChain } from '../../lib/evidence/chain';
import { verifyLogText } from '../../lib/evidence/verify';
import { logToCsv } from '../../lib/export/log-csv';
import { logToJson } from '../../lib/export/log-json';
import { productGroups } from '../../lib/export/timeline';
import { coverageCounts } from '../../lib/sessions/coverage';
import { hotkeyAction, KEYMAP } from '../../lib/hotkeys';
import { STAGE_KINDS } from '../../lib/stage/settings';
import type { DontSay } from '../../lib/schema/card';
import type { DisclosureEvent } from '../../lib/schema/session';
import { createSidebarStore } from '../../lib/sidebar/store';
import { logOf, NOW } from './helpers';
import { background, overlay } from './sessions-helpers';

const HOODIE = 'demo-card-hoodie';
const wash = { kind: 'caveat' as const, id: 'demo-caveat-wash' };

/** The demo deck live, its hoodie carrying don't-say items (one, or two). */
async function live(items = 1) {
  const bg = await background();
  const b = demoBundle(NOW);
  const all: DontSay[] = [
    { id: 'ds-water', claim: { en: 'waterproof', 'zh-CN': '防水' }, say: { en: 'splash-resistant', 'zh-CN': '防泼溅' } },
    { id: 'ds-cashmere', claim: { en: '100% cashmere' }, say: { en: 'cashmere blend' } },
  ];
  const dontSay = all.slice(0, items);
  await bg.repo.putDeckBundle({ ...b, cards: b.cards.map((c) => (c.id === HOODIE ? { ...c, dontSay } : c)) });
  await bg.openConsole(1);
  await bg.ok('session.start', { id: 's1', deckId: 'demo-deck', host: 'Lina' }, overlay(1));
  return bg;
}

const correction = { sessionId: 's1', cardId: HOODIE, item: { kind: 'dontSay', id: 'ds-water' }, language: 'en', action: 'correction' };

describe('the correction event on a don’t-say item', () => {
  it('is recorded without a target, chained like every event, and verifies in the exported log', async () => {
    const bg = await live();
    await bg.ok('event.record', { sessionId: 's1', cardId: HOODIE, item: wash, language: 'en', action: 'said', id: 'e1' }, overlay(1));
    const fix = await bg.ok<DisclosureEvent>('event.record', { ...correction, id: 'e2' }, overlay(1));
    expect(fix).toMatchObject({ seq: 2, item: { kind: 'dontSay', id: 'ds-water' }, action: 'correction' });
    expect(fix.corrects).toBeUndefined();
    const session = (await bg.repo.getSession('s1'))!;
    const events = await bg.repo.listEvents('s1');
    expect(verifyChain(session, events, session.head)).toBeNull();

    const data = await logOf(bg.repo, ['s1']);
    const report = await verifyLogText(logToJson(data, NOW));
    expect(report.ok).toBe(true);
    const csv = logToCsv(data).split('\r\n');
    const header = csv[0].replace('\uFEFF', '').split(',');
    const row = csv.find((l) => l.includes(',e2,'))!.split(',');
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('item_kind'), cell('item_id'), cell('item_text'), cell('action'), cell('corrects')]).toEqual(['dontSay', 'ds-water', 'waterproof → splash-resistant', 'correction', '']);
  });

  it('is retried safely: the same id records it once', async () => {
    const bg = await live();
    await Promise.all([bg.ok('event.record', { ...correction, id: 'e1' }, overlay(1)), bg.ok('event.record', { ...correction, id: 'e1' }, overlay(1))]);
    expect((await bg.repo.listEvents('s1')).map((e) => e.id)).toEqual(['e1']);
  });

  it.each([
    ['"said" on a don’t-say item', { action: 'said' }, 'dont-say-correction-only'],
    ['"skipped" on a don’t-say item', { action: 'skipped' }, 'dont-say-correction-only'],
    ['a target on a don’t-say correction', { corrects: 'e0' }, 'dont-say-correction-only'],
    ['a don’t-say item that is not on the card', { item: { kind: 'dontSay', id: 'nope' } }, 'item-not-on-card'],
  ])('refuses %s, writing nothing', async (_name, extra, code) => {
    const bg = await live();
    expect(await bg.code('event.record', { ...correction, id: 'x', ...extra }, overlay(1))).toBe(code);
    expect(await bg.repo.listEvents('s1')).toEqual([]);
  });

  it('does not count in must-say coverage, and shows in the timeline with its text', async () => {
    const bg = await live();
    await bg.ok('event.record', { ...correction, id: 'e1' }, overlay(1));
    const data = await logOf(bg.repo, ['s1']);
    const session = data.sessions[0];
    const withFix = productGroups(session, data.events, data.snapshots, null).find((g) => g.cardId === HOODIE)!;
    const without = productGroups(session, [], [], { ...demoBundle(NOW) }).find((g) => g.cardId === HOODIE)!;
    expect(withFix.coverage.map((c) => c.item.kind)).not.toContain('dontSay');
    expect(coverageCounts(withFix.coverage)).toEqual(coverageCounts(without.coverage));
    expect(withFix.entries.map((e) => [e.event.item.kind, e.event.action])).toEqual([['dontSay', 'correction']]);
  });

  it('never goes on the stage: the stage takes none of its kind', () => {
    expect(STAGE_KINDS as readonly string[]).not.toContain('dontSay');
  });
});

describe('the correction key', () => {
  it('is C, in the key help, and collides with no other key', () => {
    expect(hotkeyAction('c')).toEqual({ type: 'dontSayCorrect' });
    expect(hotkeyAction('C')).toEqual({ type: 'dontSayCorrect' });
    expect(KEYMAP.filter(([keys]) => keys.split(/[ /]+/).includes('C'))).toEqual([['C', 'keys.dontSayCorrect']]);
  });

  async function sidebar(items: number) {
    const bg = await live(items);
    let n = 0;
    const s = createSidebarStore({ call: bg.client(overlay(1)), newId: () => `id-${++n}` });
    await s.actions.init();
    const control = createDontSayControl({ sidebar: s.store, call: bg.client(overlay(1)), newId: () => `fix-${++n}`, now: () => NOW });
    const corrections = async () => (await bg.repo.listEvents('s1')).filter((e) => e.item.kind === 'dontSay').map((e) => e.item.id);
    return { bg, s, control, corrections };
  }

  it('records the one don’t-say item of the card at once', async () => {
    const { control, corrections } = await sidebar(1);
    await control.actions.press();
    expect(await corrections()).toEqual(['ds-water']);
    expect(Object.values(control.store.getState().marks)).toEqual([{ state: 'recorded', eventId: expect.any(String), at: NOW }]);
  });

  it('asks which when the card has several; a digit answers, Escape backs out', async () => {
    const { control, corrections, bg } = await sidebar(2);
    await control.actions.press();
    expect(control.store.getState().choosing).toBe(true);
    expect(await corrections()).toEqual([]);
    expect(control.actions.cancel()).toBe(true);
    expect(control.store.getState().choosing).toBe(false);
    await control.actions.press();
    expect(control.actions.choose(1)).toBe(true);
    await expect.poll(corrections).toEqual(['ds-cashmere']);
    expect(control.actions.choose(0)).toBe(false); // no longer asking: the digit selects an item as usual
    expect((await bg.repo.listEvents('s1')).length).toBe(1);
  });

  it('records each slip: a second press is a second event', async () => {
    const { control, corrections } = await sidebar(1);
    await control.actions.press();
    await control.actions.press();
    expect(await corrections()).toEqual(['ds-water', 'ds-water']);
  });

  it('records nothing while the page covers the sidebar, says so, and a retry keeps the id', async () => {
    const { s, control, corrections } = await sidebar(1);
    s.actions.setObscured(true);
    await control.actions.press();
    const [mark] = Object.values(control.store.getState().marks);
    expect(mark).toMatchObject({ state: 'failed', code: 'obscured' });
    expect(await corrections()).toEqual([]);
    s.actions.setObscured(false);
    await control.actions.press();
    const [after] = Object.values(control.store.getState().marks);
    expect(after).toEqual({ state: 'recorded', eventId: mark.eventId, at: NOW });
    expect(await corrections()).toEqual(['ds-water']);
  });

  it('says when there is nothing to correct, or the show is not live', async () => {
    const { s, control } = await sidebar(1);
    s.actions.next(); // the next product has no don't-say items (moving on records skips, as the host chose)
    s.actions.next();
    await control.actions.press();
    expect(s.store.getState().notice).toBe('notice.noDontSay');
    await s.actions.endSession();
    s.actions.previous();
    await control.actions.press();
    expect(s.store.getState().notice).toBe('notice.notLive');
  });
});
