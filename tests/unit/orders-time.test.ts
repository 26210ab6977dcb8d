import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrderFile } from '../../lib/returns/import';
import { readTimeText, serialToWall, wallIn, zonedToUtc, type WallTime } from '../../lib/returns/import/time';
import { csvFile, IMPORT_NOW } from './orders-helpers';

/** Zones with DST north and south, half- and quarter-hour offsets, and none. */
const ZONES = ['UTC', 'Europe/Madrid', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Shanghai', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Ho_Chi_Minh'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const instant = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2060, 0, 1) / 1000 }).map((s) => s * 1000);
const zone = fc.constantFrom(...ZONES);
const sameWall = (a: WallTime, b: WallTime) => JSON.stringify(a) === JSON.stringify(b);

/** How each shop writes a wall time. */
const FORMATS = {
  dmy: (w: WallTime) => `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
  mdy12: (w: WallTime) => `${pad(w.month)}/${pad(w.day)}/${w.year} ${w.hour % 12 || 12}:${pad(w.minute)}:${pad(w.second)} ${w.hour < 12 ? 'AM' : 'PM'}`,
  ymd: (w: WallTime) => `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
  chinese: (w: WallTime) => `${w.year}年${w.month}月${w.day}日 ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
} as const;
const ORDER = { dmy: 'DMY', mdy12: 'MDY', ymd: undefined, chinese: undefined } as const;

describe('zone conversion (Intl), DST included', () => {
  it('a wall time read in its zone gives back the instant, or the earlier one when clocks were turned back', () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const wall = wallIn(t, z);
        const back = zonedToUtc(wall, z);
        expect(sameWall(wallIn(back, z), wall)).toBe(true);
        expect(back).toBeLessThanOrEqual(t);
        // Only a fold (the same wall time twice) may give an earlier instant, at most a DST jump before.
        if (back !== t) expect(t - back).toBeLessThanOrEqual(2 * 3_600_000);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds on the nights clocks change, hour by hour around the change', () => {
    /** 2026's changes: [zone, the change in UTC]. */
    const changes: [string, string][] = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Europe/Madrid', '2026-03-29T01:00:00Z'],
      ['Europe/Madrid', '2026-10-25T01:00:00Z'],
      ['Australia/Sydney', '2026-04-04T16:00:00Z'],
      ['Australia/Sydney', '2026-10-03T16:00:00Z'],
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
    ];
    let folds = 0;
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: -3 * 3600, max: 3 * 3600 }), ([z, at], s) => {
        const t = Date.parse(at) + s * 1000;
        const wall = wallIn(t, z);
        const back = zonedToUtc(wall, z);
        expect(sameWall(wallIn(back, z), wall)).toBe(true);
        if (back !== t) {
          folds += 1;
          // The earlier of the two: one DST jump (an hour; Chatham too) before.
          expect(t - back).toBe(3_600_000);
        }
      }),
      { numRuns: 2000 },
    );
    expect(folds).toBeGreaterThan(0);
  });

  it('the real fold and gap nights follow the "compatible" rule', () => {
    const w = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute, second: 0 });
    // Clocks turned back: 01:30 happens twice; the earlier (summer time) is taken.
    expect(zonedToUtc(w(2026, 11, 1, 1, 30), 'America/New_York')).toBe(Date.parse('2026-11-01T05:30:00Z'));
    expect(zonedToUtc(w(2026, 10, 25, 1, 30), 'Europe/London')).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(zonedToUtc(w(2026, 4, 5, 2, 30), 'Australia/Sydney')).toBe(Date.parse('2026-04-04T15:30:00Z'));
    // Clocks turned forward: 02:30 never happens; it is read as 03:30 summer time.
    expect(zonedToUtc(w(2026, 3, 8, 2, 30), 'America/New_York')).toBe(Date.parse('2026-03-08T07:30:00Z'));
    expect(zonedToUtc(w(2026, 3, 29, 2, 30), 'Europe/Madrid')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(zonedToUtc(w(2026, 10, 4, 2, 30), 'Australia/Sydney')).toBe(Date.parse('2026-10-03T16:30:00Z'));
  });
});

describe('time texts in every format', () => {
  it('read back the wall time they were written from', () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom(...(Object.keys(FORMATS) as (keyof typeof FORMATS)[])), (t, z, f) => {
        const wall = wallIn(t, z);
        const read = readTimeText(FORMATS[f](wall), ORDER[f]);
        expect(read).toEqual({ kind: 'local', wall });
      }),
      { numRuns: 2000 },
    );
  });

  it('with an offset, are the instant whatever zone is chosen', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -12 * 4, max: 14 * 4 }), (t, quarter) => {
        const offset = quarter * 15 * 60_000;
        const w = wallIn(t + offset, 'UTC');
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(quarter * 15);
        const text = `${FORMATS.ymd(w)} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
        expect(readTimeText(text)).toEqual({ kind: 'instant', utc: t });
      }),
    );
  });

  it('day/month dates are ambiguous without an order exactly when both parts are 12 or less and differ', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const w = wallIn(t, 'UTC');
        const read = readTimeText(FORMATS.dmy(w));
        if (w.day <= 12 && w.day !== w.month) expect(read).toEqual({ kind: 'ambiguous' });
        else expect(read).toEqual({ kind: 'local', wall: w });
      }),
    );
  });

  it('Excel serial dates read as the wall time they stand for', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const serial = (t - Date.UTC(1899, 11, 30)) / 86_400_000;
        expect(serialToWall(serial)).toEqual(wallIn(t, 'UTC'));
      }),
    );
  });
});

describe('a whole file across zones', () => {
  it('order times in a TikTok export come out as the instants they were written from', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(instant, { minLength: 1, maxLength: 8 }), zone, fc.constantFrom('dmy', 'mdy12', 'ymd') as fc.Arbitrary<'dmy' | 'mdy12' | 'ymd'>, async (instants, z, f) => {
        const rows = instants.map((t, i) => [`5770000000000${pad(i, 5)}`, 'DEMO-SERUM-30', '1', FORMATS[f](wallIn(t, z))]);
        const file = csvFile('t.csv', [['Order ID', 'Seller SKU', 'Quantity', 'Created Time'], ...rows]);
        const r = await parseOrderFile(file, { timeZone: z, dateOrder: ORDER[f], now: IMPORT_NOW });
        if (!r.ok) throw new Error(JSON.stringify(r));
        r.orders.forEach((o, i) => {
          expect(sameWall(wallIn(o.orderedAt, z), wallIn(instants[i], z))).toBe(true);
          expect(instants[i] - o.orderedAt).toBeGreaterThanOrEqual(0);
          expect(instants[i] - o.orderedAt).toBeLessThanOrEqual(2 * 3_600_000);
        });
      }),
      { numRuns: 150 },
    );
  });
});
