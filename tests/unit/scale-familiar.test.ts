import { describe, expect, it } from 'vitest';
import { familiarReferences, resolveRef } from '../../lib/scale/references';
import { comparePhrases, suggestReference } from '../../lib/scale/compare';

/** Issue 21, "Small": a US viewer is shown objects a US viewer knows. */
describe('scale objects by deck market', () => {
  it('offers a US deck a letter sheet, a quarter and a 12 oz can, never A4, a euro coin or a 330 ml can', () => {
    const us = familiarReferences('US').map((r) => r.key);
    expect(us).toEqual(expect.arrayContaining(['us-letter', 'us-quarter', 'drink-can-us']));
    expect(us).not.toEqual(expect.arrayContaining(['a4-sheet']));
    for (const id of ['a4-sheet', 'euro-1', 'euro-2', 'can-330ml']) expect(us).not.toContain(id);
    const eu = familiarReferences('DE').map((r) => r.key);
    expect(eu).toContain('a4-sheet');
    expect(eu).toContain('euro-1');
    expect(eu).not.toContain('us-letter');
    expect(eu).not.toContain('us-quarter');
  });

  it('suggests and compares with the US object for a US deck', () => {
    // A 60 × 60 cm cushion: A4 for a European deck, US Letter for a US one.
    expect(suggestReference({ widthMm: 600, heightMm: 600 }, familiarReferences('DE'))?.key).toBe('a4-sheet');
    expect(suggestReference({ widthMm: 600, heightMm: 600 }, familiarReferences('US'))?.key).toBe('us-letter');
    // "As wide as …": an object 210 mm wide matches A4 in Europe and Letter (215.9 mm) in the US.
    const chosen = resolveRef({ catalogueId: 'smartphone' })!;
    const us = comparePhrases({ widthMm: 212, heightMm: 150 }, chosen, familiarReferences('US'));
    expect(us.find((p) => p.dimension === 'wide')?.ref.key).toBe('us-letter');
  });

  it('shows a US deck the letter sheet where the producer chose A4, and keeps A4 elsewhere', () => {
    expect(resolveRef({ catalogueId: 'a4-sheet' }, 'US')?.key).toBe('us-letter');
    expect(resolveRef({ catalogueId: 'can-330ml' }, 'US')?.key).toBe('drink-can-us');
    expect(resolveRef({ catalogueId: 'euro-1' }, 'US')?.key).toBe('us-quarter');
    expect(resolveRef({ catalogueId: 'a4-sheet' }, 'FR')?.key).toBe('a4-sheet');
    expect(resolveRef({ catalogueId: 'a4-sheet' })?.key).toBe('a4-sheet');
    // Nothing local to swap to: the producer's choice stands.
    expect(resolveRef({ catalogueId: 'euro-1' }, 'CN')?.key).toBe('euro-1');
  });
});
