import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Library } from '../../lib/db/library';
import type { ImportContext } from '../../lib/import/types';
import type { Card } from '../../lib/schema/card';
import { ReturnPolicy } from '../../lib/schema/policy';
import { freshRepo, NOW } from './helpers';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const example = (name: string) => readFileSync(path.join(ROOT, 'docs/examples', name), 'utf8');

export function freshLibrary() {
  const { db, repo } = freshRepo();
  return { db, repo, library: new Library(db) };
}

/** Deterministic ids so plans can be compared. */
export function ctx(over: Partial<ImportContext> = {}, cards: Card[] = []): ImportContext {
  let n = 0;
  return {
    existingCards: cards,
    existingPolicies: [],
    existingDecks: [],
    language: 'en',
    target: { kind: 'none' },
    now: NOW,
    newId: () => `id-${++n}`,
    ...over,
  };
}

export const file = (text: string | Uint8Array) => new Blob([text as BlobPart]);
export { NOW };

/** A policy with texts in English, for the tests of saves made from two windows at once. */
export const euPolicy = (updatedAt = 0) =>
  ReturnPolicy.parse({
    id: 'eu',
    name: 'EU returns',
    markets: ['EU'],
    windowDays: 14,
    returnShippingPaidBy: 'buyer',
    condition: { en: 'Unworn, with tags' },
    exceptions: { en: 'Underwear is final sale' },
    updatedAt,
  });
