/**
 * Which card an order line's SKU belongs to. Shops sell a product as variants whose SKUs extend
 * the product's own: the card "TEE-100" sells as "TEE-100-S", "TEE-100-M" (the stem rule the
 * Shopify product import uses to name a card, lib/import/shopify.ts).
 *
 * The rule: after normalising both (Unicode NFKC, so full-width "ＴＥＥ－１００" reads as
 * "TEE-100"; trimmed; case ignored), an order SKU matches a card SKU when it is the same, or
 * when it starts with the card SKU followed by a separator (- _ . / or a space). "TEE-1000" is
 * not a variant of "TEE-100". When several cards match, the longest card SKU wins: "TEE-100-S"
 * belongs to "TEE-100" rather than "TEE".
 */

const SEPARATOR = /[-_ ./]/;

// A few thousand distinct SKUs are compared against each other for every order line.
const normalised = new Map<string, string>();

export function normaliseSku(sku: string): string {
  let n = normalised.get(sku);
  if (n === undefined) {
    n = sku.normalize('NFKC').trim().toUpperCase();
    if (normalised.size >= 50_000) normalised.clear();
    normalised.set(sku, n);
  }
  return n;
}

/** Is `orderSku` the card's SKU or one of its variants? Both as written (normalised here). */
export function isVariantOf(orderSku: string, cardSku: string): boolean {
  return variantOfNormalised(normaliseSku(orderSku), normaliseSku(cardSku));
}

function variantOfNormalised(o: string, c: string): boolean {
  if (c === '' || o === '') return false;
  return o === c || (o.startsWith(c) && SEPARATOR.test(o[c.length]));
}

/** The one of `items` whose SKU `orderSku` is, or is a variant of; the longest SKU wins. */
export function bestSkuMatch<T extends { sku: string }>(orderSku: string, items: readonly T[]): T | undefined {
  const o = normaliseSku(orderSku);
  let best: T | undefined;
  let bestLength = -1;
  for (const item of items) {
    const c = normaliseSku(item.sku);
    if (c.length > bestLength && variantOfNormalised(o, c)) {
      best = item;
      bestLength = c.length;
    }
  }
  return best;
}

/**
 * bestSkuMatch over a fixed list, for many order SKUs: the list's SKUs in a map, and each order
 * SKU looked up as itself, then cut at each separator from the longest stem down. The same
 * answer as bestSkuMatch (the first item wins between equal SKUs) in a few map lookups instead
 * of one comparison per item: 100,000 order lines against a 300-product deck.
 */
export function skuMatcher<T extends { sku: string }>(items: readonly T[]): (orderSku: string) => T | undefined {
  const bySku = new Map<string, T>();
  for (const item of items) {
    const c = normaliseSku(item.sku);
    if (c !== '' && !bySku.has(c)) bySku.set(c, item);
  }
  return (orderSku) => {
    const o = normaliseSku(orderSku);
    if (o === '') return undefined;
    const same = bySku.get(o);
    if (same) return same;
    for (let k = o.length - 1; k > 0; k--) {
      if (!SEPARATOR.test(o[k])) continue;
      const stem = bySku.get(o.slice(0, k));
      if (stem) return stem;
    }
    return undefined;
  };
}
