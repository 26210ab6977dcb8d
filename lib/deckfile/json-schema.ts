import { z } from '../zod';
import { DECK_FILE_VERSION, DeckFile } from './format';
import { DECK_PACKAGE_MANIFEST, DECK_PACKAGE_VERSION, DeckPackageManifest } from './package';

/**
 * The deck file's JSON Schema, generated from the zod schema that validates every import.
 * "input" mode: what a file may contain (fields with defaults may be left out).
 */
export function deckFileJsonSchema(): string {
  const schema = z.toJSONSchema(DeckFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const doc = {
    ...schema,
    $id: `https://upfront.example/schema/deck-file-v${DECK_FILE_VERSION}.json`,
    title: `Upfront deck file, version ${DECK_FILE_VERSION}`,
    description: 'A show run sheet with its products, return policies and images. See docs/deck-file.md.',
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The JSON Schema of a deck package's deck.json (./package.ts), generated the same way. */
export function deckPackageJsonSchema(): string {
  const schema = z.toJSONSchema(DeckPackageManifest, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const doc = {
    ...schema,
    $id: `https://upfront.example/schema/deck-package-v${DECK_PACKAGE_VERSION}.json`,
    title: `Upfront deck package ${DECK_PACKAGE_MANIFEST}, version ${DECK_PACKAGE_VERSION}`,
    description: `The ${DECK_PACKAGE_MANIFEST} inside a deck package (a zip with the images as files). See docs/deck-file.md.`,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
