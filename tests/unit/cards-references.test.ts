import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/locales/en.json';
import zh from '../../lib/i18n/locales/zh-CN.json';
import { REFERENCE_OBJECTS, referenceObject, resolveRef } from '../../lib/scale/references';

type ScaleNames = { name: string; one: string; many: string };
const scaleNames = (locale: { scaleRef: object }) => locale.scaleRef as Record<string, ScaleNames>;

const docs = readFileSync(path.resolve(import.meta.dirname, '../../docs/reference-objects.md'), 'utf8');

describe('reference objects', () => {
  it('has the standard sizes from facts.md, exactly', () => {
    expect(referenceObject('bank-card')).toMatchObject({ widthMm: 85.6, heightMm: 53.98, depthMm: 0.76, confidence: 'standard' });
    expect(referenceObject('a4-sheet')).toMatchObject({ widthMm: 210, heightMm: 297 });
    expect(referenceObject('us-letter')).toMatchObject({ widthMm: 215.9, heightMm: 279.4 });
    expect(referenceObject('us-quarter')).toMatchObject({ widthMm: 24.26, heightMm: 24.26, shape: 'coin' });
    expect(referenceObject('euro-1')).toMatchObject({ widthMm: 23.25 });
    expect(referenceObject('euro-2')).toMatchObject({ widthMm: 25.75 });
    expect(referenceObject('smartphone')).toMatchObject({ widthMm: 71.6, heightMm: 147.6, depthMm: 7.8 });
    // 4 13/16 in = 122.2375 mm
    expect(referenceObject('drink-can-us')?.heightMm).toBeCloseTo(122.2375, 6);
    const ball = referenceObject('tennis-ball')!;
    expect(ball.widthMm).toBeGreaterThanOrEqual(65.4);
    expect(ball.widthMm).toBeLessThanOrEqual(68.6);
    const bottle = referenceObject('water-bottle-500ml')!;
    expect(bottle.widthMm).toBeGreaterThanOrEqual(65);
    expect(bottle.heightMm).toBeLessThanOrEqual(235);
  });

  it('marks the secondary-source sizes as low confidence', () => {
    const low = REFERENCE_OBJECTS.filter((o) => o.confidence === 'low').map((o) => o.id);
    expect(low.sort()).toEqual(['can-330ml', 'paperback', 'tissue-box-flat', 'tissue-box-upright', 'water-bottle-500ml'].sort());
  });

  it('gives every object a unique id, a positive size, a source, docs and names in both languages', () => {
    expect(new Set(REFERENCE_OBJECTS.map((o) => o.id)).size).toBe(REFERENCE_OBJECTS.length);
    for (const o of REFERENCE_OBJECTS) {
      expect(o.widthMm, o.id).toBeGreaterThan(0);
      expect(o.heightMm, o.id).toBeGreaterThan(0);
      expect(o.source.length, o.id).toBeGreaterThan(3);
      expect(docs, o.id).toContain(`\`${o.id}\``);
    }
    // Each locale names exactly the reference objects: nothing missing, nothing left over.
    const ids = REFERENCE_OBJECTS.map((o) => o.id).sort();
    expect(Object.keys(scaleNames(en)).sort()).toEqual(ids);
    expect(Object.keys(scaleNames(zh)).sort()).toEqual(ids);
    // The forms docs/reference-objects.md quotes.
    expect(scaleNames(en)['water-bottle-500ml']).toMatchObject({ one: 'a 500 ml bottle', many: '500 ml bottles' });
    for (const id of ids) {
      const english = scaleNames(en)[id];
      const chinese = scaleNames(zh)[id];
      expect(english.name, id).toMatch(/\S/);
      expect(english.name, id).not.toBe(id);
      // "one" reads after "as tall as" and takes the article; "many" follows a number word and does not.
      expect(english.one, id).toMatch(/^an? \S/);
      expect(english.many, id).toMatch(/^(?!an? )\S/);
      expect(chinese.name, id).toMatch(/\S/);
      expect(chinese.name, id).not.toBe(english.name);
      // Chinese "many" starts with the measure word; "one" is 一 and that.
      expect(chinese.many, id).toMatch(/^[个张枚部本] ?\S/);
      expect(chinese.one, id).toBe(`一${chinese.many}`);
    }
  });

  it('resolves catalogue and custom references, and refuses unknown or sizeless ones', () => {
    expect(resolveRef({ catalogueId: 'a4-sheet' })).toMatchObject({ key: 'a4-sheet', widthMm: 210, shape: 'sheet' });
    expect(resolveRef({ catalogueId: 'no-such-thing' })).toBeUndefined();
    expect(resolveRef({ custom: { name: 'a mug', widthMm: 80, heightMm: 95, photo: 'x.png' } })).toMatchObject({
      key: 'custom:a mug',
      name: 'a mug',
      confidence: 'custom',
      photo: 'x.png',
    });
    expect(resolveRef({ custom: { name: 'flat', widthMm: 0, heightMm: 10 } })).toBeUndefined();
  });
});
