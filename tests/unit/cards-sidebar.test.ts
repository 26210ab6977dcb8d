import { describe, expect, it, vi } from 'vitest';
import { missingParts } from '../../lib/cards/missing';
import { fitFeedbackView, sizeRange } from '../../lib/cards/size';
import type { DeckBundle } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { FORWARDED_KEYS, hotkeyAction, isForwardedKey, KEYMAP } from '../../lib/hotkeys';
import { requestSchemas } from '../../lib/contracts';
import type { Card } from '../../lib/schema/card';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { deckProgress, markKey } from '../../lib/sidebar/progress';
import { recapGroups } from '../../lib/sidebar/recap';
import { searchCards } from '../../lib/sidebar/search';
import { currentCard } from '../../lib/sidebar/store';
import { fakeSidebar } from '../helpers/fake-background';

const NOW = Date.UTC(2026, 10, 20, 12);
const demo = demoBundle(NOW);
const [hoodie, cover, serum] = demo.cards;

function session(over: Partial<Session> = {}): Session {
  return {
    id: 's1',
    deckId: demo.deck.id,
    deckName: demo.deck.name,
    host: 'Ana',
    platform: 'tiktok-shop',
    consoleOrigin: 'https://shop.tiktok.com',
    market: 'EU',
    language: 'en',
    startedAt: NOW,
    lastSeq: 0,
    head: '0'.repeat(64),
    ...over,
  };
}

/** The shared fake background, keeping what it is told, like the real one. */
function setup({ live = true, bundle = demo, market }: { live?: boolean; bundle?: DeckBundle; market?: string } = {}) {
  const events: { action: string; cardId: string; item: { kind: string; id: string }; id: string }[] = [];
  let current: Session | null = live ? session(market ? { market } : {}) : null;
  const { sidebar: s, call } = fakeSidebar({
    'deck.list': () => [{ id: bundle.deck.id, name: bundle.deck.name, market: bundle.deck.market, languages: bundle.deck.languages, cardCount: bundle.cards.length, demo: true }],
    // A fresh copy each time, as over messaging: identity must be kept by the store.
    'deck.get': () => structuredClone(bundle),
    'session.current': () => current,
    'session.end': () => {
      current = null;
      return { ...session(), endedAt: NOW };
    },
    'event.list': () => events as unknown as DisclosureEvent[],
    'event.record': (p) => {
      if (!events.some((e) => e.id === p.id)) events.push(p as never);
      return p;
    },
  });
  return { ...s, call, events, state: () => s.store.getState() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('must-say gate', () => {
  it('stops the first move with what is unsaid, goes on with the same key again, recording skips', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.next();
    expect(s.state().index).toBe(0);
    expect(s.state().gate).toEqual({ to: 1, missing: [{ kind: 'caveat', id: 'demo-caveat-wash', mustSay: true }] });
    expect(s.events).toEqual([]);
    s.actions.next();
    await flush();
    expect(s.state().index).toBe(1);
    expect(s.state().gate).toBeNull();
    expect(s.events).toEqual([
      expect.objectContaining({ action: 'skipped', cardId: hoodie.id, item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en' }),
    ]);
    expect(s.state().skipped[markKey(hoodie.id, { kind: 'caveat', id: 'demo-caveat-wash' })]).toBe('id-1');
  });

  it('lets the host move freely once every must-say item is said', async () => {
    const s = setup();
    await s.actions.init();
    await s.actions.markSelected();
    s.actions.next();
    expect(s.state()).toMatchObject({ index: 1, gate: null });
    expect(s.events.map((e) => e.action)).toEqual(['said']);
  });

  it('closes when the missing item is said while it shows', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.next();
    expect(s.state().gate).not.toBeNull();
    await s.actions.markSelected();
    expect(s.state().gate).toBeNull();
    expect(s.state().index).toBe(0);
  });

  it('a different target asks again; Escape stays; not live never asks', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.next();
    s.actions.select(2);
    expect(s.state().gate?.to).toBe(2);
    expect(s.state().index).toBe(0);
    s.actions.escape();
    expect(s.state().gate).toBeNull();
    s.actions.confirmGate();
    expect(s.state().index).toBe(0);

    const off = setup({ live: false });
    await off.actions.init();
    off.actions.next();
    expect(off.state()).toMatchObject({ index: 1, gate: null });
  });
});

describe('items, size chart and units', () => {
  it('digits select, M marks the selected item and moves on to the next unsaid must-say', async () => {
    const s = setup();
    await s.actions.init();
    expect(s.state().selected).toBe(0);
    s.actions.selectItem(1);
    expect(s.state().selected).toBe(1);
    await s.actions.markSelected();
    expect(s.events[0]).toMatchObject({ action: 'said', item: { kind: 'size', id: 'size' } });
    expect(s.state().selected).toBe(0); // back to the unsaid must-say caveat
    s.actions.selectItem(42);
    expect(s.state().notice).toBe('notice.noItem');
  });

  it('lands on the first unsaid must-say item of a new card', async () => {
    const s = setup({ live: false });
    await s.actions.init();
    s.actions.select(2);
    expect(currentCard(s.state())?.items[s.state().selected]).toMatchObject({ kind: 'caveat', mustSay: true });
  });

  it('S opens the size chart, or says there is none', async () => {
    const s = setup({ live: false });
    await s.actions.init();
    s.actions.openSizeChart();
    expect(currentCard(s.state())?.items[s.state().selected].kind).toBe('size');
    s.actions.next();
    s.actions.openSizeChart();
    expect(s.state().notice).toBe('notice.noSizeChart');
  });

  it('[ and ] walk the highlighted row within the chart and open it', async () => {
    const s = setup({ live: false });
    await s.actions.init();
    s.actions.moveSizeRow(1);
    expect(s.state().sizeRow).toBe(0);
    for (let i = 0; i < 10; i++) s.actions.moveSizeRow(1);
    expect(s.state().sizeRow).toBe(3);
    s.actions.moveSizeRow(-1);
    expect(s.state().sizeRow).toBe(2);
    expect(currentCard(s.state())?.items[s.state().selected].kind).toBe('size');
    s.actions.next();
    expect(s.state().sizeRow).toBeUndefined();
  });

  it('starts in the market’s unit and U switches it', async () => {
    const eu = setup({ live: false });
    await eu.actions.init();
    expect(eu.state().unit).toBe('cm');
    eu.actions.toggleUnit();
    expect(eu.state().unit).toBe('in');
    const us = setup({ live: false, bundle: { ...demo, deck: { ...demo.deck, market: 'US' } } });
    await us.actions.init();
    expect(us.state().unit).toBe('in');
  });

  it('keeps the same deck objects across refreshes, so rows do not re-render', async () => {
    const s = setup();
    await s.actions.init();
    const before = s.state().bundle;
    s.actions.toggleUnit();
    await s.actions.refresh();
    expect(s.state().bundle).toBe(before);
    expect(s.state().unit).toBe('in');
  });
});

describe('end of show', () => {
  it('E shows the recap; E again records each policy said, then ends', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.requestEnd();
    expect(s.state().recapOpen).toBe(true);
    expect(s.call).not.toHaveBeenCalledWith('session.end', expect.anything());
    s.actions.requestEnd();
    await vi.waitFor(() => expect(s.state().session).toBeNull());
    const said = s.events.filter((e) => e.action === 'said');
    // One event per product the recap covers (issue 21), so each product's coverage shows it.
    expect(said.map((e) => `${e.cardId}:${e.item.id}`).sort()).toEqual([`${cover.id}:demo-policy-eu`, `${hoodie.id}:demo-policy-eu`, `${serum.id}:demo-policy-eu-sealed`].sort());
    expect(s.call).toHaveBeenCalledWith('session.end', { sessionId: 's1' });
  });

  it('Escape keeps the show going', async () => {
    const s = setup();
    await s.actions.init();
    s.actions.requestEnd();
    s.actions.escape();
    expect(s.state()).toMatchObject({ recapOpen: false, session: { id: 's1' } });
  });

  it('groups policies: deck default first, each with every product it covers', () => {
    const groups = recapGroups(demo);
    expect(groups.map((g) => [g.policy.id, g.cardIds, g.cardCount])).toEqual([
      ['demo-policy-eu', [hoodie.id, cover.id], 2],
      ['demo-policy-eu-sealed', [serum.id], 1],
    ]);
    expect(recapGroups(null)).toEqual([]);
  });
});

describe('hotkeys', () => {
  it('maps every forwarded key to an action the protocol accepts', () => {
    for (const k of FORWARDED_KEYS) {
      expect(hotkeyAction(k), k).toBeDefined();
      expect(requestSchemas.hotkey.safeParse({ key: k }).success, k).toBe(true);
    }
    expect(isForwardedKey('/')).toBe(false);
    expect(requestSchemas.hotkey.safeParse({ key: '/' }).success).toBe(false);
  });

  it('has the keys the issue asks for', () => {
    expect(hotkeyAction('j')).toEqual({ type: 'next' });
    expect(hotkeyAction('ArrowUp')).toEqual({ type: 'previous' });
    expect(hotkeyAction('3')).toEqual({ type: 'item', index: 2 });
    expect(hotkeyAction('M')).toEqual({ type: 'markSaid' });
    expect(hotkeyAction('s')).toEqual({ type: 'sizeChart' });
    expect(hotkeyAction('u')).toEqual({ type: 'unit' });
    expect(hotkeyAction(']')).toEqual({ type: 'sizeRow', delta: 1 });
    expect(hotkeyAction('e')).toEqual({ type: 'end' });
    expect(hotkeyAction('Escape')).toEqual({ type: 'escape' });
    expect(hotkeyAction('0')).toBeUndefined();
    expect(hotkeyAction('x')).toBeUndefined();
    expect(KEYMAP.map(([k]) => k)).toEqual(expect.arrayContaining(['J / ↓', 'K / ↑', '1–9', 'M', 'S', 'U', '?']));
  });
});

describe('cards helpers', () => {
  it('finds products by name in any language or by SKU', () => {
    expect(searchCards(demo.cards, 'serum')).toEqual([2]);
    expect(searchCards(demo.cards, 'demo-cover')).toEqual([1]);
    expect(searchCards(demo.cards, '卫衣')).toEqual([0]);
    expect(searchCards(demo.cards, 'ＤＥＭＯ hoodie')).toEqual([0]);
    expect(searchCards(demo.cards, '')).toEqual([0, 1, 2]);
    expect(searchCards(demo.cards, 'nothing')).toEqual([]);
  });

  it('marks what a card is missing', () => {
    expect(missingParts(hoodie, demo.policies[0])).toEqual([]);
    const bare: Card = { ...hoodie, sizeChart: undefined, scaleRefs: [{ catalogueId: 'gone' }] };
    expect(missingParts(bare, undefined)).toEqual(['sizeChart', 'policy', 'scaleRef']);
    expect(missingParts({ ...cover, dimensions: {} }, demo.policies[0])).toEqual(['dimensions']);
  });

  it('hides fit feedback below the minimum sample', () => {
    expect(fitFeedbackView({ trueToSize: 80, runsSmall: 10, runsLarge: 10, sampleSize: 19 })).toEqual({ visible: false, sampleSize: 19, minSample: 20 });
    expect(fitFeedbackView({ trueToSize: 80, runsSmall: 10, runsLarge: 10, sampleSize: 20 })).toMatchObject({ visible: true });
    expect(fitFeedbackView({ trueToSize: 80, runsSmall: 10, runsLarge: 10, sampleSize: 40, minSample: 50 })).toMatchObject({ visible: false });
    expect(sizeRange(hoodie.sizeChart!)).toBe('S–XL');
  });

  it('sums up each card’s must-say progress', () => {
    const wash = markKey(hoodie.id, { kind: 'caveat', id: 'demo-caveat-wash' });
    const depth = markKey(cover.id, { kind: 'caveat', id: 'demo-caveat-depth' });
    const p = deckProgress(demo, new Set([wash]), new Set([depth]));
    expect([...p.values()]).toEqual(['done', 'skipped', 'open']);
  });
});
