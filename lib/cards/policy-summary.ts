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

/**
 * The paragraph the host reads out to viewers, generated from the policy's fields in the
 * interface's words. A producer-written summary in the viewer's language wins. A restocking fee
 * is always spelled out with its limits: it may only be charged when disclosed before purchase,
 * and never for faulty or wrongly sent goods (facts.md).
 */
export function policySummary(policy: ReturnPolicy, language: string, t: T): string {
  const own = localize(policy.summary, language);
  if (own && !own.fallback) return own.text;
  const markets = marketNames(policy.markets ?? [], language);
  const parts = [
    policy.windowDays > 0 ? t('policy.summary', { window: policy.windowDays, markets }) : t('policy.noReturns', { markets }),
  ];
  const condition = localize(policy.condition, language);
  if (condition) parts.push(t('policy.condition', { condition: condition.text }));
  parts.push(t(policy.returnShippingPaidBy === 'seller' ? 'policy.shippingSeller' : 'policy.shippingBuyer'));
  if (policy.dutiesPaidBy) parts.push(t(policy.dutiesPaidBy === 'buyer' ? 'policy.dutiesBuyer' : 'policy.dutiesSeller'));
  if (policy.restockingFee && policy.restockingFee.percent > 0) parts.push(t('policy.restocking', { percent: formatPercent(policy.restockingFee.percent, language, 1) }));
  if (policy.exchanges) parts.push(t('policy.exchanges'));
  const exceptions = localize(policy.exceptions, language);
  if (exceptions) parts.push(t('policy.exceptions', { exceptions: exceptions.text }));
  if (policy.returnAddress?.trim()) parts.push(t('policy.address', { address: policy.returnAddress.trim() }));
  return parts.join(' ');
}

/** Where a card's policy comes from: its own override, the deck's default, or nowhere. */
export function policySource(card: Card, deck: Pick<Deck, 'defaultPolicyId'>, policy: ReturnPolicy | undefined): 'card' | 'deck' | 'none' {
  if (!policy) return 'none';
  return card.policyId !== undefined && card.policyId === policy.id && card.policyId !== deck.defaultPolicyId ? 'card' : 'deck';
}
