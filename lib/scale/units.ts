/**
 * Length and weight conversion for the host's display. Cards store millimetres and grams (or,
 * for a size chart, the unit the producer typed); the sidebar converts on display only, always
 * from the stored value, so toggling cm ↔ in never accumulates rounding.
 *
 * The factors are exact by definition (international yard and pound agreement, 1959):
 * 1 in = 25.4 mm, 1 lb = 453.59237 g, 1 oz = 1/16 lb = 28.349523125 g.
 */
import { formatNumber, round } from '../format';
import { marketProfile } from '../markets';
import type { LengthUnit } from '../schema/card';

export type { LengthUnit };

export const MM_PER_INCH = 25.4;
export const MM_PER_CM = 10;
export const G_PER_LB = 453.59237;
export const G_PER_OZ = G_PER_LB / 16;

/**
 * Markets without a profile whose shoppers still think in inches (Liberia, Myanmar use imperial
 * units day to day); profiled markets say so in lib/markets.
 */
const INCH_MARKETS: ReadonlySet<string> = new Set(['LR', 'MM']);

/** The market profile's unit (US: inches and pounds), else centimetres. */
export function defaultUnitForMarket(market: string | undefined): LengthUnit {
  if (!market) return 'cm';
  const code = market.toUpperCase();
  return marketProfile(code)?.lengthUnit ?? (INCH_MARKETS.has(code) ? 'in' : 'cm');
}

export function otherUnit(unit: LengthUnit): LengthUnit {
  return unit === 'cm' ? 'in' : 'cm';
}

/** Converts a length between cm and in, exactly (no rounding: that is the display's job). */
export function convertLength(value: number, from: LengthUnit, to: LengthUnit): number {
  if (from === to) return value;
  return from === 'cm' ? (value * MM_PER_CM) / MM_PER_INCH : (value * MM_PER_INCH) / MM_PER_CM;
}

export function mmToUnit(mm: number, unit: LengthUnit): number {
  return unit === 'cm' ? mm / MM_PER_CM : mm / MM_PER_INCH;
}

// Rounding and number formatting live in lib/format (one home for Intl); re-exported for callers.
export { formatNumber, round } from '../format';

/** A size-chart value shown in the display unit: one decimal at most, converted exactly. */
export function formatChartValue(value: number, chartUnit: LengthUnit, displayUnit: LengthUnit, locale: string): string {
  return formatNumber(convertLength(value, chartUnit, displayUnit), locale, 1);
}

export type DisplayUnit = 'mm' | 'cm' | 'm' | 'in' | 'ft' | 'g' | 'kg' | 'oz' | 'lb';

export interface Quantity {
  /** The number as text, without its unit (tests and the size chart's cells). */
  value: string;
  unit: DisplayUnit;
  /** The rounded number and its precision, for lib/format's formatMeasure (unit placed by Intl). */
  amount: number;
  decimals: number;
}

function quantity(amount: number, unit: DisplayUnit, locale: string, decimals: number): Quantity {
  return { value: formatNumber(amount, locale, decimals), unit, amount: round(amount, decimals), decimals };
}

/**
 * A product dimension as a host would say it: centimetres (metres from 10 m) or inches (feet
 * from 10 ft). Below 1 cm, millimetres, so a 0.76 mm card does not read "0.1 cm".
 */
export function formatLength(mm: number, unit: LengthUnit, locale: string): Quantity {
  if (unit === 'cm') {
    if (mm < 10) return quantity(mm, 'mm', locale, 1);
    if (mm >= 10_000) return quantity(mm / 1000, 'm', locale, 2);
    return quantity(mm / MM_PER_CM, 'cm', locale, 1);
  }
  const inches = mm / MM_PER_INCH;
  if (inches >= 120) return quantity(inches / 12, 'ft', locale, 1);
  return quantity(inches, 'in', locale, inches < 1 ? 2 : 1);
}

/** Weight in g/kg for metric displays, oz/lb for inch displays. */
export function formatWeight(g: number, unit: LengthUnit, locale: string): Quantity {
  if (unit === 'cm') return g >= 1000 ? quantity(g / 1000, 'kg', locale, 2) : quantity(g, 'g', locale, 0);
  const oz = g / G_PER_OZ;
  return oz >= 16 ? quantity(g / G_PER_LB, 'lb', locale, 1) : quantity(oz, 'oz', locale, 1);
}

/** A person's height: "170 cm" or, in inches, feet and whole inches (170 cm → 5 ft 7 in). */
export function formatHeight(cm: number, unit: LengthUnit, locale: string): { cm?: string; ft?: number; in?: number } {
  if (unit === 'cm') return { cm: formatNumber(cm, locale, 0) };
  const total = Math.round((cm * MM_PER_CM) / MM_PER_INCH);
  return { ft: Math.floor(total / 12), in: total % 12 };
}
