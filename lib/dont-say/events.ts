/**
 * The correction event on a don't-say item (issue 20): the host made a claim the card says not to
 * make, and corrected it on air. Checked in the same transaction that records it
 * (Repository.recordEvent), beside the rules for the other items.
 */
import { UpfrontError } from '../errors';
import type { Card } from '../schema/card';
import type { Action, Item } from '../schema/session';

/**
 * True for a valid don't-say correction, which the general rules (an item from cardItems, a
 * correction names its target) do not cover; false for any other item. A don't-say item that is
 * not on the card, or anything but a correction with no target, is refused.
 */
export function isDontSayCorrection(card: Card, input: { item: Item; action: Action; corrects?: string }): boolean {
  if (input.item.kind !== 'dontSay') return false;
  if (!(card.dontSay ?? []).some((d) => d.id === input.item.id)) throw new UpfrontError('item-not-on-card', `dontSay:${input.item.id}`);
  if (input.action !== 'correction' || input.corrects !== undefined) throw new UpfrontError('dont-say-correction-only', input.action);
  return true;
}
