/**
 * Market profiles: what a deck for a market starts from. A profile sets the default units
 * (inches and pounds for the US, metric elsewhere), the return-policy template (the templates
 * themselves, with their consumer-law basis and sources, live in lib/cards/policy-templates.ts;
 * a profile only names one), the consumer rule the studio explains to the producer, and the
 * languages a deck for this market should be written in.
 *
 * Consumer rules are those of the laws cited in lib/cards/policy-templates.ts. Markets with no rule on file (the
 * Southeast Asian ones, Korea, Canada) get the seller-defined template and the rule "none on
 * file": the studio says to check local law rather than inventing a window.
 *
 * It imports nothing from lib/cards or lib/scale (its types come from the schemas), so
 * policy-templates.ts and scale/units.ts can ask it about a market without an import cycle.
 */
import type { LengthUnit } from '../schema/card';
import type { PolicyTemplateId } from '../schema/policy';

/** Which consumer rule applies; the studio shows `markets.rules.<id>` in the interface language. */
export type ConsumerRuleId = 'eu' | 'uk' | 'cn' | 'jp' | 'us' | 'au' | 'none';

export type MarketRegion = 'europe' | 'americas' | 'eastAsia' | 'southeastAsia' | 'oceania';

export interface MarketProfile {
  /** ISO 3166 alpha-2, or "EU". */
  code: string;
  region: MarketRegion;
  lengthUnit: LengthUnit;
  weightUnit: 'kg' | 'lb';
  policyTemplate: PolicyTemplateId;
  rule: ConsumerRuleId;
  /** Languages a deck for this market suggests, most spoken first (BCP 47, as cards store them). */
  languages: readonly string[];
}

const metric = { lengthUnit: 'cm', weightUnit: 'kg' } as const;
const eu = (code: string, languages: string[]): MarketProfile => ({ code, region: 'europe', ...metric, policyTemplate: 'eu', rule: 'eu', languages });
const unlisted = (code: string, region: MarketRegion, languages: string[]): MarketProfile => ({ code, region, ...metric, policyTemplate: 'seller', rule: 'none', languages });

export const MARKET_PROFILES: readonly MarketProfile[] = [
  eu('EU', ['en', 'de', 'fr', 'es', 'it']),
  // Member states sold to directly follow the same directive (2011/83/EU).
  eu('DE', ['de', 'en']),
  eu('FR', ['fr', 'en']),
  eu('ES', ['es', 'en']),
  eu('IT', ['it', 'en']),
  eu('NL', ['nl', 'en']),
  eu('IE', ['en']),
  { code: 'GB', region: 'europe', ...metric, policyTemplate: 'uk', rule: 'uk', languages: ['en'] },
  // The one market that thinks in inches and pounds; the seller's policy governs (16 CFR 429).
  { code: 'US', region: 'americas', lengthUnit: 'in', weightUnit: 'lb', policyTemplate: 'us', rule: 'us', languages: ['en', 'es'] },
  unlisted('CA', 'americas', ['en', 'fr']),
  { code: 'CN', region: 'eastAsia', ...metric, policyTemplate: 'cn', rule: 'cn', languages: ['zh-CN'] },
  { code: 'JP', region: 'eastAsia', ...metric, policyTemplate: 'jp', rule: 'jp', languages: ['ja'] },
  unlisted('KR', 'eastAsia', ['ko']),
  unlisted('SG', 'southeastAsia', ['en', 'zh-CN', 'ms']),
  unlisted('MY', 'southeastAsia', ['ms', 'en', 'zh-CN']),
  unlisted('TH', 'southeastAsia', ['th', 'en']),
  unlisted('VN', 'southeastAsia', ['vi', 'en']),
  unlisted('PH', 'southeastAsia', ['en', 'fil']),
  unlisted('ID', 'southeastAsia', ['id', 'en']),
  // No change-of-mind right, statutory guarantees for faults (Australian Consumer Law): no
  // window to template, so the seller's own policy, with the rule spelled out.
  { code: 'AU', region: 'oceania', ...metric, policyTemplate: 'seller', rule: 'au', languages: ['en'] },
];

const BY_CODE = new Map(MARKET_PROFILES.map((p) => [p.code, p]));

export function marketProfile(code: string | undefined): MarketProfile | undefined {
  return code ? BY_CODE.get(code.toUpperCase()) : undefined;
}

export const MARKET_CODES: readonly string[] = MARKET_PROFILES.map((p) => p.code);

/** Languages the deck's market suggests that the deck does not have yet. */
export function missingSuggestedLanguages(market: string, deckLanguages: readonly string[]): string[] {
  const have = new Set(deckLanguages.map((l) => l.toLowerCase()));
  return (marketProfile(market)?.languages ?? []).filter((l) => !have.has(l.toLowerCase()));
}
