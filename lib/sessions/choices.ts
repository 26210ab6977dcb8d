import type { DeckBundle } from '../db/repository';
import { PLATFORMS, CUSTOM_PLATFORM_ID } from '../platforms';

/** Markets offered besides the deck's own and its policies' (the ones facts.md has templates for, and big cross-border ones). */
const COMMON_MARKETS = ['EU', 'GB', 'US', 'CN', 'JP', 'KR', 'SG', 'AU', 'CA'];

/** Markets a host can go live for with this deck: its own first, then its policies', then common ones. */
export function marketChoices(bundle: DeckBundle | null): string[] {
  if (!bundle) return COMMON_MARKETS;
  return [...new Set([bundle.deck.market, ...bundle.policies.flatMap((p) => p.markets), ...COMMON_MARKETS])];
}

/** Languages a host can present in: the deck's, since the cards are written in those. */
export function languageChoices(bundle: DeckBundle | null): string[] {
  return bundle?.deck.languages ?? [];
}

/** A platform's display name (proper nouns, not translated); a custom site shows its origin. */
export function platformName(id: string): string | undefined {
  if (id === CUSTOM_PLATFORM_ID) return undefined;
  return PLATFORMS.find((p) => p.id === id)?.name;
}

/** "European Union", "中国", … in the interface language, falling back to the code. */
export function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
