import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeckFile, serializeDeckFile } from '../../lib/deckfile/format';
import { prepareImport } from '../../lib/import/plan';
import type { ImportContext } from '../../lib/import/types';
import { Card } from '../../lib/schema/card';
import { Deck } from '../../lib/schema/deck';
import { ReturnPolicy } from '../../lib/schema/policy';
import { ctx, example, file, freshLibrary, NOW } from './studio-helpers';

async function contextFor(library: ReturnType<typeof freshLibrary>) {
  const { repo, library: cat } = library;
  return ctx({ existingCards: await repo.listCards(), existingPolicies: await cat.listPolicies(), existingDecks: await cat.listDecks() });
}

/** Import a file on a fresh machine, then export the deck again. */
async function importThenExport(text: string): Promise<string> {
  const machine = freshLibrary();
  const result = await prepareImport(file(text), await contextFor(machine));
  if (!result.ok) throw new Error(JSON.stringify(result.failure.issues));
  expect(result.plan.issues).toEqual([]);
  await machine.library.commitImport(result.plan.commit, NOW + 1000);
  return serializeDeckFile(await machine.library.exportDeck(result.plan.deck!.id));
}

const tableSnapshot = async (m: ReturnType<typeof freshLibrary>) => ({
  cards: await m.db.cards.toArray(),
  decks: await m.db.decks.toArray(),
  policies: await m.db.policies.toArray(),
  images: await m.db.table('images').count(),
});

describe('Upfront deck file', () => {
  it('the example file: export → import on another machine → export gives the same file', async () => {
    const text = example('autumn-show.upfront-deck.json');
    expect(DeckFile.safeParse(JSON.parse(text)).success).toBe(true);
    expect(await importThenExport(text)).toBe(text);
  });

  it('matches products by SKU on a machine that already has them, keeping that machine’s ids', async () => {
    const text = example('autumn-show.upfront-deck.json');
    const machine = freshLibrary();
    const file1 = DeckFile.parse(JSON.parse(text));
    const local: Card = { ...file1.cards[0], id: 'local-id', name: { en: 'Old name' } };
    await machine.db.cards.put(local);
    const result = await prepareImport(file(text), await contextFor(machine));
    if (!result.ok) throw new Error('plan failed');
    expect(result.plan.entries[0]).toMatchObject({ action: 'update', sku: local.sku });
    expect(result.plan.entries[0].card.id).toBe('local-id');
    expect(result.plan.deck!.cardIds[0]).toBe('local-id');
    await machine.library.commitImport(result.plan.commit, NOW);
    expect((await machine.db.cards.get('local-id'))!.name.en).toBe(file1.cards[0].name.en);
  });

  it('round-trips arbitrary valid decks (property)', async () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
    const localized = fc.record({ en: text }, { requiredKeys: ['en'] }).chain((en) => fc.record({ 'zh-CN': text }, { requiredKeys: [] }).map((zh) => ({ ...en, ...zh })));
    const cardArb = fc.record({
      sku: fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,4}$/),
      name: localized,
      category: fc.constantFrom(...Card.shape.category.options),
      caveats: fc.array(fc.record({ text: localized, mustSay: fc.boolean() }), { maxLength: 3 }),
      weightG: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }),
      sizes: fc.uniqueArray(fc.constantFrom('XS', 'S', 'M', 'L', 'XL'), { maxLength: 4 }),
      chest: fc.array(fc.option(fc.integer({ min: 40, max: 160 }), { nil: null }), { minLength: 5, maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(cardArb, { minLength: 1, maxLength: 5, selector: (c) => c.sku }), fc.boolean(), fc.constantFrom('EU', 'GB', 'US'), async (specs, withPolicy, market) => {
        const policy = ReturnPolicy.parse({ id: 'p1', name: 'Policy', markets: [market], windowDays: 14, returnShippingPaidBy: 'buyer', exchanges: true, updatedAt: NOW });
        const cards = specs.map((s, i) =>
          Card.parse({
            id: `card-${i}`,
            sku: s.sku,
            name: s.name,
            category: s.category,
            caveats: s.caveats.map((c, k) => ({ id: `c${k}`, ...c })),
            ...(s.weightG ? { dimensions: { weightG: s.weightG } } : {}),
            ...(s.sizes.length > 0
              ? { sizeChart: { unit: 'cm', measurements: [{ id: 'chest', label: { en: 'Chest' } }], rows: s.sizes.map((size, k) => ({ size, values: { chest: s.chest[k] } })) } }
              : {}),
            updatedAt: NOW,
          }),
        );
        const deck = Deck.parse({ id: 'deck-1', name: 'Show', cardIds: cards.map((c) => c.id), market, languages: ['en', 'zh-CN'], ...(withPolicy ? { defaultPolicyId: 'p1' } : {}), updatedAt: NOW });
        const exported = serializeDeckFile({ deck, cards, policies: withPolicy ? [policy] : [], images: [] });
        expect(await importThenExport(exported)).toBe(exported);
      }),
      { numRuns: 40 },
    );
  });
});

describe('imports of arbitrary input', () => {
  const anyContext = (): ImportContext => ctx({ target: { kind: 'new', name: 'Fuzz', market: 'EU', languages: ['en'] } });

  it('never throw past the error report, whatever the bytes (property)', async () => {
    const csvish = fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('Handle', 'Title', 'SKU', 'sku', 'name.en', 'Variant Grams', '"', '\n', ',', '|', '-1', 'NaN', '1e400')), { maxLength: 8 }), { maxLength: 8 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
    const jsonish = fc.oneof(fc.jsonValue(), fc.record({ format: fc.constant('upfront-deck'), version: fc.constant(1), deck: fc.jsonValue(), cards: fc.array(fc.jsonValue()) })).map((v) => JSON.stringify(v));
    const header = fc.constantFrom('Handle,Title,SKU\n', 'URL handle,Title,Variant SKU,Option1 name,Option1 value\n', 'sku,name.en,caveats.en,caveats.mustSay\n', '');
    const input = fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.tuple(header, csvish).map(([h, b]) => h + b), jsonish, fc.string());
    await fc.assert(
      fc.asyncProperty(input, async (data) => {
        const result = await prepareImport(file(data), anyContext());
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.failure.issues.length).toBeGreaterThan(0);
        else for (const e of result.plan.entries) expect(Card.safeParse(e.card).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('write nothing when the plan has issues, and a commit the database refuses changes nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('TEE', 'CAP', 'MUG', ''), fc.constantFrom('Title', ''), fc.constantFrom('100', 'heavy', '')), { minLength: 1, maxLength: 6 }), async (rows) => {
        const machine = freshLibrary();
        await machine.db.cards.put(Card.parse({ id: 'keep', sku: 'KEEP-1', name: { en: 'Keep me' }, category: 'home', updatedAt: NOW }));
        const before = await tableSnapshot(machine);
        const csv = `Handle,Title,Variant SKU,Variant Grams\n${rows.map(([h, t, g], i) => `${h},${t},${h}-${i},${g}`).join('\n')}\n`;
        const result = await prepareImport(file(csv), await contextFor(machine));
        if (!result.ok || result.plan.issues.length > 0) {
          // The studio offers no commit; the database is as it was.
          expect(await tableSnapshot(machine)).toEqual(before);
          return;
        }
        // A stale plan (another product took a SKU meanwhile) is refused as a whole.
        if (result.plan.commit.cards.length > 0) {
          const taken = result.plan.commit.cards[result.plan.commit.cards.length - 1].card;
          await machine.db.cards.put({ ...taken, id: 'someone-else' });
          const mid = await tableSnapshot(machine);
          await expect(machine.library.commitImport(result.plan.commit, NOW)).rejects.toThrow(/import-stale/);
          expect(await tableSnapshot(machine)).toEqual(mid);
        }
      }),
      { numRuns: 60 },
    );
  });
});
