import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';
import { formatPercent } from '../format';
import { localize } from './text';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Market codes as words ("EU" → "European Union"), in the given language; the code if unknown. */
export function marketNames(markets: readonly string[], locale: string): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = undefined;
  }
  const list = markets.map((m) => {
    try {
      return names?.of(m) ?? m;
    } catch {
      return m;
    }
  });
  try {
    return new Intl.ListFormat([locale, 'en'], { style: 'long', type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}

/** One sentence of the policy paragraph; `fallback` names the language it is in when not the viewer's. */
export interface SummaryPart {
  text: string;
  fallback?: string;
}

/**
 * The paragraph the host reads out to viewers, generated from the policy's fields in the
 * interface's words. A producer-written summary in the viewer's language wins. A restocking fee
 * is always spelled out with its limits: it may only be charged when disclosed before purchase,
 * and never for faulty or wrongly sent goods (facts.md). The producer's own texts (condition,
 * exceptions) follow the one rule for host-facing text: the viewer's language, else the first of
 * `fallbacks` (the deck's languages) that has it, and that sentence says which language it is in.
 */
export function policySummaryParts(policy: ReturnPolicy, language: string, t: T, fallbacks: readonly string[] = []): SummaryPart[] {
  const own = localize(policy.summary, language);
  if (own && !own.fallback) return [{ text: own.text }];
  const markets = marketNames(policy.markets ?? [], language);
  const parts: SummaryPart[] = [
    { text: policy.windowDays > 0 ? t('policy.summary', { window: policy.windowDays, markets }) : t('policy.noReturns', { markets }) },
  ];
  const producer = (text: ReturnPolicy['condition'], key: string, name: string) => {
    const r = localize(text, language, fallbacks);
    if (r) parts.push({ text: t(key, { [name]: r.text }), ...(r.fallback ? { fallback: r.language } : {}) });
  };
  producer(policy.condition, 'policy.condition', 'condition');
  parts.push({ text: t(policy.returnShippingPaidBy === 'seller' ? 'policy.shippingSeller' : 'policy.shippingBuyer') });
  if (policy.dutiesPaidBy) parts.push({ text: t(policy.dutiesPaidBy === 'buyer' ? 'policy.dutiesBuyer' : 'policy.dutiesSeller') });
  if (policy.restockingFee && policy.restockingFee.percent > 0) parts.push({ text: t('policy.restocking', { percent: formatPercent(policy.restockingFee.percent, language, 1) }) });
  if (policy.exchanges) parts.push({ text: t('policy.exchanges') });
  producer(policy.exceptions, 'policy.exceptions', 'exceptions');
  if (policy.returnAddress?.trim()) parts.push({ text: t('policy.address', { address: policy.returnAddress.trim() }) });
  return parts;
}

/** The paragraph as one string (exports, the recorded snapshot's reading). */
export function policySummary(policy: ReturnPolicy, language: string, t: T, fallbacks: readonly string[] = []): string {
  return policySummaryParts(policy, language, t, fallbacks)
    .map((p) => p.text)
    .join(' ');
}

/** Where a card's policy comes from: its own override, the deck's default, or nowhere. */
export function policySource(card: Card, deck: Pick<Deck, 'defaultPolicyId'>, policy: ReturnPolicy | undefined): 'card' | 'deck' | 'none' {
  if (!policy) return 'none';
  return card.policyId !== undefined && card.policyId === policy.id && card.policyId !== deck.defaultPolicyId ? 'card' : 'deck';
}
