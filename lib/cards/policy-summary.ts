import type { ReturnPolicy } from '../schema/policy';
import { localize } from './text';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The paragraph the host reads out, generated from the policy's fields in the interface's
 * words. A producer-written summary in the viewer's language wins.
 */
export function policySummary(policy: ReturnPolicy, language: string, t: T): string {
  const own = localize(policy.summary, language);
  if (own && !own.fallback) return own.text;
  const markets = policy.markets.join(', ');
  const parts = [
    policy.windowDays > 0 ? t('policy.summary', { window: policy.windowDays, markets }) : t('policy.noReturns', { markets }),
  ];
  const condition = localize(policy.condition, language);
  if (condition) parts.push(t('policy.condition', { condition: condition.text }));
  parts.push(t(policy.returnShippingPaidBy === 'buyer' ? 'policy.shippingBuyer' : 'policy.shippingSeller'));
  if (policy.dutiesPaidBy) parts.push(t(policy.dutiesPaidBy === 'buyer' ? 'policy.dutiesBuyer' : 'policy.dutiesSeller'));
  if (policy.restockingFee) parts.push(t('policy.restocking', { percent: policy.restockingFee.percent }));
  if (policy.exchanges) parts.push(t('policy.exchanges'));
  const exceptions = localize(policy.exceptions, language);
  if (exceptions) parts.push(t('policy.exceptions', { exceptions: exceptions.text }));
  return parts.join(' ');
}
