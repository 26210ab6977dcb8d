import type { DeckBundle } from '../schema/deck';
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

/**
 * Intl.DisplayNames objects are slow to make (they load locale data) and the sidebar names a
 * language on every render of a card: one per locale and type is kept.
 */
const displayNames = new Map<string, Intl.DisplayNames>();
function namesFor(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${type}:${locale}`;
  let names = displayNames.get(key);
  if (!names) displayNames.set(key, (names = new Intl.DisplayNames([locale, 'en'], { type })));
  return names;
}

/** "European Union", "中国", … in the interface language, falling back to the code. */
export function regionName(code: string, locale: string): string {
  try {
    return namesFor(locale, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(tag: string, locale: string): string {
  try {
    return namesFor(locale, 'language').of(tag) ?? tag;
  } catch {
    return tag;
  }
}
