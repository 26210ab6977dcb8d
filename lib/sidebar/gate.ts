import type { CardItem } from '../cards/items';
import type { Item } from '../schema/session';

const same = (a: Item, b: Item) => a.kind === b.kind && a.id === b.id;

/**
 * The item M records as said. While the "Not said yet" prompt is open, the host is saying what
 * it lists: the selected item if the prompt lists it, else the prompt's first item (issue 21: M
 * after selecting Returns recorded the policy, not the caveat the prompt asked for). Otherwise
 * the selected item.
 */
export function itemForM(items: readonly CardItem[], selected: number, missing: readonly Item[] | undefined): CardItem | undefined {
  const chosen = items[selected];
  if (!missing || missing.length === 0) return chosen;
  if (chosen && missing.some((m) => same(m, chosen))) return chosen;
  return items.find((it) => same(it, missing[0]));
}

/** Where the selection goes when the prompt opens: its first item, so the card shows what M marks. */
export function gateSelection(items: readonly CardItem[], missing: readonly Item[]): number {
  return Math.max(0, items.findIndex((it) => missing.length > 0 && same(it, missing[0])));
}

/** A digit on an item the prompt does not list means the host stays on this card: the prompt closes. */
export function keepsGate(items: readonly CardItem[], index: number, missing: readonly Item[]): boolean {
  const it = items[index];
  return it !== undefined && missing.some((m) => same(m, it));
}
