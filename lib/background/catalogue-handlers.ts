import { trashedDeckId, type Catalogue } from '../db/catalogue';
import { UpfrontError } from '../errors';
import type { catalogueRequestSchemas } from '../messaging/catalogue-protocol';
import type { CatalogueResponses } from '../messaging/catalogue-types';

type Payload<T extends keyof CatalogueResponses> = (typeof catalogueRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof CatalogueResponses]: (payload: Payload<T>) => Promise<CatalogueResponses[T]> };

/**
 * The studio's catalogue requests, merged into the background service. Payloads arrive parsed
 * by ./catalogue-protocol.ts; every write tells open sidebars that data changed. `inLiveShow`
 * says whether a session not yet ended uses a deck: such a deck stays restorable in the trash.
 */
export function catalogueHandlers(
  catalogue: Catalogue | undefined,
  now: () => number,
  changed: <T>(value: T) => T,
  inLiveShow: (deckId: string) => Promise<boolean>,
): Handlers {
  const c = () => {
    if (!catalogue) throw new UpfrontError('internal', 'catalogue not wired');
    return catalogue;
  };
  return {
    'card.get': ({ cardId }) => c().getCard(cardId),
    'card.save': async ({ card, addToDecks }) => changed(await c().saveCard(card, now(), addToDecks)),
    'card.delete': async ({ cardId }) => changed(await c().deleteCard(cardId, now())) ?? null,
    // Drafts are listed in the studio's product list, so saving or dropping one is a change.
    'draft.save': async ({ cardId, value }) => changed(await c().saveDraft(cardId, value, now())) ?? null,
    'draft.discard': async ({ cardId }) => changed(await c().discardDraft(cardId)) ?? null,
    'draft.list': () => c().listDrafts(),
    'deck.all': () => c().listDecks(),
    'deck.save': async ({ deck }) => changed(await c().saveDeck(deck, now())),
    'deck.duplicate': async ({ deckId, id, name }) => changed(await c().duplicateDeck(deckId, id, name, now())),
    'deck.delete': async ({ deckId }) => changed(await c().deleteDeck(deckId, now())) ?? null,
    'deck.export': ({ deckId }) => c().exportDeck(deckId),
    'policy.list': async () => (await c().listPolicies()),
    'policy.save': async ({ policy }) => changed(await c().savePolicy(policy, now())),
    'image.put': async ({ image }) => changed(await c().putImage(image, now())),
    'image.get': ({ id }) => c().getImage(id),
    'trash.list': () => c().listTrash(),
    'trash.restore': async ({ key }) => changed(await c().restore(key, now())) ?? null,
    // A show goes on with its deck from the trash (deck.get); deleting it for good would leave
    // the show's sidebar nothing to show after a console reload.
    'trash.purge': async ({ key }) => {
      const deckId = trashedDeckId(key);
      if (deckId !== undefined && (await inLiveShow(deckId))) throw new UpfrontError('deck-in-live-show', deckId);
      return (await c().purge(key)) ?? null;
    },
    'import.commit': async (commit) => changed(await c().commitImport(commit, now())),
  };
}
