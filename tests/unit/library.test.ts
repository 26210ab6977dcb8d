import { describe, expect, it } from 'vitest';
import { bytesToBase64, imageIdFor } from '../../lib/images';
import { Card } from '../../lib/schema/card';
import { deckProblems } from '../../lib/readiness';
import { freshLibrary, NOW } from './studio-helpers';

const card = (id: string, sku: string, extra: Partial<Card> = {}) => Card.parse({ id, sku, name: { en: sku }, category: 'home', updatedAt: 0, ...extra });

describe('library (studio data in the background)', () => {
  it('deletes a card to the trash and restores it to its place in every deck', async () => {
    const { library, db } = freshLibrary();
    for (const c of [card('a', 'A'), card('b', 'B'), card('c', 'C')]) await library.saveCard(c, NOW);
    await library.saveDeck({ id: 'd', name: 'Show', cardIds: ['a', 'b', 'c'], market: 'EU', languages: ['en'], updatedAt: 0 }, NOW);
    await library.deleteCard('b', NOW + 1);
    expect(await db.cards.get('b')).toBeUndefined();
    expect((await db.decks.get('d'))!.cardIds).toEqual(['a', 'c']);
    expect(await library.listTrash()).toEqual([{ key: 'card:b', kind: 'card', id: 'b', label: 'B · B', deletedAt: NOW + 1 }]);
    await library.restore('card:b', NOW + 2);
    expect((await db.decks.get('d'))!.cardIds).toEqual(['a', 'b', 'c']);
    expect(await library.listTrash()).toEqual([]);
  });

  it('refuses a second product with the same SKU, and a restore whose SKU was reused', async () => {
    const { library } = freshLibrary();
    await library.saveCard(card('a', 'A'), NOW);
    await expect(library.saveCard(card('x', 'A'), NOW)).rejects.toThrow(/sku-taken/);
    await library.deleteCard('a', NOW);
    await library.saveCard(card('x', 'A'), NOW);
    await expect(library.restore('card:a', NOW)).rejects.toThrow(/sku-taken/);
  });

  it('keeps drafts apart from cards until they are valid', async () => {
    const { library } = freshLibrary();
    await library.saveDraft('n', { sku: '' }, NOW);
    expect(await library.getCard('n')).toEqual({ card: null, draft: { cardId: 'n', value: { sku: '' }, savedAt: NOW } });
    await library.saveCard(card('n', 'N'), NOW);
    expect((await library.getCard('n')).draft).toBeNull();
  });

  it('duplicates and deletes decks; the copy is not demo data', async () => {
    const { library, db } = freshLibrary();
    await library.saveDeck({ id: 'd', name: 'Show', cardIds: [], market: 'EU', languages: ['en'], demo: true, updatedAt: 0 }, NOW);
    const copy = await library.duplicateDeck('d', 'd2', 'Show (copy)', NOW);
    expect(copy).toMatchObject({ id: 'd2', name: 'Show (copy)' });
    expect(copy.demo).toBeUndefined();
    await library.deleteDeck('d', NOW);
    expect(await db.decks.get('d')).toBeUndefined();
    await library.restore('deck:d', NOW);
    expect(await db.decks.get('d')).toMatchObject({ id: 'd' });
  });

  it('stores images as blobs under the hash of their bytes and gives them back by id', async () => {
    const { library } = freshLibrary();
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const id = imageIdFor(bytes);
    await expect(library.putImage({ id: 'f'.repeat(64), type: 'image/png', width: 1, height: 1, data: bytesToBase64(bytes) }, NOW)).rejects.toThrow(/image-id-mismatch/);
    await library.putImage({ id, type: 'image/png', width: 1, height: 1, data: bytesToBase64(bytes) }, NOW);
    expect(await library.getImage(id)).toEqual({ id, type: 'image/png', width: 1, height: 1, data: bytesToBase64(bytes) });
    expect(await library.getImage('e'.repeat(64))).toBeNull();
  });
});

describe('readiness check', () => {
  const policy = { id: 'p', name: 'EU', markets: ['EU'], windowDays: 14, returnShippingPaidBy: 'buyer' as const, exchanges: false, updatedAt: 0 };
  const deck = { id: 'd', name: 'Show', cardIds: ['shirt', 'lamp'], market: 'EU', languages: ['en', 'zh-CN'], updatedAt: 0 };

  it('lists every kind of problem, with the card and the field to fix', () => {
    const shirt = card('shirt', 'SHIRT', { category: 'apparel', image: 'https://x/y.jpg', name: { en: 'Shirt', 'zh-CN': '衬衫' }, caveats: [{ id: 'c1', text: { en: 'Not for dryers' }, mustSay: true }] });
    const lamp = card('lamp', 'LAMP', { name: { en: 'Lamp', 'zh-CN': '灯' }, scaleRefs: [{ catalogueId: 'bank-card' }] });
    const problems = deckProblems(deck, [shirt, lamp], []);
    expect(problems.map((p) => `${p.cardId}:${p.code}:${p.field}${p.language ? `:${p.language}` : ''}`)).toEqual([
      'shirt:no-size-chart:sizeChart',
      'shirt:caveat-language:caveats:zh-CN',
      'shirt:no-policy:policy',
      'lamp:no-image:image',
      'lamp:scale-without-dimensions:dimensions',
      'lamp:no-policy:policy',
    ]);
  });

  it('is ready when everything is there; a policy for another market is a problem', () => {
    const lamp = card('lamp', 'LAMP', { name: { en: 'Lamp', 'zh-CN': '灯' }, image: 'https://x/l.jpg', dimensions: { heightMm: 400 }, scaleRefs: [{ catalogueId: 'bank-card' }] });
    expect(deckProblems({ ...deck, cardIds: ['lamp'], defaultPolicyId: 'p' }, [lamp], [policy])).toEqual([]);
    expect(deckProblems({ ...deck, cardIds: ['lamp'], defaultPolicyId: 'p', market: 'US' }, [lamp], [policy]).map((p) => p.code)).toEqual(['policy-market']);
    expect(deckProblems({ ...deck, cardIds: [] }, [], []).map((p) => p.code)).toEqual(['empty-deck']);
  });
});
