import type { DeckExport } from '../../../lib/schema/library';
import { serializeDeckFile } from '../../../lib/deckfile/format';
import { buildDeckPackage } from '../../../lib/deckfile/package';
import { downloadBlob, downloadText, fileSafe } from '../download';

/**
 * Saves an exported deck: a deck file (JSON, readable and diffable) when it has no stored
 * photos, else a deck package (a zip with the photos as files; lib/deckfile/package.ts).
 */
export function downloadDeck(name: string, exported: DeckExport): void {
  if (exported.images.length === 0) return downloadText(`${fileSafe(name)}.upfront-deck.json`, serializeDeckFile(exported), 'application/json');
  downloadBlob(`${fileSafe(name)}.upfront-deck.zip`, new Blob([buildDeckPackage(exported) as BlobPart], { type: 'application/zip' }));
}
