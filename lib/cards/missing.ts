import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import { resolveRef } from '../scale/references';

export type MissingPart = 'sizeChart' | 'dimensions' | 'policy' | 'scaleRef';

/** Categories a buyer sizes by body: a card without a size chart there is incomplete. */
const SIZED: ReadonlySet<string> = new Set(['apparel', 'footwear']);

/**
 * What a card lacks that a viewer will ask about. The sidebar shows the card anyway and marks
 * these, so the host knows to say "I'll check" instead of guessing.
 */
export function missingParts(card: Card, policy: ReturnPolicy | undefined): MissingPart[] {
  const missing: MissingPart[] = [];
  if (SIZED.has(card.category) && !card.sizeChart) missing.push('sizeChart');
  const d = card.dimensions;
  const hasDims = !!d && [d.lengthMm, d.widthMm, d.heightMm, d.weightG].some((v) => typeof v === 'number' && v > 0);
  if (!SIZED.has(card.category) && !hasDims) missing.push('dimensions');
  if (!policy) missing.push('policy');
  if ((card.scaleRefs ?? []).some((r) => !resolveRef(r))) missing.push('scaleRef');
  return missing;
}
