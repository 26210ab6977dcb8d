/**
 * Length and weight conversion for the host's display. Cards store millimetres and grams (or,
 * for a size chart, the unit the producer typed); the sidebar converts on display only, always
 * from the stored value, so toggling cm ↔ in never accumulates rounding.
 *
 * The factors are exact by definition (international yard and pound agreement, 1959):
 * 1 in = 25.4 mm, 1 lb = 453.59237 g, 1 oz = 1/16 lb = 28.349523125 g.
 */
export type LengthUnit = 'cm' | 'in';

export const MM_PER_INCH = 25.4;
export const MM_PER_CM = 10;
export const G_PER_LB = 453.59237;
export const G_PER_OZ = G_PER_LB / 16;

/** Markets whose shoppers think in inches; everyone else gets centimetres by default. */
const INCH_MARKETS: ReadonlySet<string> = new Set(['US', 'LR', 'MM']);

export function defaultUnitForMarket(market: string | undefined): LengthUnit {
  return market && INCH_MARKETS.has(market.toUpperCase()) ? 'in' : 'cm';
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

/**
 * Rounds half away from zero to `decimals` places. Goes through the decimal string so that
 * 1.005 rounds to 1.01 (a float product 1.005 * 100 is 100.49999…), and never returns -0.
 */
export function round(value: number, decimals = 1): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const r = Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
  return r === 0 ? 0 : sign * r;
}

export function formatNumber(value: number, locale: string, maxDecimals = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }).format(round(value, maxDecimals));
}

/** A size-chart value shown in the display unit: one decimal at most, converted exactly. */
export function formatChartValue(value: number, chartUnit: LengthUnit, displayUnit: LengthUnit, locale: string): string {
  return formatNumber(convertLength(value, chartUnit, displayUnit), locale, 1);
}

export type DisplayUnit = 'mm' | 'cm' | 'm' | 'in' | 'ft' | 'g' | 'kg' | 'oz' | 'lb';

export interface Quantity {
  value: string;
  unit: DisplayUnit;
}

/**
 * A product dimension as a host would say it: centimetres (metres from 10 m) or inches (feet
 * from 10 ft). Below 1 cm, millimetres, so a 0.76 mm card does not read "0.1 cm".
 */
export function formatLength(mm: number, unit: LengthUnit, locale: string): Quantity {
  if (unit === 'cm') {
    if (mm < 10) return { value: formatNumber(mm, locale, 1), unit: 'mm' };
    if (mm >= 10_000) return { value: formatNumber(mm / 1000, locale, 2), unit: 'm' };
    return { value: formatNumber(mm / MM_PER_CM, locale, 1), unit: 'cm' };
  }
  const inches = mm / MM_PER_INCH;
  if (inches >= 120) return { value: formatNumber(inches / 12, locale, 1), unit: 'ft' };
  return { value: formatNumber(inches, locale, inches < 1 ? 2 : 1), unit: 'in' };
}

/** Weight in g/kg for metric displays, oz/lb for inch displays. */
export function formatWeight(g: number, unit: LengthUnit, locale: string): Quantity {
  if (unit === 'cm') return g >= 1000 ? { value: formatNumber(g / 1000, locale, 2), unit: 'kg' } : { value: formatNumber(g, locale, 0), unit: 'g' };
  const oz = g / G_PER_OZ;
  return oz >= 16 ? { value: formatNumber(g / G_PER_LB, locale, 1), unit: 'lb' } : { value: formatNumber(oz, locale, 1), unit: 'oz' };
}

/** A person's height: "170 cm" or, in inches, feet and whole inches (170 cm → 5 ft 7 in). */
export function formatHeight(cm: number, unit: LengthUnit, locale: string): { cm?: string; ft?: number; in?: number } {
  if (unit === 'cm') return { cm: formatNumber(cm, locale, 0) };
  const total = Math.round((cm * MM_PER_CM) / MM_PER_INCH);
  return { ft: Math.floor(total / 12), in: total % 12 };
}
