import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../lib/platforms';
import { DEFAULT_GRACE_MS, matchOrders, platformFits, SOURCE_PLATFORMS } from '../../lib/returns/match';
import { bestSkuMatch, isVariantOf, normaliseSku, skuMatcher } from '../../lib/returns/sku';
import type { Show } from '../../lib/returns/shows';
import { OrderSource, type OrderLine } from '../../lib/returns/types';
import { MIN, T0, orderLine, show } from './returns-helpers';

describe('SKU stem rule', () => {
  it('a variant SKU extends its card SKU after a separator; a longer code is another product', () => {
    expect(isVariantOf('TEE-100-S', 'TEE-100')).toBe(true);
    expect(isVariantOf('TEE-100', 'TEE-100')).toBe(true);
    expect(isVariantOf('tee-100_xl', 'TEE-100')).toBe(true);
    expect(isVariantOf('TEE-100/BLU/M', 'TEE-100')).toBe(true);
    expect(isVariantOf('TEE-1000', 'TEE-100')).toBe(false);
    expect(isVariantOf('TEE-10', 'TEE-100')).toBe(false);
    expect(isVariantOf('', 'TEE-100')).toBe(false);
    // Full-width characters, as Chinese spreadsheets often write them.
    expect(normaliseSku(' ＴＥＥ－１００－Ｓ ')).toBe('TEE-100-S');
    expect(isVariantOf('ＴＥＥ－１００－Ｓ', 'TEE-100')).toBe(true);
  });

  it('the longest matching card SKU wins', () => {
    const cards = [{ sku: 'TEE' }, { sku: 'TEE-100' }, { sku: 'TEE-100-S-LONG' }];
    expect(bestSkuMatch('TEE-100-S', cards)?.sku).toBe('TEE-100');
    expect(bestSkuMatch('TEE-200', cards)?.sku).toBe('TEE');
    expect(bestSkuMatch('HD-200', cards)).toBeUndefined();
  });

  const part = fc.stringMatching(/^[A-Z0-9]{1,6}$/);
  it('property: stem + separator + anything is a variant; stem + letter or digit is not', () => {
    fc.assert(
      fc.property(part, fc.constantFrom('-', '_', '.', '/', ' '), fc.string({ maxLength: 8 }), fc.stringMatching(/^[A-Z0-9]$/), (stem, sep, rest, next) => {
        expect(isVariantOf(`${stem}${sep}${rest}`, stem)).toBe(true);
        expect(isVariantOf(`${stem}${next}${rest}`, stem)).toBe(false);
        expect(isVariantOf(stem.toLowerCase(), stem)).toBe(true);
      }),
    );
  });

  it('property: the indexed matcher (used for every order line) answers as bestSkuMatch does, the same item', () => {
    const sku = fc.array(fc.constantFrom('T', 'E', '1', '0', 'ｔ', '-', '_', ' ', '.', '/', 'a'), { maxLength: 9 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.array(sku, { maxLength: 12 }), fc.array(sku, { maxLength: 20 }), (cardSkus, orderSkus) => {
        const items = cardSkus.map((s, i) => ({ sku: s, i }));
        const match = skuMatcher(items);
        for (const o of [...orderSkus, ...cardSkus.map((c) => `${c}-S`)]) expect(match(o)).toBe(bestSkuMatch(o, items));
      }),
      { numRuns: 300 },
    );
  });
});

describe('order source → platforms', () => {
  it('names only registered consoles; Shopify and the template fit any show', () => {
    const ids = new Set(PLATFORMS.map((p) => p.id));
    for (const list of Object.values(SOURCE_PLATFORMS)) if (list !== 'any') for (const id of list) expect(ids.has(id)).toBe(true);
    expect(platformFits('tiktok', 'tiktok-shop')).toBe(true);
    expect(platformFits('tiktok', 'douyin-buyin')).toBe(false);
    expect(platformFits('douyin', 'douyin-fxg')).toBe(true);
    expect(platformFits('douyin', 'tiktok-shop')).toBe(false);
    expect(platformFits('shopify', 'youtube-studio')).toBe(true);
    expect(platformFits('upfront', 'douyin-buyin')).toBe(true);
  });
});

describe('matchOrders', () => {
  const a = show({ id: 'a', start: T0, end: T0 + 60 * MIN, skus: ['TEE-100', 'HD-200'] });
  const b = show({ id: 'b', start: T0 + 3 * 60 * MIN, end: T0 + 4 * 60 * MIN, skus: ['TEE-100'], platform: 'douyin-buyin' });

  it('matches in the show and in the grace window after it, with the offset into the stream', () => {
    const lines = [
      orderLine({ orderId: '1', sku: 'TEE-100-M', orderedAt: T0 + 42 * MIN }),
      orderLine({ orderId: '2', sku: 'HD-200', orderedAt: T0 + 60 * MIN + 29 * MIN }),
    ];
    const { matched, unmatched } = matchOrders(lines, [a, b]);
    expect(unmatched).toEqual([]);
    expect(matched.map((m) => [m.line.orderId, m.show.session.id, m.product.sku, m.offsetMs, m.inGrace])).toEqual([
      ['1', 'a', 'TEE-100', 42 * MIN, false],
      ['2', 'a', 'HD-200', 89 * MIN, true],
    ]);
  });

  it('says why a line has no show', () => {
    const lines = [
      orderLine({ orderId: 'late', sku: 'TEE-100', orderedAt: T0 + 60 * MIN + DEFAULT_GRACE_MS + 1 }),
      orderLine({ orderId: 'sku', sku: 'SHOE-9', orderedAt: T0 + 5 * MIN }),
      // A TikTok order while only a Douyin show was live.
      orderLine({ orderId: 'platform', sku: 'TEE-100', orderedAt: T0 + 3.5 * 60 * MIN }),
    ];
    const { matched, unmatched } = matchOrders(lines, [a, b]);
    expect(matched).toEqual([]);
    expect(unmatched.map((u) => [u.line.orderId, u.why])).toEqual([
      ['late', 'no-show'],
      ['sku', 'no-such-sku'],
      ['platform', 'no-show'],
    ]);
  });

  it('the grace window is adjustable', () => {
    const line = orderLine({ orderId: '1', sku: 'TEE-100', orderedAt: T0 + 70 * MIN });
    expect(matchOrders([line], [a], { graceMs: 5 * MIN }).unmatched[0].why).toBe('no-show');
    expect(matchOrders([line], [a], { graceMs: 15 * MIN }).matched).toHaveLength(1);
  });

  it('two live shows selling the SKU are several-shows; a live show beats one in its grace window', () => {
    const c = show({ id: 'c', start: T0 + 30 * MIN, end: T0 + 90 * MIN, skus: ['TEE-100'] });
    const overlap = orderLine({ orderId: 'o', sku: 'TEE-100-S', orderedAt: T0 + 45 * MIN });
    const r = matchOrders([overlap], [a, c]);
    expect(r.unmatched).toEqual([{ line: overlap, why: 'several-shows', sessionIds: ['a', 'c'] }]);
    // Back to back: show d starts as show a ends; an order 10 minutes into d is d's.
    const d = show({ id: 'd', start: T0 + 60 * MIN, end: T0 + 120 * MIN, skus: ['TEE-100'] });
    const next = orderLine({ orderId: 'n', sku: 'TEE-100', orderedAt: T0 + 70 * MIN });
    expect(matchOrders([next], [a, d]).matched[0].show.session.id).toBe('d');
    // A show that does not sell the SKU does not compete.
    const other = show({ id: 'e', start: T0 + 30 * MIN, end: T0 + 90 * MIN, skus: ['SHOE-1'] });
    expect(matchOrders([overlap], [a, other]).matched[0].show.session.id).toBe('a');
  });

  // ---- properties, against a direct reading of the rule ----
  const SKUS = ['TEE-100', 'TEE-1000', 'HD-200', 'TEE'];
  const showArb = fc.record({
    start: fc.integer({ min: 0, max: 20 * 60 }),
    length: fc.integer({ min: 0, max: 180 }),
    platform: fc.constantFrom('tiktok-shop', 'douyin-buyin', 'youtube-studio'),
    skus: fc.subarray(SKUS, { minLength: 1 }),
  });
  const lineArb = fc.record({
    at: fc.integer({ min: -60, max: 24 * 60 }),
    sku: fc.constantFrom('TEE-100', 'TEE-100-S', 'TEE-1000-M', 'HD-200', 'TEE-XL', 'SHOE-1'),
    source: fc.constantFrom(...OrderSource.options),
  });

  function reference(line: OrderLine, shows: Show[], grace: number) {
    const fits = shows.filter((s) => platformFits(line.source, s.session.platform) && line.orderedAt >= s.start && line.orderedAt <= s.end + grace);
    const selling = fits.filter((s) => s.products.some((p) => isVariantOf(line.sku, p.sku)));
    const live = selling.filter((s) => line.orderedAt <= s.end);
    const pick = live.length > 0 ? live : selling;
    if (pick.length === 1) return { sessionId: pick[0].session.id };
    if (pick.length > 1) return { why: 'several-shows' };
    return { why: fits.length > 0 ? 'no-such-sku' : 'no-show' };
  }

  it('property: every line is matched or unmatched exactly once, as the rule says, whatever the order of shows', () => {
    fc.assert(
      fc.property(fc.array(showArb, { maxLength: 8 }), fc.array(lineArb, { maxLength: 20 }), fc.integer({ min: 0, max: 60 }), (showSpecs, lineSpecs, graceMin) => {
        const shows = showSpecs.map((s, i) => show({ id: `s${i}`, start: T0 + s.start * MIN, end: T0 + (s.start + s.length) * MIN, platform: s.platform, skus: s.skus }));
        const lines = lineSpecs.map((l, i) => orderLine({ orderId: `o${i}`, sku: l.sku, source: l.source, orderedAt: T0 + l.at * MIN }));
        const grace = graceMin * MIN;
        const result = matchOrders(lines, shows, { graceMs: grace });
        expect(result.matched.length + result.unmatched.length).toBe(lines.length);
        const got = new Map<string, unknown>();
        for (const m of result.matched) {
          got.set(m.line.orderId, { sessionId: m.show.session.id });
          expect(m.offsetMs).toBe(m.line.orderedAt - m.show.start);
          expect(isVariantOf(m.line.sku, m.product.sku)).toBe(true);
          // The longest card SKU on that show's deck.
          expect(m.product.sku.length).toBe(Math.max(...m.show.products.filter((p) => isVariantOf(m.line.sku, p.sku)).map((p) => p.sku.length)));
        }
        for (const u of result.unmatched) got.set(u.line.orderId, { why: u.why });
        for (const line of lines) expect(got.get(line.orderId)).toEqual(reference(line, shows, grace));
        const reversed = matchOrders(lines, shows.slice().reverse(), { graceMs: grace });
        expect(reversed.matched.map((m) => [m.line.orderId, m.show.session.id])).toEqual(result.matched.map((m) => [m.line.orderId, m.show.session.id]));
      }),
      { numRuns: 300 },
    );
  });

  it('property: a longer grace window never loses a match to "no-show"', () => {
    fc.assert(
      fc.property(fc.array(showArb, { minLength: 1, maxLength: 6 }), lineArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (showSpecs, l, g1, extra) => {
        const shows = showSpecs.map((s, i) => show({ id: `s${i}`, start: T0 + s.start * MIN, end: T0 + (s.start + s.length) * MIN, platform: s.platform, skus: s.skus }));
        const line = orderLine({ orderId: 'o', sku: l.sku, source: l.source, orderedAt: T0 + l.at * MIN });
        const short = matchOrders([line], shows, { graceMs: g1 * MIN });
        const long = matchOrders([line], shows, { graceMs: (g1 + extra) * MIN });
        if (short.matched.length === 1) expect(long.unmatched.map((u) => u.why)).not.toContain('no-show');
      }),
      { numRuns: 200 },
    );
  });
});
