import { describe, expect, it } from 'vitest';
import { PLATFORMS, consoleMatches, consoleOrigins, originPattern, patternMatches, recognisePlatform } from '../../lib/platforms';

describe('platform registry', () => {
  it.each(PLATFORMS.map((p) => [p.id, p.example]))('recognises %s from its example URL', (id, example) => {
    expect(recognisePlatform(example)?.id).toBe(id);
  });

  it.each([
    'https://example.com/',
    'https://shop.tiktok.com/',
    'https://shop.tiktok.com/seller/home',
    'https://dashboard.twitch.tv/directory',
    'https://www.facebook.com/groups/x',
    'http://studio.youtube.com/', // wrong scheme
    'not a url',
  ])('does not recognise %s', (url) => {
    expect(recognisePlatform(url)).toBeUndefined();
  });

  it('gives web-accessible-resource origins without paths (Chromium refuses paths there)', () => {
    for (const o of consoleOrigins()) expect(o).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    expect(new Set(consoleOrigins()).size).toBe(consoleOrigins().length);
  });

  it('covers every platform in the content-script matches', () => {
    expect(consoleMatches()).toHaveLength(PLATFORMS.flatMap((p) => p.matches).length);
  });

  it('matches patterns with wildcards and query strings', () => {
    expect(patternMatches('https://a.com/x*', new URL('https://a.com/xyz?q=1'))).toBe(true);
    expect(patternMatches('https://*.a.com/*', new URL('https://b.a.com/'))).toBe(true);
    expect(patternMatches('https://*.a.com/*', new URL('https://evil-a.com/'))).toBe(false);
    expect(patternMatches('https://a.com/x', new URL('https://a.com/xy'))).toBe(false);
  });

  it('makes an origin pattern for "use Upfront on this site"', () => {
    expect(originPattern('https://live.example.com/room/1')).toBe('https://live.example.com/*');
    expect(originPattern('chrome://extensions')).toBeUndefined();
  });
});
