/**
 * Order and return times as shops write them, turned into UTC. Shop exports mostly write the
 * shop's local wall time with no offset (TikTok, 抖店), so the zone is chosen per import and the
 * conversion runs through the platform's own time-zone data (Intl), DST included. No library:
 * Intl.DateTimeFormat already carries the IANA database in every browser and in Node.
 */

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** A wall-clock time with no zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type TimeRead =
  /** A wall time, to convert with the import's time zone. */
  | { kind: 'local'; wall: WallTime }
  /** The text carried its own offset (Shopify's `2026-11-20 13:05:00 +0100`). */
  | { kind: 'instant'; utc: number }
  /** A day/month date whose order the text alone cannot tell (04/05/2026). */
  | { kind: 'ambiguous' }
  /** Readable as a date, but not in the order asked for (13/05/2026 read as MDY). */
  | { kind: 'wrong-order' }
  | { kind: 'invalid' };

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?[Mm]\.?)?)`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}${ZONE}$`);

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function validWall(w: WallTime): boolean {
  return (
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysIn(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute <= 59 &&
    w.second <= 59
  );
}

/** Which orders a year-last date (a/b/yyyy) can be read in. */
export function possibleOrders(text: string): DateOrder[] | 'any' | 'none' {
  const t = normaliseText(text);
  if (YEAR_FIRST.test(t)) return 'any';
  const m = YEAR_LAST.exec(t);
  return m ? ordersOf(Number(m[1]), Number(m[2])) : 'none';
}

/** The orders a year-last date's first two parts can be read in. */
function ordersOf(a: number, b: number): DateOrder[] | 'any' {
  if (a === b && a >= 1 && a <= 12) return 'any'; // 05/05/2026 reads the same both ways
  const out: DateOrder[] = [];
  if (b >= 1 && b <= 12 && a >= 1 && a <= 31) out.push('DMY');
  if (a >= 1 && a <= 12 && b >= 1 && b <= 31) out.push('MDY');
  return out;
}

function normaliseText(text: string): string {
  // 2026年11月20日 22:01:00 (Chinese spreadsheets) reads like 2026-11-20 22:01:00.
  let t = text.trim();
  if (t.includes('年')) t = t.replace(/(\d{4})年(\d{1,2})月(\d{1,2})日?/, '$1-$2-$3');
  // Most times have single spaces: the replace (a new string per time) only when needed.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

function offsetMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^(Z|UTC|GMT)$/.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/**
 * Reads one time text. Year-first dates are never ambiguous; for year-last ones the order comes
 * from `order`, else from the text itself when one part is above 12 (or both parts are equal).
 */
export function readTimeText(text: string, order?: DateOrder): TimeRead {
  const t = normaliseText(text);
  let m = YEAR_FIRST.exec(t);
  let year: number, month: number, day: number;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = YEAR_LAST.exec(t);
    if (!m) return { kind: 'invalid' };
    const a = Number(m[1]);
    const b = Number(m[2]);
    const found = ordersOf(a, b);
    const possible: DateOrder[] = found === 'any' ? ['DMY', 'MDY'] : (found as DateOrder[]);
    const chosen = found === 'any' ? 'DMY' : (order ?? (possible.length === 1 ? possible[0] : undefined));
    if (possible.length === 0) return { kind: 'invalid' };
    if (!chosen) return { kind: 'ambiguous' };
    if (!possible.includes(chosen)) return { kind: 'wrong-order' };
    year = Number(m[3]);
    [day, month] = chosen === 'DMY' ? [a, b] : [b, a];
  }
  if (m[4] === undefined) return { kind: 'invalid' }; // a date alone cannot be placed in a show
  let hour = Number(m[4]);
  const meridiem = m[7]?.replace(/\./g, '').toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { kind: 'invalid' };
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  const wall: WallTime = { year, month, day, hour, minute: Number(m[5]), second: Number(m[6] ?? 0) };
  if (!validWall(wall)) return { kind: 'invalid' };
  const offset = offsetMs(m[8]);
  if (m[8] !== undefined && offset === undefined) return { kind: 'invalid' };
  return offset === undefined ? { kind: 'local', wall } : { kind: 'instant', utc: wallAsUtc(wall) - offset };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** An Excel serial date (days since 1899-12-30, time as the fraction) as a wall time. */
export function serialToWall(serial: number): WallTime | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  return utcToWall(Math.round((EXCEL_EPOCH + serial * DAY) / 1000) * 1000);
}

/** A date a spreadsheet reader handed over (ExcelJS reads a serial as if it were UTC) as a wall time. */
export function excelDateToWall(date: Date): WallTime | undefined {
  const ms = date.getTime();
  return Number.isFinite(ms) ? utcToWall(Math.round(ms / 1000) * 1000) : undefined;
}

function utcToWall(ms: number): WallTime {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const wallAsUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS`: how a spreadsheet date cell is kept as text for evidence. */
export const formatWall = (w: WallTime) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time in a zone at a UTC instant. */
export function wallIn(utc: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(utc)) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset at an instant. Every offset change since 1970 falls on a quarter hour of
 * UTC, so the offset is looked up once per quarter hour and zone: formatToParts is slow, and an
 * export's times cluster in a few hours.
 */
function offsetAt(utc: number, timeZone: string): number {
  const block = Math.floor(utc / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone || zone.size > 50_000) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(block);
  if (offset === undefined) {
    const start = block * QUARTER_HOUR;
    offset = wallAsUtc(wallIn(start, timeZone)) - start;
    zone.set(block, offset);
  }
  return offset;
}

/**
 * A wall time in a zone as UTC milliseconds. Around DST changes it follows the "compatible"
 * rule of JavaScript's Temporal and of RFC 5545: a time that happens twice (clocks turned back)
 * is the earlier one; a time that never happens (clocks turned forward) is moved forward by the
 * jump (02:30 on a spring-forward night is 03:30).
 */
export function zonedToUtc(wall: WallTime, timeZone: string): number {
  const local = wallAsUtc(wall);
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const fits = (t: number) => offsetAt(t, timeZone) === local - t;
  const candidates = [local - before, local - after].filter(fits);
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before;
}
