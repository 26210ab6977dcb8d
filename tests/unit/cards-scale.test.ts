import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n';
import { referenceObject, familiarReferences, resolveRef } from '../../lib/scale/references';
import { comparePhrases, describeRatio, layoutDrawing, productFront, scaleSentence, suggestReference } from '../../lib/scale/compare';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  en = (await createI18n('en')).t;
  zh = (await createI18n('zh-CN')).t;
});
const ref = (id: string) => resolveRef({ catalogueId: id })!;

describe('productFront', () => {
  it('takes length side to side and height bottom to top', () => {
    expect(productFront({ lengthMm: 600, widthMm: 100, heightMm: 400 })).toEqual({ widthMm: 600, heightMm: 400 });
  });
  it('draws a flat item (no height) lying flat', () => {
    expect(productFront({ lengthMm: 2000, widthMm: 1400 })).toEqual({ widthMm: 2000, heightMm: 1400 });
  });
  it('keeps a single dimension and drops zeros and nonsense', () => {
    expect(productFront({ heightMm: 300 })).toEqual({ widthMm: undefined, heightMm: 300 });
    expect(productFront({ lengthMm: 0, heightMm: Number.NaN })).toBeUndefined();
    expect(productFront(undefined)).toBeUndefined();
  });
});

describe('suggestReference', () => {
  it('picks the object closest in size', () => {
    expect(suggestReference({ widthMm: 66, heightMm: 122 })?.key).toBe('drink-can-us');
    expect(suggestReference({ widthMm: 86, heightMm: 54 })?.key).toBe('bank-card');
    expect(suggestReference({ widthMm: 72, heightMm: 150 })?.key).toBe('smartphone');
    expect(suggestReference({ widthMm: 24, heightMm: 24 })?.key).toBe('us-quarter');
    expect(suggestReference({ widthMm: 600, heightMm: 600 })?.key).toBe('a4-sheet');
  });
  it('works from one dimension, and on a custom list', () => {
    expect(suggestReference({ heightMm: 225 })?.key).toBe('water-bottle-500ml');
    const custom = resolveRef({ custom: { name: 'a mug', widthMm: 80, heightMm: 95 } })!;
    expect(suggestReference({ widthMm: 82, heightMm: 90 }, [ref('a4-sheet'), custom])?.key).toBe('custom:a mug');
  });
  it('suggests nothing without a size', () => {
    expect(suggestReference(undefined)).toBeUndefined();
    expect(suggestReference({}, familiarReferences())).toBeUndefined();
  });
});

describe('describeRatio', () => {
  it('puts a ratio into words a host can say', () => {
    expect(describeRatio(1)).toEqual({ kind: 'same' });
    expect(describeRatio(1.2)).toEqual({ kind: 'same' });
    expect(describeRatio(0.9)).toEqual({ kind: 'same' });
    expect(describeRatio(0.75)).toEqual({ kind: 'slightlyLess' });
    expect(describeRatio(2.02)).toEqual({ kind: 'times', count: 2 });
    expect(describeRatio(1.4)).toEqual({ kind: 'times', count: 1.5 });
    expect(describeRatio(4.4)).toEqual({ kind: 'times', count: 4 });
    expect(describeRatio(0.5)).toEqual({ kind: 'fraction', denominator: 2 });
    expect(describeRatio(0.34)).toEqual({ kind: 'fraction', denominator: 3 });
    expect(describeRatio(50)).toEqual({ kind: 'muchMore' });
    expect(describeRatio(0.01)).toEqual({ kind: 'muchLess' });
  });
});

describe('scaleSentence', () => {
  it('says the issue’s example: two bottles tall, as wide as a phone is long', () => {
    const phrases = comparePhrases({ widthMm: 150, heightMm: 440 }, ref('water-bottle-500ml'));
    expect(scaleSentence(phrases, en)).toBe('About as tall as two 500 ml bottles, as wide as a phone is long.');
    expect(scaleSentence(phrases, zh)).toBe('大约有两个 500 毫升矿泉水瓶那么高，宽度和一部手机的长度差不多。');
  });

  it('compares with the chosen reference when no object matches the width', () => {
    const phrases = comparePhrases({ widthMm: 600, heightMm: 600 }, ref('a4-sheet'));
    expect(scaleSentence(phrases, en)).toBe('About as tall as two A4 sheets, about as wide as three A4 sheets.');
  });

  it('handles fractions, halves and far-off sizes', () => {
    expect(scaleSentence(comparePhrases({ widthMm: 35, heightMm: 110 }, ref('bank-card')), en)).toBe(
      'About as tall as two bank cards, about half as wide as a bank card.',
    );
    expect(scaleSentence(comparePhrases({ heightMm: 300 }, ref('a4-sheet')), en)).toBe('About as tall as an A4 sheet.');
    expect(scaleSentence(comparePhrases({ heightMm: 1.4 * 297 }, ref('a4-sheet')), en)).toBe('About 1.5 times as tall as an A4 sheet.');
    expect(scaleSentence(comparePhrases({ heightMm: 100_000 }, ref('bank-card')), en)).toBe('Many times as tall as a bank card.');
  });

  it('uses a custom reference by the producer’s name', () => {
    const mug = resolveRef({ custom: { name: 'our mug', widthMm: 80, heightMm: 100 } })!;
    expect(scaleSentence(comparePhrases({ heightMm: 200 }, mug), en)).toBe('About 2 times as tall as our mug.');
  });

  it('is empty with nothing to compare', () => {
    expect(scaleSentence(comparePhrases(undefined, ref('a4-sheet')), en)).toBe('');
    expect(scaleSentence(comparePhrases({ heightMm: 10 }, undefined), en)).toBe('');
  });
});

describe('layoutDrawing', () => {
  const box = { width: 340, height: 150, gap: 16, pad: 8 };

  it('draws both at one scale, on one baseline, inside the box', () => {
    const a4 = referenceObject('a4-sheet')!;
    const l = layoutDrawing({ widthMm: 600, heightMm: 600 }, a4, box);
    expect(l.product.width / 600).toBeCloseTo(l.scale, 9);
    expect(l.ref.height / 297).toBeCloseTo(l.scale, 9);
    expect(l.product.height / l.ref.height).toBeCloseTo(600 / 297, 9);
    expect(l.product.y + l.product.height).toBeCloseTo(l.baselineY, 9);
    expect(l.ref.y + l.ref.height).toBeCloseTo(l.baselineY, 9);
    expect(l.product.x).toBeGreaterThanOrEqual(box.pad - 1e-9);
    expect(l.ref.x + l.ref.width).toBeLessThanOrEqual(box.width - box.pad + 1e-9);
    expect(l.product.y).toBeGreaterThanOrEqual(box.pad - 1e-9);
    expect(l.refTiny).toBe(false);
  });

  it('flags a reference too small to see beside a huge product', () => {
    const l = layoutDrawing({ widthMm: 50_000, heightMm: 20_000 }, referenceObject('bank-card')!, box);
    expect(l.refTiny).toBe(true);
    expect(l.product.width + l.ref.width).toBeLessThanOrEqual(box.width - 2 * box.pad - box.gap + 1e-9);
  });
});
