/**
 * Starting points for return policies, one per market, from the consumer laws each cites. A
 * template fills the fields; the producer edits them. `legalMinimumDays` is what the law
 * requires (null: the law sets no change-of-mind window), so a policy below it can be flagged.
 */
import { marketProfile } from '../markets';
import type { ReturnPolicy } from '../schema/policy';

export const POLICY_TEMPLATE_IDS = ['eu', 'uk', 'cn', 'jp', 'us', 'seller'] as const;
export type PolicyTemplateId = (typeof POLICY_TEMPLATE_IDS)[number];

export interface PolicyTemplate {
  id: PolicyTemplateId;
  markets: string[];
  windowDays: number;
  returnShippingPaidBy: 'buyer' | 'seller';
  legalMinimumDays: number | null;
  /** What the window is based on, for the producer (and docs/cards.md). */
  basis: string;
  source: string;
  exceptions?: Record<string, string>;
}

export const POLICY_TEMPLATES: Record<PolicyTemplateId, PolicyTemplate> = {
  eu: {
    id: 'eu',
    markets: ['EU'],
    windowDays: 14,
    // The consumer bears the direct cost of return unless the trader agreed to bear it or did
    // not inform them (art. 14(1)).
    returnShippingPaidBy: 'buyer',
    legalMinimumDays: 14,
    basis: '14-day right of withdrawal for distance sales',
    source: 'Consumer Rights Directive 2011/83/EU art. 9, 14; Directive (EU) 2023/2673',
  },
  uk: {
    id: 'uk',
    markets: ['GB'],
    windowDays: 14,
    returnShippingPaidBy: 'buyer',
    legalMinimumDays: 14,
    basis: '14-day cancellation period; extended by up to 12 months if cancellation information was not given',
    source: 'Consumer Contracts Regulations 2013 (SI 2013/3134)',
  },
  cn: {
    id: 'cn',
    markets: ['CN'],
    windowDays: 7,
    returnShippingPaidBy: 'buyer',
    legalMinimumDays: 7,
    basis: '7-day no-reason return for online sales; buyer pays return shipping unless agreed otherwise',
    source: 'Consumer Rights Protection Law art. 25',
    exceptions: {
      en: 'Custom-made goods, fresh and perishable goods, unsealed audio-visual products and software, delivered newspapers and periodicals',
      'zh-CN': '消费者定作的商品、鲜活易腐的商品、已拆封的音像制品和计算机软件、已交付的报纸期刊',
    },
  },
  jp: {
    id: 'jp',
    markets: ['JP'],
    windowDays: 8,
    returnShippingPaidBy: 'buyer',
    // No statutory cooling-off for mail order: 8 days applies only when the seller shows no policy.
    legalMinimumDays: null,
    basis: 'no statutory cooling-off for mail order; if the seller shows no return policy, 8 days, buyer pays return shipping',
    source: 'Act on Specified Commercial Transactions art. 15-3',
  },
  us: {
    id: 'us',
    markets: ['US'],
    // No federal right to return online purchases: 30 days is a common choice, not a rule.
    windowDays: 30,
    returnShippingPaidBy: 'buyer',
    legalMinimumDays: null,
    basis: "no federal right to return online purchases; the seller's policy governs",
    source: '16 CFR Part 429 (FTC Cooling-Off Rule excludes online sales)',
  },
  seller: {
    id: 'seller',
    markets: [],
    windowDays: 30,
    returnShippingPaidBy: 'buyer',
    legalMinimumDays: null,
    basis: 'seller-defined: every field is the seller’s choice',
    source: 'the seller',
  },
};

/** The statutory minimum change-of-mind window for a market, if its law sets one. */
export function legalMinimumDays(market: string): number | null {
  const t = templateForMarket(market);
  return t.id === 'seller' ? null : t.legalMinimumDays;
}

/**
 * The template a market starts from: its profile's (lib/markets, so an EU member state such as
 * DE gets the EU directive's 14 days), else a template naming the market, else seller-defined.
 */
export function templateForMarket(market: string): PolicyTemplate {
  const id = marketProfile(market)?.policyTemplate;
  if (id) return POLICY_TEMPLATES[id];
  return Object.values(POLICY_TEMPLATES).find((p) => p.id !== 'seller' && p.markets.includes(market)) ?? POLICY_TEMPLATES.seller;
}

/** A new policy from a template, ready for the producer to edit. */
export function policyFromTemplate(
  templateId: PolicyTemplateId,
  init: { id: string; name: string; now: number; markets?: string[] },
): ReturnPolicy {
  const t = POLICY_TEMPLATES[templateId];
  const markets = init.markets ?? t.markets;
  if (markets.length === 0) throw new Error('a seller-defined policy needs at least one market');
  return {
    id: init.id,
    name: init.name,
    template: templateId,
    markets,
    windowDays: t.windowDays,
    returnShippingPaidBy: t.returnShippingPaidBy,
    ...(t.exceptions ? { exceptions: { ...t.exceptions } } : {}),
    exchanges: false,
    updatedAt: init.now,
  };
}

export type PolicyWarning =
  | { code: 'belowLegalMinimum'; market: string; minimum: number }
  | { code: 'noReturnsWithRestockingFee' };

/** Problems a producer should fix before the show (the studio shows them; the sidebar marks them). */
export function checkPolicy(policy: ReturnPolicy): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  for (const m of policy.markets) {
    const min = legalMinimumDays(m);
    if (min !== null && policy.windowDays < min) warnings.push({ code: 'belowLegalMinimum', market: m, minimum: min });
  }
  if (policy.windowDays === 0 && policy.restockingFee) warnings.push({ code: 'noReturnsWithRestockingFee' });
  return warnings;
}
