import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { productGroups } from '../../lib/export/timeline';
import { coverageEvents } from '../../lib/sessions/coverage';
import type { DisclosureEvent, Session, Snapshot } from '../../lib/schema/session';
import { NOW } from './helpers';
import { background, overlay, studio } from './sessions-helpers';

// Issue 21, point 13: the studio's session list shows must-say coverage per session.

const start = (id: string) => ({ id, deckId: 'demo-deck', host: 'Lina' });
const ev = (id: string, sessionId: string, cardId: string, itemId: string, action: string, kind = 'caveat') => ({ id, sessionId, cardId, item: { kind, id: itemId }, language: 'en', action });

describe('session.coverage', () => {
  it('counts said, skipped and not said per session, as the timeline does', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.openConsole(2);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('session.start', start('s2'), overlay(2));
    await bg.ok('event.record', ev('e1', 's1', 'demo-card-hoodie', 'demo-caveat-wash', 'said'), overlay(1));
    await bg.ok('event.record', ev('e2', 's1', 'demo-card-cushion-cover', 'demo-caveat-depth', 'skipped'), overlay(1));
    const counts = await bg.ok<Record<string, unknown>>('session.coverage', { sessionIds: ['s1', 's2', 'unknown'] }, studio);
    // The demo deck has one must-say caveat per product: the serum was never reached.
    expect(counts).toEqual({ s1: { said: 1, skipped: 1, 'not-said': 1 }, s2: { said: 0, skipped: 0, 'not-said': 3 } });
    // The same numbers the timeline's coverage report gives.
    const detail = await bg.ok<{ session: Session; events: DisclosureEvent[]; snapshots: Snapshot[]; deck: never }>('session.detail', { sessionId: 's1' }, studio);
    const rows = productGroups(detail.session, detail.events, detail.snapshots, detail.deck).flatMap((g) => g.coverage);
    expect(rows.map((r) => r.status).sort()).toEqual(['not-said', 'said', 'skipped']);
  });

  it('reads only the events recorded since it last looked', async () => {
    const bg = await background();
    await bg.openConsole(1);
    await bg.ok('session.start', start('s1'), overlay(1));
    await bg.ok('event.record', ev('e1', 's1', 'demo-card-hoodie', 'size', 'shown', 'size'), overlay(1));
    const page = vi.spyOn(bg.repo, 'eventsPage');
    expect((await bg.ok<Record<string, Record<string, number>>>('session.coverage', { sessionIds: ['s1'] }, studio)).s1.said).toBe(0);
    await bg.ok('event.record', ev('e2', 's1', 'demo-card-hoodie', 'demo-caveat-wash', 'said'), overlay(1));
    expect((await bg.ok<Record<string, Record<string, number>>>('session.coverage', { sessionIds: ['s1'] }, studio)).s1.said).toBe(1);
    expect(page.mock.calls.map((c) => c.slice(1))).toEqual([
      [0, 1],
      [1, 2],
    ]);
    // Nothing new: nothing read.
    await bg.ok('session.coverage', { sessionIds: ['s1'] }, studio);
    expect(page).toHaveBeenCalledTimes(2);
  });
});

describe('coverageEvents', () => {
  it('gives the same coverage as the whole log, however the events fall', () => {
    const demo = demoBundle(NOW);
    const session = { id: 's', deckId: demo.deck.id } as Session;
    const cards = demo.cards.map((c) => c.id);
    const items = [
      ['caveat', 'demo-caveat-wash'],
      ['caveat', 'demo-caveat-depth'],
      ['caveat', 'demo-caveat-skin'],
      ['policy', 'demo-policy-eu'],
    ];
    // Two snapshots per card: the must-say flag changes between them, so the latest one matters.
    const snapshots: Snapshot[] = demo.cards.flatMap((card) => [
      { hash: `${card.id}-a`, content: { card, policy: demo.policies[0] } },
      { hash: `${card.id}-b`, content: { card: { ...card, caveats: card.caveats.map((c) => ({ ...c, mustSay: !c.mustSay })) }, policy: demo.policies[0] } },
    ]);
    const event = fc.record({
      card: fc.integer({ min: 0, max: cards.length - 1 }),
      item: fc.integer({ min: 0, max: items.length - 1 }),
      action: fc.constantFrom('shown', 'said', 'skipped', 'correction'),
      snap: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (list) => {
        const events = list.map((x, i) => ({ id: `e${i}`, sessionId: 's', seq: i + 1, at: i, offsetMs: i, cardId: cards[x.card], cardHash: `${cards[x.card]}-${x.snap}`, item: { kind: items[x.item][0], id: items[x.item][1] }, language: 'en', action: x.action, prev: '', hash: '' }) as DisclosureEvent);
        const whole = productGroups(session, events, snapshots, demo).map((g) => [g.cardId, g.coverage.map((c) => [c.status, c.at?.id, c.corrected]), g.policy?.status]);
        const kept = productGroups(session, coverageEvents(events), snapshots, demo).map((g) => [g.cardId, g.coverage.map((c) => [c.status, c.at?.id, c.corrected]), g.policy?.status]);
        expect(kept).toEqual(whole);
      }),
    );
  });
});
