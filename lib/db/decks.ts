import type { Deck, DeckBundle, DeckSummary } from '../schema/deck';
import { cardsWithPolicies } from './bundles';
import type { UpfrontDb } from './database';

/** Decks as the sidebar reads them, and the demo deck's writing and removal. */

/** A deck record with its cards (run-sheet order, missing ones left out) and the policies they use. */
export async function deckBundleOf(db: UpfrontDb, deck: Deck): Promise<DeckBundle> {
  const { cards, policies } = await cardsWithPolicies(db, deck.cardIds, deck.defaultPolicyId ? [deck.defaultPolicyId] : []);
  return { deck, cards, policies };
}

/** The sidebar's deck list, by name. */
export async function listDecks(db: UpfrontDb): Promise<DeckSummary[]> {
  const decks = await db.decks.toArray();
  return decks
    .map((d) => ({
      id: d.id,
      name: d.name,
      market: d.market,
      languages: d.languages,
      cardCount: d.cardIds.length,
      demo: d.demo === true,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Writes a deck with its cards and policies (the demo seed). */
export async function putDeckBundle(db: UpfrontDb, bundle: DeckBundle): Promise<void> {
  await db.transaction('rw', db.decks, db.cards, db.policies, async () => {
    await db.policies.bulkPut(bundle.policies);
    await db.cards.bulkPut(bundle.cards);
    await db.decks.put(bundle.deck);
  });
}

/**
 * Removes the demo deck, cards and policies. Sessions recorded against the demo stay: logs
 * are never deleted, and their snapshots keep what the cards said.
 */
export async function removeDemo(db: UpfrontDb): Promise<{ decks: number; cards: number; policies: number }> {
  return db.transaction('rw', db.decks, db.cards, db.policies, async () => {
    const decks = await db.decks.filter((d) => d.demo === true).primaryKeys();
    const cards = await db.cards.filter((c) => c.demo === true).primaryKeys();
    const policies = await db.policies.filter((p) => p.demo === true).primaryKeys();
    await db.decks.bulkDelete(decks);
    await db.cards.bulkDelete(cards);
    await db.policies.bulkDelete(policies);
    return { decks: decks.length, cards: cards.length, policies: policies.length };
  });
}
