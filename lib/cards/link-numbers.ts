/**
 * Link numbers: hosts speak in the platform's numbering of the products in the shop window
 * ("3号链接", "link 3"), which the producer sets per deck; a product without one is numbered by
 * its run-sheet position, which is how most consoles number a freshly arranged window.
 */
import type { Deck } from '../schema/deck';

/** The link number of each card, in the order given (the run sheet as the host sees it). */
export function linkNumbers(deck: Pick<Deck, 'linkNumbers'>, cardIds: readonly string[]): number[] {
  return cardIds.map((id, i) => linkNumberAt(deck, id, i));
}

/**
 * The number a search names, if it names only a link: "3", "#3", "3号", "3号链接", "链接3",
 * "link 3", "No. 3", full-width digits too. Anything else (a SKU, a name) is not a link number.
 */
export function linkQuery(query: string): number | undefined {
  const q = query.normalize('NFKC').trim().toLowerCase();
  const m = /^(?:link|no\.?|#|链接|リンク)?\s*(\d{1,4})\s*(?:号链接|号|番)?$/.exec(q);
  return m ? Number(m[1]) : undefined;
}

/** Link numbers given to more than one product of the deck (the platform has one per link). */
export function duplicateLinkNumbers(deck: Pick<Deck, 'linkNumbers'>, cardIds: readonly string[]): Map<number, string[]> {
  const byNumber = new Map<number, string[]>();
  linkNumbers(deck, cardIds).forEach((n, i) => byNumber.set(n, [...(byNumber.get(n) ?? []), cardIds[i]]));
  return new Map([...byNumber].filter(([, ids]) => ids.length > 1));
}

/** One card's link number at its run-sheet position. */
export function linkNumberAt(deck: Pick<Deck, 'linkNumbers'>, cardId: string, position: number): number {
  return deck.linkNumbers?.[cardId] ?? position + 1;
}
