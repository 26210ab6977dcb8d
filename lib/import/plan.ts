import { DECK_FILE_FORMAT, DECK_FILE_VERSION, DeckFile } from '../deckfile/format';
import { Card } from '../schema/card';
import { Deck } from '../schema/deck';
import { fieldErrors } from '../validation';
import { parseCsv, yieldToPage } from './csv';
import { applyPatch, sameContent, type ParsedProduct } from './patch';
import { readPackageFile } from './package-file';
import { readImportFile } from './read';
import { parseShopifyCsv, shopifyColumnFor } from './shopify';
import type { ImportContext, ImportFormat, ImportIssue, ImportPlan, ImportResult, PlanEntry } from './types';
import { parseUpfrontCsv, upfrontColumnFor } from './upfront-csv';

const displayName = (card: Card) => Object.values(card.name).find((s) => s.trim() !== '') ?? card.sku;

/** A deck for the imported products, as the producer chose: none, a new one, or an existing one. */
function targetDeck(ctx: ImportContext, cardIds: string[], issues: ImportIssue[]): Deck | undefined {
  const { target } = ctx;
  if (target.kind === 'none') return undefined;
  if (target.kind === 'deck') {
    const deck = ctx.existingDecks.find((d) => d.id === target.deckId);
    if (!deck) {
      issues.push({ field: 'deck', code: 'deckMissing' });
      return undefined;
    }
    return { ...deck, cardIds: [...deck.cardIds, ...cardIds.filter((id) => !deck.cardIds.includes(id))], updatedAt: ctx.now };
  }
  const deck = { id: ctx.newId(), name: target.name.trim(), cardIds: [...new Set(cardIds)], market: target.market, languages: target.languages, updatedAt: ctx.now };
  const parsed = Deck.safeParse(deck);
  if (!parsed.success) for (const e of fieldErrors(parsed.error)) issues.push({ field: `deck.${e.path}`, code: e.code, params: e.params });
  return deck;
}

/** Products from a CSV, matched by SKU against the library, validated with the card schema. */
export function planProducts(
  format: ImportFormat,
  products: ParsedProduct[],
  issues: ImportIssue[],
  ctx: ImportContext,
  columnFor: (path: string) => string,
): ImportPlan {
  const entries: PlanEntry[] = [];
  const seen = new Map<string, number>();
  for (const p of products) {
    const firstRow = p.rows[0];
    if (!p.patch.sku) continue; // already reported
    if (seen.has(p.patch.sku)) {
      issues.push({ row: firstRow, field: columnFor('sku'), code: 'duplicateSku', params: { sku: p.patch.sku, other: seen.get(p.patch.sku)! } });
      continue;
    }
    seen.set(p.patch.sku, firstRow);
    const existing = ctx.existingCards.find((c) => c.sku === p.patch.sku);
    const card = applyPatch(existing, p.patch, existing?.id ?? ctx.newId(), ctx.now);
    const parsed = Card.safeParse(card);
    if (!parsed.success) {
      for (const e of fieldErrors(parsed.error)) issues.push({ row: firstRow, field: columnFor(e.path), code: e.code, params: e.params });
      continue;
    }
    if (card.policyId && !ctx.existingPolicies.some((x) => x.id === card.policyId)) {
      issues.push({ row: firstRow, field: columnFor('policyId'), code: 'unknownPolicy', params: { id: card.policyId } });
    }
    const action = p.archived ? 'skip' : existing && sameContent(existing, parsed.data) ? 'skip' : existing ? 'update' : 'add';
    const reason = p.archived ? 'archived' : action === 'skip' ? 'unchanged' : undefined;
    entries.push({ action, sku: card.sku, name: displayName(card), rows: p.rows, ...(reason ? { reason } : {}), card: parsed.data });
  }
  if (products.length === 0 && issues.length === 0) issues.push({ code: 'noProducts' });
  const inDeck = entries.filter((e) => e.reason !== 'archived').map((e) => e.card.id);
  const deck = targetDeck(ctx, inDeck, issues);
  return {
    format,
    entries,
    issues,
    policies: [],
    ...(deck ? { deck } : {}),
    commit: {
      cards: entries.filter((e) => e.action !== 'skip').map((e) => ({ card: e.card, expect: e.action === 'add' ? ('add' as const) : ('update' as const) })),
      policies: [],
      images: [],
      ...(deck ? { deck } : {}),
    },
  };
}

/** "cards.2.sizeChart.rows.0.size" → "cards[2].sizeChart.rows[0].size", as a JSON path reads. */
export function jsonPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** An Upfront deck file: the deck, its cards, policies and images, matched by SKU. */
export function planDeckFile(text: string, ctx: ImportContext): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, failure: { format: 'upfront-deck', issues: [{ code: 'json', params: { detail: err instanceof Error ? err.message : String(err) } }] } };
  }
  return planDeckObject(raw, ctx);
}

/** A deck file as parsed JSON, or as a deck package stands for one (lib/deckfile/package.ts). */
export function planDeckObject(raw: unknown, ctx: ImportContext): ImportResult {
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== DECK_FILE_FORMAT) {
    return { ok: false, failure: { format: 'upfront-deck', issues: [{ field: 'format', code: 'notDeckFile' }] } };
  }
  if (typeof head.version === 'number' && head.version > DECK_FILE_VERSION) {
    return { ok: false, failure: { format: 'upfront-deck', issues: [{ field: 'version', code: 'newerVersion', params: { version: head.version, supported: DECK_FILE_VERSION } }] } };
  }
  const parsed = DeckFile.safeParse(raw);
  if (!parsed.success) {
    const issues = fieldErrors(parsed.error).map((e) => ({ field: jsonPath(e.path), code: e.code, params: e.params }));
    return { ok: false, failure: { format: 'upfront-deck', issues } };
  }
  const file = parsed.data;
  const issues: ImportIssue[] = [];
  const idMap = new Map<string, string>();
  const entries: PlanEntry[] = file.cards.map((fileCard) => {
    const existing = ctx.existingCards.find((c) => c.sku === fileCard.sku);
    const card: Card = existing ? { ...fileCard, id: existing.id } : fileCard;
    idMap.set(fileCard.id, card.id);
    const action = existing ? (sameContent(existing, card) ? 'skip' : 'update') : ctx.existingCards.some((c) => c.id === card.id) ? 'update' : 'add';
    return { action, sku: card.sku, name: displayName(card), rows: [], ...(action === 'skip' ? { reason: 'unchanged' as const } : {}), card };
  });
  // A different product already holds this id on this machine: keep both by giving ours a new id.
  for (const e of entries) {
    const holder = ctx.existingCards.find((c) => c.id === e.card.id);
    if (e.action === 'update' && holder && holder.sku !== e.card.sku) {
      const id = ctx.newId();
      idMap.set(e.card.id, id);
      e.card = { ...e.card, id };
      e.action = 'add';
    }
  }
  const remap = (id: string) => idMap.get(id) ?? id;
  const links = file.deck.linkNumbers;
  const deck: Deck = {
    ...file.deck,
    cardIds: file.deck.cardIds.map(remap),
    ...(links ? { linkNumbers: Object.fromEntries(Object.entries(links).map(([id, n]) => [remap(id), n])) } : {}),
  };
  return {
    ok: true,
    plan: {
      format: 'upfront-deck',
      entries,
      issues,
      policies: file.policies,
      deck,
      commit: {
        cards: entries.filter((e) => e.action !== 'skip').map((e) => ({ card: e.card, expect: e.action === 'add' ? ('add' as const) : ('update' as const) })),
        policies: file.policies,
        images: file.images,
        deck,
      },
    },
  };
}

/**
 * Reads, parses and plans an import. Never throws and never writes: whatever the file, the
 * result is a plan to preview or a list of issues to show.
 */
export async function prepareImport(file: Blob, ctx: ImportContext, onProgress?: (fraction: number) => void): Promise<ImportResult> {
  try {
    // A deck package (a zip with deck.json) has its own, higher limit; any other zip falls
    // through to the reader below, which says what it is (an Excel workbook: save as CSV).
    const pkg = await readPackageFile(file);
    if (pkg) return pkg.kind === 'package' ? planDeckObject(pkg.file, ctx) : { ok: false, failure: { format: 'upfront-deck', issues: pkg.issues } };
    const read = await readImportFile(file);
    if (!read.ok) return { ok: false, failure: { issues: read.issues } };
    if (read.format === 'upfront-deck') {
      await yieldToPage();
      return planDeckFile(read.text, ctx);
    }
    const table = await parseCsv(read.text, onProgress);
    const issues: ImportIssue[] = [];
    if (table.tooManyRows) return { ok: false, failure: { format: read.format, issues: [{ code: 'tooManyRows' }] } };
    for (const e of table.errors) issues.push({ row: e.row, code: `csv.${e.code}` });
    await yieldToPage();
    if (read.format === 'shopify-csv') {
      const { products, issues: more } = parseShopifyCsv(table, ctx.language);
      return { ok: true, plan: planProducts('shopify-csv', products, [...issues, ...more], ctx, (p) => shopifyColumnFor(p, table.header)) };
    }
    const { products, issues: more } = parseUpfrontCsv(table);
    return { ok: true, plan: planProducts('upfront-csv', products, [...issues, ...more], ctx, upfrontColumnFor) };
  } catch (err) {
    return { ok: false, failure: { issues: [{ code: 'unreadable', params: { detail: err instanceof Error ? err.message : String(err) } }] } };
  }
}
