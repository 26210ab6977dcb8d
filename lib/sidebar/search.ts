import type { Card } from '../schema/card';

/** Case- and width-insensitive form for matching ("ＳＫＵ" finds "sku"). */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().trim();
}

/**
 * Run-sheet positions of the cards whose SKU or name (in any language) contains every word of
 * the query, in run-sheet order. An empty query matches everything.
 */
export function searchCards(cards: readonly Card[], query: string): number[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const out: number[] = [];
  cards.forEach((card, i) => {
    if (words.length === 0) return out.push(i);
    const hay = normalise([card.sku, ...Object.values(card.name ?? {})].join(' '));
    if (words.every((w) => hay.includes(w))) out.push(i);
  });
  return out;
}
