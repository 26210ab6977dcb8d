import { describe, expect, it, vi } from 'vitest';
import { createImageUrls } from '../../lib/image-urls';
import { prefetchNeighbours } from '../../lib/sidebar/prefetch';
import type { Card } from '../../lib/schema/card';
import { demo, fakeSidebar } from '../helpers/fake-background';

const renamed = (card: Card, en: string): Card => ({ ...card, name: { ...card.name, en }, updatedAt: card.updatedAt + 1 });

describe('a studio save reaching an open sidebar', () => {
  it('re-reads only the saved product of the deck shown, and keeps every other card object', async () => {
    const edited = renamed(demo.cards[1], 'Edited in the studio');
    const { sidebar, types } = fakeSidebar({ 'cards.get': ({ cardIds }) => ({ cards: (cardIds as string[]).map(() => edited), policies: [] }) });
    await sidebar.actions.init();
    const before = sidebar.store.getState().bundle!;
    const n = types().length;
    await sidebar.actions.changed({ type: 'changed', scope: 'library', cardIds: [edited.id] });
    expect(types().slice(n)).toEqual(['cards.get']);
    const after = sidebar.store.getState().bundle!;
    expect(after.cards[1]).toBe(edited);
    expect(after.cards[0]).toBe(before.cards[0]);
    expect(after.cards[2]).toBe(before.cards[2]);
    expect(after.deck).toBe(before.deck);
  });

  it('asks nothing for a product of another deck, or for a setting', async () => {
    const { sidebar, types } = fakeSidebar();
    await sidebar.actions.init();
    const n = types().length;
    const before = sidebar.store.getState();
    await sidebar.actions.changed({ type: 'changed', scope: 'library', cardIds: ['not-in-this-deck'] });
    await sidebar.actions.changed({ type: 'changed', scope: 'settings' });
    expect(types().slice(n)).toEqual([]);
    expect(sidebar.store.getState()).toBe(before);
  });

  it('an older answer never replaces a newer card (answers can cross)', async () => {
    const newer = renamed(demo.cards[0], 'Newer');
    const older = { ...renamed(demo.cards[0], 'Older'), updatedAt: demo.cards[0].updatedAt - 5 };
    let answer = newer;
    const { sidebar } = fakeSidebar({ 'cards.get': () => ({ cards: [answer], policies: [] }) });
    await sidebar.actions.init();
    await sidebar.actions.changed({ type: 'changed', scope: 'library', cardIds: [newer.id] });
    answer = older;
    await sidebar.actions.changed({ type: 'changed', scope: 'library', cardIds: [newer.id] });
    expect(sidebar.store.getState().bundle!.cards[0].name.en).toBe('Newer');
  });

  it('re-reads the whole sidebar for a deck, a session or a change it cannot narrow', async () => {
    const { sidebar, types } = fakeSidebar();
    await sidebar.actions.init();
    for (const push of [{ scope: 'library', deckIds: [demo.deck.id] }, { scope: 'session', sessionId: 's1' }, { scope: 'library' }, {}] as const) {
      const n = types().length;
      await sidebar.actions.changed({ type: 'changed', ...push } as never);
      expect(types().slice(n)).toEqual(['sidebar.bootstrap']);
    }
  });

  it('a failed card read falls back to a whole re-read', async () => {
    const { sidebar, types } = fakeSidebar({
      'cards.get': () => {
        throw new Error('worker stopped');
      },
    });
    await sidebar.actions.init();
    const n = types().length;
    await sidebar.actions.changed({ type: 'changed', scope: 'library', cardIds: [demo.cards[0].id] });
    expect(types().slice(n)).toEqual(['cards.get', 'sidebar.bootstrap']);
  });
});

describe('picking a deck with no show live', () => {
  it('tells the background, for this console’s next opening', async () => {
    const { sidebar, call } = fakeSidebar({ 'deck.get': ({ deckId }) => ({ ...demo, deck: { ...demo.deck, id: deckId } }) });
    await sidebar.actions.init();
    await sidebar.actions.selectDeck('deck-2');
    await Promise.resolve();
    expect(call).toHaveBeenCalledWith('deck.pick', { deckId: 'deck-2', tabId: 5 });
    expect(sidebar.store.getState().bundle!.deck.id).toBe('deck-2');
  });
});

describe('photos of the cards next to the one on screen', () => {
  it('are asked for once each as the host moves, never twice', async () => {
    const cards = demo.cards.map((c, i) => ({ ...c, image: `upfront-image:${String(i).repeat(64)}` }));
    const { sidebar } = fakeSidebar({ 'deck.get': () => ({ ...demo, cards }) });
    const asked: string[] = [];
    const urls = createImageUrls(async (id) => (asked.push(id), { type: 'image/webp', data: '' }), () => 'blob:x');
    prefetchNeighbours(sidebar.store, urls);
    await sidebar.actions.init();
    // Opening on card 0: cards 0 and 1.
    await vi.waitFor(() => expect(asked).toEqual(['0'.repeat(64), '1'.repeat(64)]));
    sidebar.actions.next();
    await vi.waitFor(() => expect(asked).toEqual(['0'.repeat(64), '1'.repeat(64), '2'.repeat(64)]));
    sidebar.actions.previous();
    await Promise.resolve();
    expect(asked).toHaveLength(3);
  });
});
