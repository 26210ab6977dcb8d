import { SIZED_CATEGORIES, type Problem } from '../readiness';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import { addReasons, type ReasonUnits } from './join';
import type { LoopLine } from './loop';

/** A product needs at least this many returned units before its reasons say anything. */
export const FEEDBACK_MIN_RETURNS = 10;
/** "Well above the deck's average": its size/fit return rate at least this many times the deck's. */
export const SIZE_FIT_FACTOR = 1.5;
/** A reason that makes up at least this share of a product's returns asks for a fix. */
export const REASON_SHARE = 0.2;

/**
 * Readiness problems from returns (issue 17, "Feedback into the cards"), over the order lines
 * of the deck's products from every show: a product whose size/fit return rate is well above
 * the deck's asks for fit advice or a size-chart check (the size chart section; the dimensions
 * for a product sold without sizes); one often returned as "not as described" asks for a
 * caveat; one often returned for its colour or look asks for a colour-accuracy note.
 */
export function returnsProblems(deck: Deck, cards: readonly Card[], lines: readonly LoopLine[]): Problem[] {
  const onDeck = new Set(deck.cardIds);
  const byCard = new Map<string, { ordered: number; returned: number; reasons: ReasonUnits }>();
  for (const l of lines) {
    if (!onDeck.has(l.product.cardId)) continue;
    let t = byCard.get(l.product.cardId);
    if (!t) byCard.set(l.product.cardId, (t = { ordered: 0, returned: 0, reasons: {} }));
    t.ordered += l.line.quantity;
    t.returned += l.returned;
    addReasons(t.reasons, l.reasons);
  }
  let deckOrdered = 0;
  let deckSize = 0;
  for (const t of byCard.values()) {
    deckOrdered += t.ordered;
    deckSize += t.reasons.size_fit ?? 0;
  }
  const deckRate = deckOrdered > 0 ? deckSize / deckOrdered : 0;
  const problems: Problem[] = [];
  const cardsById = new Map(cards.map((c) => [c.id, c]));
  for (const id of deck.cardIds) {
    const card = cardsById.get(id);
    const t = byCard.get(id);
    if (!card || !t || t.returned < FEEDBACK_MIN_RETURNS) continue;
    const base = { cardId: card.id, sku: card.sku, returns: t.returned };
    const size = t.reasons.size_fit ?? 0;
    const rate = size / t.ordered;
    if (size > 0 && deckRate > 0 && rate >= SIZE_FIT_FACTOR * deckRate) {
      const field = card.sizeChart || SIZED_CATEGORIES.has(card.category) ? 'sizeChart' : 'dimensions';
      problems.push({ ...base, code: 'returns-size-fit', field, ratio: Math.round((rate / deckRate) * 10) / 10 });
    }
    if ((t.reasons.not_as_described ?? 0) >= REASON_SHARE * t.returned) problems.push({ ...base, code: 'returns-not-as-described', field: 'caveats' });
    if ((t.reasons.colour_look ?? 0) >= REASON_SHARE * t.returned) problems.push({ ...base, code: 'returns-colour', field: 'notes' });
  }
  return problems;
}
