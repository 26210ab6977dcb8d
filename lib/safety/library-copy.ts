import type { UpfrontDb } from '../db/database';
import { sha256Hex } from '../evidence/hash';
import { imageIdOf } from '../images';
import { Card } from '../schema/card';
import { Deck } from '../schema/deck';
import { ReturnPolicy } from '../schema/policy';
import { z } from '../zod';
import { asciiJson } from './journal-format';
import type { JournalFiles } from './journal-files';

// The file and format names are older than the word "library"; kept so existing journals still restore.
export const LIBRARY_FILE = 'catalogue.json';

/** The decks, products and return policies, copied beside the journal (images are not). */
export const LibraryCopy = z.object({
  format: z.literal('upfront-catalogue-copy'),
  version: z.literal(1),
  at: z.number().int(),
  decks: z.array(Deck),
  cards: z.array(Card),
  policies: z.array(ReturnPolicy),
});
export type LibraryCopy = z.infer<typeof LibraryCopy>;

/**
 * Copies the library into the journal's folder when it changed since the last copy (compared
 * by hash, so an unchanged library costs a read and no write). Returns the copy's hash.
 */
export async function saveLibraryCopy(db: UpfrontDb, files: JournalFiles, now: number, lastHash?: string): Promise<string> {
  const [decks, cards, policies] = await db.transaction('r', db.decks, db.cards, db.policies, () =>
    Promise.all([db.decks.toArray(), db.cards.toArray(), db.policies.toArray()]),
  );
  const body = asciiJson({ decks, cards, policies });
  const hash = sha256Hex(body);
  if (hash === lastHash) return hash;
  const copy: LibraryCopy = { format: 'upfront-catalogue-copy', version: 1, at: now, decks, cards, policies };
  await files.replace(LIBRARY_FILE, asciiJson(copy));
  return hash;
}

export interface LibraryRestored {
  decks: number;
  cards: number;
  policies: number;
  /** When the copy was taken; undefined without a usable copy. */
  copiedAt?: number;
  /** Products whose picture was stored in the database: the copy does not hold pictures. */
  withoutImage: number;
  /** The copy exists but could not be read. */
  unreadable: boolean;
}

/** Puts back every deck, product and policy of the copy that the database lacks; nothing is overwritten. */
export async function restoreLibrary(db: UpfrontDb, files: JournalFiles): Promise<LibraryRestored> {
  const none: LibraryRestored = { decks: 0, cards: 0, policies: 0, withoutImage: 0, unreadable: false };
  const text = await files.read(LIBRARY_FILE);
  if (text === '') return none;
  let copy: LibraryCopy;
  try {
    copy = LibraryCopy.parse(JSON.parse(text));
  } catch {
    return { ...none, unreadable: true };
  }
  return db.transaction('rw', db.decks, db.cards, db.policies, async () => {
    const missing = async <T extends { id: string }>(table: { bulkGet(ids: string[]): Promise<(T | undefined)[]> }, rows: T[]) => {
      const here = await table.bulkGet(rows.map((r) => r.id));
      return rows.filter((_r, i) => here[i] === undefined);
    };
    const decks = await missing<Deck>(db.decks, copy.decks);
    const cards = await missing<Card>(db.cards, copy.cards);
    const policies = await missing<ReturnPolicy>(db.policies, copy.policies);
    await db.policies.bulkAdd(policies);
    await db.cards.bulkAdd(cards);
    await db.decks.bulkAdd(decks);
    const withoutImage = cards.filter((c) => imageIdOf(c.image) !== undefined).length;
    return { decks: decks.length, cards: cards.length, policies: policies.length, copiedAt: copy.at, withoutImage, unreadable: false };
  });
}
