import type { ImportCommit } from '../schema/library';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';

export type ImportFormat = 'upfront-deck' | 'upfront-csv' | 'shopify-csv';

/**
 * One thing wrong in an imported file. `code` is a key under "import.issue." in the locale
 * files, `params` fill it in. `row` is the spreadsheet row (the header is row 1) or, for a
 * JSON file, absent; `field` is the column name or the JSON path, as the file spells it.
 */
export interface ImportIssue {
  row?: number;
  field?: string;
  code: string;
  params?: Record<string, string | number>;
}

export type PlanAction = 'add' | 'update' | 'skip';

/** What an import will do to one product. */
export interface PlanEntry {
  action: PlanAction;
  sku: string;
  name: string;
  /** Spreadsheet rows the product came from (one per variant for Shopify). */
  rows: number[];
  /** Why a product is skipped: "unchanged" or "archived". */
  reason?: 'unchanged' | 'archived';
  card: Card;
}

/** The preview of an import: nothing is written until the producer confirms it. */
export interface ImportPlan {
  format: ImportFormat;
  entries: PlanEntry[];
  /** Any issue blocks the whole import (all-or-nothing). */
  issues: ImportIssue[];
  policies: ReturnPolicy[];
  deck?: Deck;
  commit: ImportCommit;
}

/** A failed read: the file never got as far as a plan. */
export interface ImportFailure {
  format?: ImportFormat;
  issues: ImportIssue[];
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; failure: ImportFailure };

/** What the studio knows when it plans an import. */
export interface ImportContext {
  existingCards: readonly Card[];
  existingPolicies: readonly ReturnPolicy[];
  existingDecks: readonly Deck[];
  /** Language of plain-text columns without a language (Shopify's Title). */
  language: string;
  /** Where imported products go: nowhere, a new deck, or the end of an existing one. */
  target: { kind: 'none' } | { kind: 'new'; name: string; market: string; languages: string[] } | { kind: 'deck'; deckId: string };
  now: number;
  newId: () => string;
}
