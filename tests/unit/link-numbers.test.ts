import { describe, expect, it } from 'vitest';
import { duplicateLinkNumbers, linkNumbers, linkQuery } from '../../lib/cards/link-numbers';
import { prepareImport } from '../../lib/import/plan';
import { deckProblems } from '../../lib/readiness';
import { Card } from '../../lib/schema/card';
import { searchCards } from '../../lib/sidebar/search';
import { ctx, example, file, NOW } from './studio-helpers';

/** Issue 21, point 6: the platform's link numbers, as hosts say them. */
describe('link numbers', () => {
  it('reads the ways a host names a link, and nothing else', () => {
    for (const [q, n] of [['3', 3], ['3号', 3], ['3号链接', 3], ['链接3', 3], ['link 3', 3], ['Link 12', 12], ['#7', 7], ['No. 7', 7], ['３号', 3], ['リンク5', 5]] as const) {
      expect(linkQuery(q), q).toBe(n);
    }
    for (const q of ['TEE-100', 'hoodie', '3 hoodies', '', '12345']) expect(linkQuery(q), q).toBeUndefined();
  });

  it('numbers a product without one by its run-sheet position', () => {
    expect(linkNumbers({ linkNumbers: { b: 9 } }, ['a', 'b', 'c'])).toEqual([1, 9, 3]);
    expect(linkNumbers({}, ['a', 'b'])).toEqual([1, 2]);
    expect([...duplicateLinkNumbers({ linkNumbers: { b: 3 } }, ['a', 'b', 'c'])]).toEqual([[3, ['b', 'c']]]);
  });

  it('search puts the product with that link first, then name and SKU matches', () => {
    const card = (id: string, sku: string, name: string) => Card.parse({ id, sku, name: { en: name }, category: 'other', updatedAt: NOW });
    const cards = [card('a', 'MUG-3', 'Mug'), card('b', 'TEE', 'Tee'), card('c', 'CAP', 'Cap')];
    expect(searchCards(cards, '3', [5, 6, 3])).toEqual([2, 0]);
    expect(searchCards(cards, '3号', [5, 6, 3])).toEqual([2]);
    expect(searchCards(cards, 'tee', [5, 6, 3])).toEqual([1]);
    expect(searchCards(cards, '3')).toEqual([0]);
  });

  it('the readiness check lists a link number given twice', () => {
    const card = (id: string) => Card.parse({ id, sku: id, name: { en: id }, category: 'other', image: 'https://x.example/i.jpg', updatedAt: NOW });
    const deck = { id: 'd', name: 'D', cardIds: ['a', 'b'], market: 'EU', languages: ['en'], linkNumbers: { b: 1 }, updatedAt: NOW };
    expect(deckProblems(deck, [card('a'), card('b')], []).filter((p) => p.code === 'link-duplicate')).toEqual([{ code: 'link-duplicate', field: 'deck', link: 1 }]);
  });

  it('a deck file keeps its link numbers when a product takes a new id on import', async () => {
    // This machine already has a different product under the hoodie's id: the hoodie gets a new id.
    const other = Card.parse({ id: 'card-hoodie', sku: 'SOMETHING-ELSE', name: { en: 'Other' }, category: 'other', updatedAt: NOW });
    const result = await prepareImport(file(example('autumn-show.upfront-deck.json')), ctx({}, [other]));
    if (!result.ok) throw new Error('refused');
    const deck = result.plan.deck!;
    const hoodieId = deck.cardIds[0];
    expect(hoodieId).not.toBe('card-hoodie');
    expect(deck.linkNumbers).toEqual({ [hoodieId]: 3, 'card-cushion-cover': 7, 'card-serum': 12 });
  });
});
