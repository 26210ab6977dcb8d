import { DeckFile } from './format';
import { buildDeckPackage } from './package';

/** docs/examples' deck package: the example deck file's contents as a package (npm run docs). */
export function examplePackage(deckFileText: string): Uint8Array {
  return buildDeckPackage(DeckFile.parse(JSON.parse(deckFileText)));
}
