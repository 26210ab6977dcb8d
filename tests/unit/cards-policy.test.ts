import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { createI18n } from '../../lib/i18n';
import { checkPolicy, legalMinimumDays, POLICY_TEMPLATE_IDS, POLICY_TEMPLATES, policyFromTemplate } from '../../lib/cards/policy-templates';
import { marketNames, policySource, policySummary } from '../../lib/cards/policy-summary';
import { ReturnPolicy } from '../../lib/schema/policy';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  en = (await createI18n('en')).t;
  zh = (await createI18n('zh-CN')).t;
});
const NOW = Date.UTC(2026, 10, 20);

describe('policy templates (facts.md)', () => {
  it('has EU, UK, China, Japan, US and seller-defined with the legal windows', () => {
    expect(POLICY_TEMPLATE_IDS).toEqual(['eu', 'uk', 'cn', 'jp', 'us', 'seller']);
    expect(POLICY_TEMPLATES.eu).toMatchObject({ markets: ['EU'], windowDays: 14, legalMinimumDays: 14, returnShippingPaidBy: 'buyer' });
    expect(POLICY_TEMPLATES.uk).toMatchObject({ markets: ['GB'], windowDays: 14, legalMinimumDays: 14 });
    expect(POLICY_TEMPLATES.cn).toMatchObject({ markets: ['CN'], windowDays: 7, legalMinimumDays: 7 });
    expect(POLICY_TEMPLATES.jp).toMatchObject({ markets: ['JP'], windowDays: 8, legalMinimumDays: null });
    expect(POLICY_TEMPLATES.us).toMatchObject({ markets: ['US'], legalMinimumDays: null });
    for (const t of Object.values(POLICY_TEMPLATES)) expect(t.source.length).toBeGreaterThan(3);
  });

  it('makes valid policies', () => {
    for (const id of POLICY_TEMPLATE_IDS) {
      const p = policyFromTemplate(id, { id: `p-${id}`, name: id, now: NOW, markets: id === 'seller' ? ['AU'] : undefined });
      expect(ReturnPolicy.safeParse(p).success, id).toBe(true);
      expect(p.template).toBe(id);
    }
    expect(policyFromTemplate('cn', { id: 'c', name: 'c', now: NOW }).exceptions?.['zh-CN']).toContain('定作');
    expect(() => policyFromTemplate('seller', { id: 's', name: 's', now: NOW })).toThrow(/market/);
  });

  it('flags a window below the legal minimum', () => {
    expect(legalMinimumDays('EU')).toBe(14);
    expect(legalMinimumDays('US')).toBeNull();
    const p = { ...policyFromTemplate('eu', { id: 'e', name: 'e', now: NOW }), windowDays: 10 };
    expect(checkPolicy(p)).toEqual([{ code: 'belowLegalMinimum', market: 'EU', minimum: 14 }]);
    expect(checkPolicy(policyFromTemplate('us', { id: 'u', name: 'u', now: NOW }))).toEqual([]);
    expect(checkPolicy({ ...p, windowDays: 0, markets: ['US'], restockingFee: { percent: 10, changeOfMindOnly: true } })).toEqual([
      { code: 'noReturnsWithRestockingFee' },
    ]);
  });
});

describe('policySummary', () => {
  const full = {
    ...policyFromTemplate('uk', { id: 'uk', name: 'UK', now: NOW }),
    condition: { en: 'Unused, in the original box' },
    dutiesPaidBy: 'seller' as const,
    restockingFee: { percent: 10, changeOfMindOnly: true as const },
    exchanges: true,
    exceptions: { en: 'earrings' },
    returnAddress: '1 High St, London',
  };

  it('reads every field out in plain words', () => {
    expect(policySummary(full, 'en', en)).toBe(
      'You can return it within 14 days of delivery (United Kingdom). Condition: Unused, in the original box. ' +
        'You pay the return shipping. We refund import duties. ' +
        'A 10% restocking fee applies to change-of-mind returns only, never to faulty or wrongly sent items. ' +
        'Exchanges are available. Not returnable: earrings. Returns go to: 1 High St, London.',
    );
  });

  it('says when there are no change-of-mind returns, and works in Chinese', () => {
    const none = { ...policyFromTemplate('us', { id: 'u', name: 'u', now: NOW }), windowDays: 0 };
    expect(policySummary(none, 'en', en)).toMatch(/^No change-of-mind returns \(United States\)\./);
    const cn = policyFromTemplate('cn', { id: 'c', name: 'c', now: NOW });
    expect(policySummary(cn, 'zh-CN', zh)).toMatch(/^签收后 7 天内可退货（中国）。/);
  });

  it('prefers the producer’s own summary in the wanted language only', () => {
    const own = { ...full, summary: { 'zh-CN': '自定义说明' } };
    expect(policySummary(own, 'zh-CN', zh)).toBe('自定义说明');
    expect(policySummary(own, 'en', en)).toMatch(/^You can return it/);
  });

  it('names markets, keeping unknown codes', () => {
    expect(marketNames(['EU'], 'en')).toBe('European Union');
    expect(marketNames(['US', 'GB'], 'en')).toBe('United States and United Kingdom');
  });

  it('tells a product’s own policy from the deck default', () => {
    const demo = demoBundle(NOW);
    const [hoodie, , serum] = demo.cards;
    const [eu, sealed] = demo.policies;
    expect(policySource(serum, demo.deck, sealed)).toBe('card');
    expect(policySource(hoodie, demo.deck, eu)).toBe('deck');
    expect(policySource(hoodie, demo.deck, undefined)).toBe('none');
  });
});
