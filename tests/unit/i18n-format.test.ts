import { describe, expect, it } from 'vitest';
import { legalMinimumDays, POLICY_TEMPLATES, templateForMarket } from '../../lib/cards/policy-templates';
import { completeness, deckTextFields, sourceText, withText } from '../../lib/cards/translations';
import { demoBundle } from '../../lib/demo/deck';
import { formatDate, formatDateTime, formatList, formatMeasure, formatMeasureList, formatNumber, formatPercent, formatTime, unitLabel } from '../../lib/format';
import { MARKET_PROFILES, marketProfile, missingSuggestedLanguages } from '../../lib/markets';
import { convertLength, defaultUnitForMarket, formatChartValue, MM_PER_INCH } from '../../lib/scale/units';
import { effectiveViewerLanguage, generatedLanguage, nextViewerLanguage, shownLanguage, viewerLanguages } from '../../lib/sidebar/viewer';

const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, ' ');

describe('lib/format: numbers, units, percentages, dates for the interface language', () => {
  it('formats numbers with the language’s separators', () => {
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
    expect(plain(formatNumber(1234.56, 'es', 2))).toBe('1234,56');
    expect(formatNumber(1234.56, 'ja')).toBe('1,234.6');
    expect(formatNumber(1.005, 'en', 2)).toBe('1.01');
    expect(formatNumber(-0.01, 'en', 1)).toBe('0');
  });

  it('formats percentages (0–100) where each language puts the sign', () => {
    expect(formatPercent(85, 'en')).toBe('85%');
    expect(plain(formatPercent(85, 'es'))).toBe('85 %');
    expect(formatPercent(85, 'zh-CN')).toBe('85%');
    expect(formatPercent(12.5, 'en', 1)).toBe('12.5%');
  });

  it('places units with Intl, never by concatenation', () => {
    expect(formatMeasure(60, 'cm', 'en')).toBe('60 cm');
    expect(formatMeasure(60, 'cm', 'zh-CN')).toBe('60厘米');
    expect(plain(formatMeasure(23.62, 'in', 'es'))).toBe('23,6 in');
    expect(formatMeasure(2.2, 'lb', 'en')).toBe('2.2 lb');
    expect(unitLabel('cm', 'en')).toBe('cm');
    expect(unitLabel('in', 'zh-CN')).toBe('英寸');
    expect(formatMeasureList([60, 10, 60], 'cm', 'en')).toBe('60 × 10 × 60 cm');
    expect(formatMeasureList([60, 10, 60], 'cm', 'zh-CN')).toBe('60 × 10 × 60厘米');
  });

  it('formats dates and times in the language, in a fixed time zone for the test', () => {
    const ms = Date.UTC(2026, 10, 20, 14, 5, 9);
    const utc = { timeZone: 'UTC' };
    expect(formatDate(ms, 'en', utc)).toBe('Nov 20, 2026');
    expect(formatDate(ms, 'zh-CN', utc)).toBe('2026年11月20日');
    expect(formatDate(ms, 'ja', utc)).toBe('2026/11/20');
    expect(formatDate(ms, 'es', utc)).toBe('20 nov 2026');
    expect(plain(formatTime(ms, 'en', utc))).toBe('2:05 PM');
    expect(formatTime(ms, 'es', { ...utc, seconds: true })).toBe('14:05:09');
    expect(plain(formatDateTime(ms, 'ja', utc))).toBe('2026/11/20 14:05');
  });

  it('joins lists in the language’s words', () => {
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(formatList(['A', 'B'], 'es')).toBe('A y B');
    expect(formatList(['A', 'B'], 'zh-CN')).toBe('A和B');
  });

  it('falls back to English for a tag Intl cannot use', () => {
    expect(formatNumber(1.5, 'en-XA')).toBe('1.5');
    expect(formatPercent(5, 'not a tag!')).toBe('5%');
  });
});

describe('cm ↔ in conversion, exact to the stated precision', () => {
  it('converts exactly (1 in = 25.4 mm by definition) and rounds only for display', () => {
    expect(convertLength(2.54, 'cm', 'in')).toBeCloseTo(1, 12);
    expect(convertLength(1, 'in', 'cm')).toBe(2.54);
    expect(MM_PER_INCH).toBe(25.4);
    // Round trips never drift: the display converts from the stored value.
    for (const cm of [0, 0.5, 38, 44.45, 71, 112, 118, 200]) expect(convertLength(convertLength(cm, 'cm', 'in'), 'in', 'cm')).toBeCloseTo(cm, 10);
  });

  it('rounds half away from zero to one decimal, in the interface language', () => {
    // 112 cm = 44.0944… in; 118 cm = 46.4566… in; 44.45 cm = 17.5 in exactly.
    expect(formatChartValue(112, 'cm', 'in', 'en')).toBe('44.1');
    expect(formatChartValue(118, 'cm', 'in', 'es')).toBe('46,5');
    expect(formatChartValue(44.45, 'cm', 'in', 'en')).toBe('17.5');
    // 17.5 in = 44.45 cm → 44.5 (half away from zero), not 44.4 (float 44.449999…).
    expect(formatChartValue(17.5, 'in', 'cm', 'en')).toBe('44.5');
    expect(formatChartValue(0.25, 'cm', 'in', 'en')).toBe('0.1');
  });
});

describe('market profiles', () => {
  it('covers the EU, UK, US, China, Japan and Southeast Asia', () => {
    for (const m of ['EU', 'GB', 'US', 'CN', 'JP', 'SG', 'MY', 'TH', 'VN', 'PH', 'ID', 'AU', 'KR', 'CA', 'DE']) expect(marketProfile(m), m).toBeDefined();
    expect(new Set(MARKET_PROFILES.map((p) => p.code)).size).toBe(MARKET_PROFILES.length);
  });

  it('uses inches and pounds for the US only, metric elsewhere', () => {
    expect(marketProfile('US')).toMatchObject({ lengthUnit: 'in', weightUnit: 'lb' });
    for (const p of MARKET_PROFILES.filter((x) => x.code !== 'US')) expect(p, p.code).toMatchObject({ lengthUnit: 'cm', weightUnit: 'kg' });
    expect(defaultUnitForMarket('US')).toBe('in');
    expect(defaultUnitForMarket('us')).toBe('in');
    expect(defaultUnitForMarket('JP')).toBe('cm');
    expect(defaultUnitForMarket('MM')).toBe('in');
    expect(defaultUnitForMarket(undefined)).toBe('cm');
  });

  it('names the one return-policy template and its consumer rule (facts.md)', () => {
    expect(templateForMarket('EU')).toBe(POLICY_TEMPLATES.eu);
    expect(templateForMarket('DE')).toBe(POLICY_TEMPLATES.eu);
    expect(templateForMarket('GB')).toBe(POLICY_TEMPLATES.uk);
    expect(templateForMarket('CN').windowDays).toBe(7);
    expect(templateForMarket('JP').windowDays).toBe(8);
    expect(templateForMarket('SG')).toBe(POLICY_TEMPLATES.seller);
    expect(templateForMarket('ZZ')).toBe(POLICY_TEMPLATES.seller);
    // A member state gets the directive's minimum; markets without a statutory window none.
    expect(legalMinimumDays('FR')).toBe(14);
    expect(legalMinimumDays('CN')).toBe(7);
    expect(legalMinimumDays('US')).toBeNull();
    expect(legalMinimumDays('TH')).toBeNull();
    expect(marketProfile('AU')?.rule).toBe('au');
    expect(marketProfile('VN')?.rule).toBe('none');
  });

  it('suggests the market’s languages a deck lacks', () => {
    expect(marketProfile('JP')?.languages).toEqual(['ja']);
    expect(marketProfile('CN')?.languages).toEqual(['zh-CN']);
    expect(missingSuggestedLanguages('US', ['en'])).toEqual(['es']);
    expect(missingSuggestedLanguages('MY', ['en', 'zh-CN'])).toEqual(['ms']);
    expect(missingSuggestedLanguages('ZZ', ['en'])).toEqual([]);
  });
});

describe('translation completeness', () => {
  const demo = demoBundle(0);
  const fields = deckTextFields(demo.deck, demo.cards, demo.policies);

  it('counts every host-facing text of the deck’s cards and policies', () => {
    expect(fields.some((f) => f.kind === 'name')).toBe(true);
    expect(fields.some((f) => f.kind === 'caveat')).toBe(true);
    const [en, zh, es] = completeness(fields, ['en', 'zh-CN', 'es']);
    expect(en.filled).toBe(en.total);
    expect(es).toMatchObject({ filled: 0, percent: 0 });
    expect(zh.percent).toBeGreaterThan(0);
  });

  it('fills one language of one text, immutably, and refuses to empty a text', () => {
    const card = demo.cards[0];
    const f = fields.find((x) => x.ownerId === card.id && x.kind === 'caveat')!;
    const next = withText(card, f.path, 'es', 'Encoge al lavar.');
    expect(next.caveats[0].text.es).toBe('Encoge al lavar.');
    expect(card.caveats[0].text.es).toBeUndefined();
    expect(withText(next, f.path, 'es', ' ').caveats[0].text.es).toBeUndefined();
    const only = withText(withText(card, ['name'], 'zh-CN', ''), ['name'], 'en', 'x');
    expect(() => withText(only, ['name'], 'en', '')).toThrow();
    expect(sourceText(f, ['es', 'zh-CN'])?.language).toBe('zh-CN');
  });
});

describe('the viewer language', () => {
  const demo = demoBundle(0);
  const card = demo.cards[0];
  const policy = demo.policies[0];
  it('cycles the deck’s languages, starting from the session’s', () => {
    expect(viewerLanguages({ languages: ['en', 'es'] }, { language: 'ja' })).toEqual(['ja', 'en', 'es']);
    expect(effectiveViewerLanguage(undefined, { languages: ['en', 'es'] }, { language: 'es' })).toBe('es');
    expect(effectiveViewerLanguage('fr', { languages: ['en', 'es'] }, null)).toBe('en');
    expect(nextViewerLanguage('es', ['en', 'es'])).toBe('en');
  });

  it('records the language an item was actually shown in', () => {
    const caveat = { kind: 'caveat' as const, id: card.caveats[0].id };
    expect(shownLanguage(card, policy, caveat, 'zh-CN', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(shownLanguage(card, policy, caveat, 'es', ['en', 'zh-CN'])).toBe('en');
    // Upfront writes the policy paragraph in its interface languages, else English.
    const generatedOnly = { ...policy, condition: undefined, exceptions: undefined };
    expect(shownLanguage(card, generatedOnly, { kind: 'policy', id: policy.id }, 'ja', [])).toBe('ja');
    // Its condition not written in Japanese: shown in the deck's first language that has it, and logged so.
    expect(shownLanguage(card, { ...policy, condition: { en: 'Unworn' } }, { kind: 'policy', id: policy.id }, 'ja', ['en'])).toBe('en');
    expect(shownLanguage(card, policy, { kind: 'policy', id: policy.id }, 'th', [])).toBe('en');
    expect(generatedLanguage('es-MX')).toBe('es');
  });
});
