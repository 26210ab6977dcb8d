import { linkQuery } from '../cards/link-numbers';
import type { Card } from '../schema/card';

/** Case- and width-insensitive form for matching ("ＳＫＵ" finds "sku"). */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().trim();
}

/**
 * Run-sheet positions of the cards whose SKU or name (in any language) contains every word of
 * the query, in run-sheet order. An empty query matches everything. A query that is a link
 * number ("3", "3号", "link 3") puts the product with that link number first.
 */
export function searchCards(cards: readonly Card[], query: string, links?: readonly number[]): number[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const link = links ? linkQuery(query) : undefined;
  const out: number[] = link === undefined ? [] : links!.flatMap((n, i) => (n === link && i < cards.length ? [i] : []));
  const first = new Set(out);
  cards.forEach((card, i) => {
    if (first.has(i)) return;
    if (words.length === 0) return out.push(i);
    const hay = normalise([card.sku, ...Object.values(card.name ?? {})].join(' '));
    if (words.every((w) => hay.includes(w))) out.push(i);
  });
  return out;
}
