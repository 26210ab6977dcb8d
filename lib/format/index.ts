/**
 * Every number, quantity, percentage, date and time the UI shows goes through here, formatted by
 * Intl for the interface language. Concatenating "85" + " %" or "60" + " cm" gets spacing,
 * order and digits wrong in some languages (es: "85 %", zh: "60厘米"), so components never do.
 */

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

// Intl objects are costly to build and the sidebar formats hundreds of cells: cache by options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** A locale Intl accepts; a tag it rejects (or a pseudo-locale it cannot resolve) falls back to English. */
function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const l = safeLocale(locale);
  return cached(`n|${l}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(l, options));
}

/** A plain number with at most `maxDecimals` decimals, rounded half away from zero first. */
export function formatNumber(value: number, locale: string, maxDecimals = 1): string {
  return numberFormat(locale, { maximumFractionDigits: maxDecimals }).format(round(value, maxDecimals));
}

/** A percentage given as 0–100 (as cards store it): 85 → "85%" (en), "85 %" (es). */
export function formatPercent(percent: number, locale: string, maxDecimals = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxDecimals }).format(round(percent, maxDecimals) / 100);
}

/** The units the UI shows, mapped to Intl's sanctioned unit identifiers. */
export const INTL_UNITS = {
  mm: 'millimeter',
  cm: 'centimeter',
  m: 'meter',
  in: 'inch',
  ft: 'foot',
  g: 'gram',
  kg: 'kilogram',
  oz: 'ounce',
  lb: 'pound',
  day: 'day',
} as const;
export type MeasureUnit = keyof typeof INTL_UNITS;

function unitFormat(unit: MeasureUnit, locale: string, maxDecimals: number) {
  return numberFormat(locale, { style: 'unit', unit: INTL_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: maxDecimals });
}

/** A value with its unit, both placed by Intl: "60 cm", "60厘米", "23.6 in". */
export function formatMeasure(value: number, unit: MeasureUnit, locale: string, maxDecimals = 1): string {
  return unitFormat(unit, locale, maxDecimals).format(round(value, maxDecimals));
}

/** The unit's short name alone, as Intl writes it in this language (for table headers). */
export function unitLabel(unit: MeasureUnit, locale: string): string {
  const parts = unitFormat(unit, locale, 0).formatToParts(2);
  return (
    parts
      .filter((p) => p.type === 'unit')
      .map((p) => p.value)
      .join('')
      .trim() || unit
  );
}

/**
 * Several values sharing one unit, as a host would say them: "60 × 10 × 60 cm". Only the last
 * value carries the unit, placed by Intl, so languages that put the unit first still read right.
 */
export function formatMeasureList(values: readonly number[], unit: MeasureUnit, locale: string, maxDecimals = 1, separator = ' × '): string {
  if (values.length === 0) return '';
  const head = values.slice(0, -1).map((v) => formatNumber(v, locale, maxDecimals));
  return [...head, formatMeasure(values[values.length - 1], unit, locale, maxDecimals)].join(separator);
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const l = safeLocale(locale);
  return cached(`d|${l}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(l, options));
}

export type TimeZoneOption = { timeZone?: string };

/** "20 Nov 2026" / "2026年11月20日". */
export function formatDate(ms: number, locale: string, opts: TimeZoneOption = {}): string {
  return dateFormat(locale, { dateStyle: 'medium', ...opts }).format(ms);
}

/** Clock time, with seconds when `seconds` (an evidence timeline wants them). */
export function formatTime(ms: number, locale: string, { seconds = false, ...opts }: TimeZoneOption & { seconds?: boolean } = {}): string {
  return dateFormat(locale, { timeStyle: seconds ? 'medium' : 'short', ...opts }).format(ms);
}

export function formatDateTime(ms: number, locale: string, { seconds = false, ...opts }: TimeZoneOption & { seconds?: boolean } = {}): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short', ...opts }).format(ms);
}

/** A list in the language's own words: "A, B and C" / "A、B和C". */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  try {
    return new Intl.ListFormat(safeLocale(locale), { style: 'long', type }).format(items);
  } catch {
    return items.join(', ');
  }
}
