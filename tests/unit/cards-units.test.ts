import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertLength,
  defaultUnitForMarket,
  formatChartValue,
  formatHeight,
  formatLength,
  formatWeight,
  G_PER_OZ,
  MM_PER_INCH,
  otherUnit,
  round,
} from '../../lib/scale/units';

describe('length conversion', () => {
  it('uses the exact inch (25.4 mm)', () => {
    expect(MM_PER_INCH).toBe(25.4);
    expect(convertLength(2.54, 'cm', 'in')).toBe(1);
    expect(convertLength(1, 'in', 'cm')).toBe(2.54);
    expect(convertLength(254, 'cm', 'in')).toBe(100);
    expect(convertLength(12, 'cm', 'cm')).toBe(12);
  });

  it('goes cm → in → cm without drift', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (cm) => {
        expect(convertLength(convertLength(cm, 'cm', 'in'), 'in', 'cm')).toBeCloseTo(cm, 9);
      }),
    );
  });

  it('shows chart values to one decimal, converted from the stored value', () => {
    expect(formatChartValue(112, 'cm', 'in', 'en')).toBe('44.1');
    expect(formatChartValue(118, 'cm', 'in', 'en')).toBe('46.5');
    expect(formatChartValue(44, 'in', 'cm', 'en')).toBe('111.8');
    expect(formatChartValue(0, 'cm', 'in', 'en')).toBe('0');
    expect(formatChartValue(71, 'cm', 'cm', 'en')).toBe('71');
  });

  it('rounds half away from zero and never shows -0', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.45, 1)).toBe(2.5);
    expect(round(-0.04, 1)).toBe(0);
    expect(Object.is(round(-0.04, 1), -0)).toBe(false);
  });
});

describe('default unit by market', () => {
  it('is inches for the US, centimetres elsewhere', () => {
    expect(defaultUnitForMarket('US')).toBe('in');
    expect(defaultUnitForMarket('EU')).toBe('cm');
    expect(defaultUnitForMarket('GB')).toBe('cm');
    expect(defaultUnitForMarket('CN')).toBe('cm');
    expect(defaultUnitForMarket(undefined)).toBe('cm');
    expect(otherUnit('cm')).toBe('in');
  });
});

describe('formatting for the host', () => {
  it('picks mm, cm or m, and in or ft', () => {
    expect(formatLength(0.76, 'cm', 'en')).toMatchObject({ value: '0.8', unit: 'mm' });
    expect(formatLength(600, 'cm', 'en')).toMatchObject({ value: '60', unit: 'cm' });
    expect(formatLength(123_456, 'cm', 'en')).toMatchObject({ value: '123.46', unit: 'm' });
    expect(formatLength(600, 'in', 'en')).toMatchObject({ value: '23.6', unit: 'in' });
    expect(formatLength(3048 * 2, 'in', 'en')).toMatchObject({ value: '20', unit: 'ft' });
  });

  it('weighs in g/kg or oz/lb, exactly', () => {
    expect(formatWeight(620, 'cm', 'en')).toMatchObject({ value: '620', unit: 'g' });
    expect(formatWeight(1500, 'cm', 'en')).toMatchObject({ value: '1.5', unit: 'kg' });
    expect(formatWeight(G_PER_OZ * 10, 'in', 'en')).toMatchObject({ value: '10', unit: 'oz' });
    expect(formatWeight(453.59237, 'in', 'en')).toMatchObject({ value: '1', unit: 'lb' });
  });

  it('gives a model’s height in feet and inches', () => {
    expect(formatHeight(170, 'in', 'en')).toEqual({ ft: 5, in: 7 });
    expect(formatHeight(182.88, 'in', 'en')).toEqual({ ft: 6, in: 0 });
    expect(formatHeight(170, 'cm', 'en')).toEqual({ cm: '170' });
  });

  it('formats numbers for the interface language', () => {
    expect(formatLength(1234.5 * 10, 'cm', 'de')).toMatchObject({ value: '12,35', unit: 'm' });
  });
});
