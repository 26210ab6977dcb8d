import { trashedDeckId, type Library } from '../db/library';
import { UpfrontError } from '../errors';
import type { catalogueRequestSchemas } from '../messaging/catalogue-protocol';
import type { CatalogueResponses } from '../messaging/catalogue-types';
import type { Change } from '../messaging/types';

type Payload<T extends keyof CatalogueResponses> = (typeof catalogueRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof CatalogueResponses]: (payload: Payload<T>) => Promise<CatalogueResponses[T]> };

/**
 * The studio's catalogue requests, merged into the background service. Payloads arrive parsed
 * by ./catalogue-protocol.ts; every write tells open sidebars that data changed. `inLiveShow`
 * says whether a session not yet ended uses a deck: such a deck stays restorable in the trash.
 */
export function catalogueHandlers(
  catalogue: Library | undefined,
  now: () => number,
  changed: <T>(value: T, change: Change) => T,
  inLiveShow: (deckId: string) => Promise<boolean>,
): Handlers {
  const c = () => {
    if (!catalogue) throw new UpfrontError('internal', 'catalogue not wired');
    return catalogue;
  };
  return {
    'card.get': ({ cardId }) => c().getCard(cardId),
    // A save changes that product's contents only: open views re-read just that card (and its
    // decks, when the save also put it into some).
    'card.save': async ({ card, addToDecks }) =>
      changed(await c().saveCard(card, now(), addToDecks), { scope: 'library', cardIds: [card.id], ...(addToDecks?.length ? { deckIds: addToDecks } : {}) }),
    // Deleting also takes the product out of its decks and into the trash: all of the catalogue.
    'card.delete': async ({ cardId }) => changed(await c().deleteCard(cardId, now()), { scope: 'library' }) ?? null,
    // Drafts are listed in the studio's product list, so saving or dropping one is a change of
    // that product (catalogue/source.ts re-reads it and the drafts).
    'draft.save': async ({ cardId, value }) => changed(await c().saveDraft(cardId, value, now()), { scope: 'library', cardIds: [cardId] }) ?? null,
    'draft.discard': async ({ cardId }) => changed(await c().discardDraft(cardId), { scope: 'library', cardIds: [cardId] }) ?? null,
    'draft.list': () => c().listDrafts(),
    'deck.all': () => c().listDecks(),
    'deck.save': async ({ deck }) => changed(await c().saveDeck(deck, now()), { scope: 'library', deckIds: [deck.id] }),
    'deck.duplicate': async ({ deckId, id, name }) => changed(await c().duplicateDeck(deckId, id, name, now()), { scope: 'library', deckIds: [id] }),
    'deck.delete': async ({ deckId }) => changed(await c().deleteDeck(deckId, now()), { scope: 'library', deckIds: [deckId] }) ?? null,
    'deck.export': ({ deckId }) => c().exportDeck(deckId),
    'policy.list': async () => (await c().listPolicies()),
    'policy.save': async ({ policy }) => changed(await c().savePolicy(policy, now()), { scope: 'library' }),
    // No push: nothing shows an image until a product saved afterwards points at it.
    'image.put': ({ image }) => c().putImage(image, now()),
    'image.get': ({ id }) => c().getImage(id),
    'trash.list': () => c().listTrash(),
    'trash.restore': async ({ key }) => changed(await c().restore(key, now()), { scope: 'library' }) ?? null,
    // A show goes on with its deck from the trash (deck.get); deleting it for good would leave
    // the show's sidebar nothing to show after a console reload.
    'trash.purge': async ({ key }) => {
      const deckId = trashedDeckId(key);
      if (deckId !== undefined && (await inLiveShow(deckId))) throw new UpfrontError('deck-in-live-show', deckId);
      return changed(await c().purge(key), { scope: 'library' }) ?? null;
    },
    'import.commit': async (commit) => changed(await c().commitImport(commit, now()), { scope: 'library' }),
  };
}
