import { effectivePolicyId } from './cards/items';
import { duplicateLinkNumbers } from './cards/link-numbers';
import { cardTermFlags, policyTermFlags, type TermFlag } from './dont-say/term-flags';
import { cardTextFields, deckContents, isMissing, policyTextFields, type TextField, type TextKind } from './cards/translations';
import type { Card } from './schema/card';
import type { Deck } from './schema/deck';
import type { ReturnPolicy } from './schema/policy';

/**
 * "Ready to go live?": everything on a deck that would leave a viewer guessing. Each problem
 * names the card and the part of the editor that fixes it, so the studio can link straight there.
 */
export type ProblemCode =
  | 'empty-deck'
  | 'deck-no-policy'
  | 'no-size-chart'
  | 'size-chart-incomplete'
  | 'no-policy'
  | 'policy-market'
  | 'caveat-language'
  | 'scale-without-dimensions'
  | 'no-image'
  | 'name-language'
  // From returns (lib/returns/feedback.ts): what buyers sent back says the card is missing something.
  | 'returns-size-fit'
  | 'returns-not-as-described'
  | 'returns-colour'
  | 'link-duplicate'
  | 'text-language'
  // Issue 20: a text uses a term the deck's market treats as banned or misleading (lib/markets/risky-terms.ts).
  | 'risky-term';

/** The editor section a fix happens in (the same names as the card's fields). */
export type ProblemField = 'deck' | 'name' | 'image' | 'sizeChart' | 'dimensions' | 'caveats' | 'notes' | 'dontSay' | 'policy';

export interface Problem {
  code: ProblemCode;
  field: ProblemField;
  cardId?: string;
  sku?: string;
  language?: string;
  caveatId?: string;
  market?: string;
  /** Returns problems: the product's returns, and how many times the deck's average rate it is. */
  returns?: number;
  ratio?: number;
  /** A platform link number given to more than one product. */
  link?: number;
  /** For a missing translation: which text (as the Translations section names it) and whose. */
  text?: { kind: TextKind; n: number };
  policyId?: string;
  /** A risky term: the term, and the text's key as an accepted term records it (li./dont-say/term-flags.ts). */
  term?: string;
  termField?: string;
}

/** Where each kind of text is edited. */
const TEXT_FIELD: Record<TextKind, ProblemField> = {
  name: 'name',
  caveat: 'caveats',
  measurement: 'sizeChart',
  fitAdvice: 'sizeChart',
  modelFit: 'sizeChart',
  note: 'notes',
  dontSayClaim: 'dontSay',
  dontSaySay: 'dontSay',
  condition: 'policy',
  exceptions: 'policy',
  summary: 'policy',
};

/**
 * Every text missing in a deck language, one problem each, counted as the Translations section
 * counts them (lib/cards/translations.ts), so "ready" never sits beside "missing": a name and a
 * must-say caveat keep their own codes, every other text is "text-language".
 */
function translationProblems(fields: readonly TextField[], languages: readonly string[], base: Pick<Problem, 'cardId' | 'sku' | 'policyId'>): Problem[] {
  const out: Problem[] = [];
  for (const f of fields) {
    const own = f.kind === 'name' ? 'name-language' : f.kind === 'caveat' && f.mustSay ? 'caveat-language' : undefined;
    for (const language of languages) {
      if (!isMissing(f, language)) continue;
      if (own === 'name-language') out.push({ ...base, code: own, field: 'name', language });
      else if (own === 'caveat-language') continue; // cardProblems lists these with the caveat's id
      else out.push({ ...base, code: 'text-language', field: TEXT_FIELD[f.kind], language, text: { kind: f.kind, n: f.n } });
    }
  }
  return out;
}

/** Garments are sold by size: they need a chart. */
export const SIZED_CATEGORIES: ReadonlySet<Card['category']> = new Set(['apparel', 'footwear']);

const hasText = (text: Record<string, string> | undefined, language: string) => (text?.[language] ?? '').trim() !== '';

export interface CardContext {
  policy: ReturnPolicy | undefined;
  /** The deck's languages; language checks are skipped when empty (a card in no deck). */
  languages: readonly string[];
  market?: string;
}

export function cardProblems(card: Card, ctx: CardContext): Problem[] {
  const base = { cardId: card.id, sku: card.sku };
  const problems: Problem[] = [];
  const texts = translationProblems(cardTextFields(card), ctx.languages, base);
  problems.push(...texts.filter((p) => p.code === 'name-language'));
  if (!card.image) problems.push({ ...base, code: 'no-image', field: 'image' });
  if (SIZED_CATEGORIES.has(card.category) && !card.sizeChart) problems.push({ ...base, code: 'no-size-chart', field: 'sizeChart' });
  if (card.sizeChart?.rows.some((r) => card.sizeChart!.measurements.some((m) => r.values[m.id] === null || r.values[m.id] === undefined))) {
    problems.push({ ...base, code: 'size-chart-incomplete', field: 'sizeChart' });
  }
  const d = card.dimensions;
  if (card.scaleRefs.length > 0 && !(d?.lengthMm || d?.widthMm || d?.heightMm)) {
    problems.push({ ...base, code: 'scale-without-dimensions', field: 'dimensions' });
  }
  for (const caveat of card.caveats) {
    if (!caveat.mustSay) continue;
    for (const language of ctx.languages) {
      if (!hasText(caveat.text, language)) problems.push({ ...base, code: 'caveat-language', field: 'caveats', language, caveatId: caveat.id });
    }
  }
  problems.push(...texts.filter((p) => p.code === 'text-language'));
  problems.push(...termProblems(cardTermFlags(card, ctx.market, ctx.languages), base));
  if (!ctx.policy) problems.push({ ...base, code: 'no-policy', field: 'policy' });
  else if (ctx.market && !ctx.policy.markets.includes(ctx.market)) problems.push({ ...base, code: 'policy-market', field: 'policy', market: ctx.market });
  return problems;
}

/** Every problem of a deck, in run-sheet order. */
export function deckProblems(deck: Deck, cards: readonly Card[], policies: readonly ReturnPolicy[]): Problem[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const policy = (id: string | undefined) => (id ? policies.find((p) => p.id === id) : undefined);
  const problems: Problem[] = [];
  const deckCards = deck.cardIds.map((id) => byId.get(id)).filter((c): c is Card => c !== undefined);
  if (deckCards.length === 0) problems.push({ code: 'empty-deck', field: 'deck' });
  for (const link of duplicateLinkNumbers(deck, deckCards.map((c) => c.id)).keys()) problems.push({ code: 'link-duplicate', field: 'deck', link });
  for (const card of deckCards) {
    problems.push(...cardProblems(card, { policy: policy(effectivePolicyId(card, deck.defaultPolicyId)), languages: deck.languages, market: deck.market }));
  }
  // The policies' own texts, once per policy: fixed on the deck (its default) or the first card sold under it.
  for (const p of deckContents(deck, cards, policies).policies) {
    const owner = p.id === deck.defaultPolicyId ? undefined : deckCards.find((c) => effectivePolicyId(c, deck.defaultPolicyId) === p.id);
    const base = { policyId: p.id, ...(owner ? { cardId: owner.id, sku: owner.sku } : {}) };
    problems.push(...translationProblems(policyTextFields(p), deck.languages, base));
    problems.push(...termProblems(policyTermFlags(p, deck.market, deck.languages), base));
  }
  return problems;
}

/** Risky terms not accepted yet, one problem each, linking to the text's section and language. */
function termProblems(flags: readonly TermFlag[], base: Pick<Problem, 'cardId' | 'sku' | 'policyId'>): Problem[] {
  return flags
    .filter((f) => !f.accepted)
    .map((f) => ({ ...base, code: 'risky-term' as const, field: TEXT_FIELD[f.kind], language: f.language, text: { kind: f.kind, n: f.n }, term: f.term, termField: f.field }));
}

/** The risky terms of a deck the producer accepted, with their reasons: listed, not counted. */
export function acceptedTermFlags(deck: Deck, cards: readonly Card[], policies: readonly ReturnPolicy[]): TermFlag[] {
  const { cards: deckCards, policies: deckPolicies } = deckContents(deck, cards, policies);
  return [...deckCards.flatMap((c) => cardTermFlags(c, deck.market, deck.languages)), ...deckPolicies.flatMap((p) => policyTermFlags(p, deck.market, deck.languages))].filter((f) => f.accepted);
}

/** Problems of a product on its own, for the product list: judged against the first deck it is in. */
export function productProblems(card: Card, decks: readonly Deck[], policies: readonly ReturnPolicy[]): Problem[] {
  const deck = decks.find((d) => d.cardIds.includes(card.id));
  const policyId = effectivePolicyId(card, deck?.defaultPolicyId);
  return cardProblems(card, { policy: policyId ? policies.find((p) => p.id === policyId) : undefined, languages: deck?.languages ?? [], market: deck?.market });
}
