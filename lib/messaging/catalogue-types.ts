/**
 * Responses of the studio's catalogue requests (issue 4). Type-only, like ./types.ts, which
 * merges them into its Responses map; the payload schemas are in ./catalogue-protocol.ts.
 */
import type { DeckExport, Draft, StoredImage, TrashSummary } from '../db/library';
import type { DeckFileImage } from '../deckfile/format';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';

export interface CatalogueResponses {
  'card.get': { card: Card | null; draft: Draft | null };
  'card.save': Card;
  'card.delete': null;
  'draft.save': null;
  'draft.discard': null;
  'draft.list': Draft[];
  'deck.all': Deck[];
  'deck.save': Deck;
  'deck.duplicate': Deck;
  'deck.delete': null;
  'deck.export': DeckExport;
  'policy.list': ReturnPolicy[];
  'policy.save': ReturnPolicy;
  'image.put': Omit<StoredImage, 'blob'>;
  'image.get': DeckFileImage | null;
  'trash.list': TrashSummary[];
  'trash.restore': null;
  'trash.purge': null;
  'import.commit': { added: number; updated: number };
}
