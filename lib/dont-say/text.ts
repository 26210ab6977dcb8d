import type { DontSay } from '../schema/card';
import type { LocalizedText } from '../schema/common';

/**
 * A don't-say item as one text per language, for exports and the timeline: the claim, then the
 * wording to use instead after an arrow (no words of the interface, so a log reads the same in
 * every interface language): "waterproof → splash-resistant".
 */
export function dontSayText(item: DontSay | undefined): LocalizedText | undefined {
  if (!item) return undefined;
  const out: LocalizedText = {};
  for (const [language, claim] of Object.entries(item.claim)) {
    const say = item.say?.[language]?.trim();
    out[language] = say ? `${claim} → ${say}` : claim;
  }
  return out;
}
