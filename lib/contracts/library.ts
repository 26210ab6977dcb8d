import type { ServiceContext } from '../background/context';
import { trashedDeckId } from '../db/library';
import { DeckFileImage } from '../deckfile/format';
import { UpfrontError } from '../errors';
import { Card } from '../schema/card';
import { Id } from '../schema/common';
import { Deck } from '../schema/deck';
import { ImportCommit } from '../schema/library';
import { ReturnPolicy } from '../schema/policy';
import { z } from '../zod';
import { TabId } from './sessions';
import type { HandlersFor, ResponsesOf } from './define';

/**
 * The library: products, decks, policies, images, drafts and the trash. The sidebar reads decks
 * and products; the studio edits them. Records are validated with the same schemas the deck file
 * uses, so nothing the studio sends can put a card or deck into the database that the sidebar
 * could not show.
 */
export const libraryRequests = {
  // The sidebar's reads.
  'deck.list': z.object({}).strict(),
  'deck.get': z.object({ deckId: Id }).strict(),
  'card.list': z.object({}).strict(),
  // Some products with the policies they use: an open sidebar re-reads only what a studio save changed.
  'cards.get': z.object({ cardIds: z.array(Id).min(1).max(2000) }).strict(),
  // The deck the host picked on a console with no show live, kept for its next opening (lib/background/picked-deck.ts).
  'deck.pick': z.object({ deckId: Id, tabId: TabId.optional() }).strict(),
  'deck.picked': z.object({ tabId: TabId.optional() }).strict(),
  'demo.remove': z.object({}).strict(),
  // The studio's reads and writes.
  'card.get': z.object({ cardId: Id }).strict(),
  // addToDecks: a new product made from a deck (or ticked into decks before it was valid) joins them as it is saved.
  // base: the card as the sender last read it (null: a product it is making); then only what it
  // changed since is written, so saves from two windows at once keep each other's fields.
  // keepDraft: a save from outside the editor (Accept…, Translations) leaves the editor's draft as it is.
  'card.save': z.object({ card: Card, base: Card.nullable().optional(), keepDraft: z.boolean().optional(), addToDecks: z.array(Id).max(200).optional() }).strict(),
  'card.delete': z.object({ cardId: Id }).strict(),
  // A draft is whatever the editor holds, valid or not; bounded so a runaway form cannot fill the disk.
  'draft.save': z
    .object({ cardId: Id, value: z.unknown(), base: Card.nullable().optional() })
    .strict()
    .refine((p) => JSON.stringify(p.value ?? null).length <= 2_000_000, 'draft too large'),
  'draft.discard': z.object({ cardId: Id }).strict(),
  'draft.list': z.object({}).strict(),
  'deck.all': z.object({}).strict(),
  'deck.save': z.object({ deck: Deck }).strict(),
  'deck.duplicate': z.object({ deckId: Id, id: Id, name: z.string().trim().min(1).max(200) }).strict(),
  'deck.delete': z.object({ deckId: Id }).strict(),
  'deck.export': z.object({ deckId: Id }).strict(),
  'policy.list': z.object({}).strict(),
  // base: as for card.save, the policy as the sender last read it; only what it changed since is written.
  'policy.save': z.object({ policy: ReturnPolicy, base: ReturnPolicy.nullable().optional() }).strict(),
  'image.put': z.object({ image: DeckFileImage }).strict(),
  'image.get': z.object({ id: Id }).strict(),
  'trash.list': z.object({}).strict(),
  'trash.restore': z.object({ key: z.string().min(1).max(200) }).strict(),
  'trash.purge': z.object({ key: z.string().min(1).max(200) }).strict(),
  'import.commit': ImportCommit,
};

/** Every studio write tells open sidebars and studios what changed (push scope 'library'). */
export function libraryHandlers(ctx: ServiceContext) {
  const { deps, changed } = ctx;
  const { repo, now } = deps;
  const lib = () => {
    if (!deps.library) throw new UpfrontError('internal', 'library not wired');
    return deps.library;
  };
  // A deck a show not yet ended uses stays restorable in the trash.
  const inLiveShow = async (deckId: string) => (await repo.openSessions()).some((s) => s.deckId === deckId);
  return {
    'deck.list': () => repo.listDecks(),
    // Stored product images stay references ("upfront-image:<sha-256>"): the sidebar fetches
    // each once with image.get and keeps it, so a re-read carries no image bytes. A deck moved
    // to the trash during a show still answers, as it was: the show goes on with it.
    'deck.get': async ({ deckId }) => {
      const deck = (await repo.getDeck(deckId)) ?? (await deps.library?.trashedDeck(deckId));
      if (!deck) throw new UpfrontError('deck-not-found', deckId);
      return repo.bundleOf(deck);
    },
    'card.list': () => repo.listCards(),
    'cards.get': ({ cardIds }) => repo.cardsWithPolicies(cardIds),
    // No push: other sidebars keep their own deck; this only serves this console's next opening.
    'deck.pick': async (p, sender) => {
      const tab = await ctx.contextFor(sender, p.tabId);
      if (!tab) throw new UpfrontError('no-console-tab');
      await ctx.picked.set(tab.origin, p.deckId);
      return null;
    },
    'deck.picked': async (p, sender) => {
      const tab = await ctx.contextFor(sender, p.tabId);
      return tab ? ctx.picked.get(tab.origin) : null;
    },
    'demo.remove': async () => changed(await repo.removeDemo(), { scope: 'library' }),

    'card.get': ({ cardId }) => lib().getCard(cardId),
    // A save changes that product's contents only: open views re-read just that card (and its
    // decks, when the save also put it into some).
    'card.save': async ({ card, base, keepDraft, addToDecks }) =>
      changed(await lib().saveCard(card, now(), addToDecks, { base, keepDraft }), { scope: 'library', cardIds: [card.id], ...(addToDecks?.length ? { deckIds: addToDecks } : {}) }),
    // Deleting also takes the product out of its decks and into the trash: all of the library.
    'card.delete': async ({ cardId }) => {
      await lib().deleteCard(cardId, now());
      return changed(null, { scope: 'library' });
    },
    // Drafts are listed in the studio's product list, so saving or dropping one is a change of
    // that product (components/studio/producer/source.ts re-reads it and the drafts).
    'draft.save': async ({ cardId, value, base }) => {
      await lib().saveDraft(cardId, value, now(), base ?? undefined);
      return changed(null, { scope: 'library', cardIds: [cardId] });
    },
    'draft.discard': async ({ cardId }) => {
      await lib().discardDraft(cardId);
      return changed(null, { scope: 'library', cardIds: [cardId] });
    },
    'draft.list': () => lib().listDrafts(),
    'deck.all': () => lib().listDecks(),
    'deck.save': async ({ deck }) => changed(await lib().saveDeck(deck, now()), { scope: 'library', deckIds: [deck.id] }),
    'deck.duplicate': async ({ deckId, id, name }) => changed(await lib().duplicateDeck(deckId, id, name, now()), { scope: 'library', deckIds: [id] }),
    'deck.delete': async ({ deckId }) => {
      await lib().deleteDeck(deckId, now());
      return changed(null, { scope: 'library', deckIds: [deckId] });
    },
    'deck.export': ({ deckId }) => lib().exportDeck(deckId),
    'policy.list': () => lib().listPolicies(),
    'policy.save': async ({ policy, base }) => changed(await lib().savePolicy(policy, now(), base), { scope: 'library' }),
    // No push: nothing shows an image until a product saved afterwards points at it.
    'image.put': ({ image }) => lib().putImage(image, now()),
    'image.get': ({ id }) => lib().getImage(id),
    'trash.list': () => lib().listTrash(),
    'trash.restore': async ({ key }) => {
      await lib().restore(key, now());
      return changed(null, { scope: 'library' });
    },
    // A show goes on with its deck from the trash (deck.get); deleting it for good would leave
    // the show's sidebar nothing to show after a console reload.
    'trash.purge': async ({ key }) => {
      const deckId = trashedDeckId(key);
      if (deckId !== undefined && (await inLiveShow(deckId))) throw new UpfrontError('deck-in-live-show', deckId);
      await lib().purge(key);
      return changed(null, { scope: 'library' });
    },
    'import.commit': async (commit) => changed(await lib().commitImport(commit, now()), { scope: 'library' }),
  } satisfies HandlersFor<typeof libraryRequests>;
}

export type LibraryResponses = ResponsesOf<ReturnType<typeof libraryHandlers>>;
