import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, createI18n, pickUiLanguage, resources } from '../../lib/i18n';

const DIR = join(__dirname, '../../lib/i18n/locales');
const load = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;

/** Every leaf as "a.b.c" → text. */
function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

const en = flatten(load('en.json'));
const others = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'en.json');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('has at least one translation besides English', () => {
    expect(others.length).toBeGreaterThan(0);
  });

  it.each(others)('%s has exactly the keys of en.json', (file) => {
    const keys = flatten(load(file));
    const missing = [...en.keys()].filter((k) => !keys.has(k));
    const extra = [...keys.keys()].filter((k) => !en.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(others)('%s keeps every {{placeholder}} of en.json', (file) => {
    const keys = flatten(load(file));
    const wrong = [...en].filter(([k, text]) => keys.has(k) && placeholders(keys.get(k)!).join() !== placeholders(text).join());
    expect(wrong.map(([k]) => k)).toEqual([]);
  });

  it.each(['en.json', ...others])('%s has no empty texts', (file) => {
    const empty = [...flatten(load(file))].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('serves every locale file it ships', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...UI_LANGUAGES].sort()).toEqual(files.sort());
    expect(Object.keys(resources).sort()).toEqual(files.sort());
  });
});

describe('pickUiLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('picks %s → %s', (browser, picked) => {
    expect(pickUiLanguage(browser)).toBe(picked);
  });
});

describe('createI18n', () => {
  it('translates in the picked language and interpolates without HTML-escaping', async () => {
    const zh = await createI18n('zh-CN');
    expect(zh.language).toBe('zh-CN');
    expect(zh.t('common.demo')).toBe('示例');
    const enI18n = await createI18n('fr-FR');
    expect(enI18n.language).toBe('en');
    expect(enI18n.t('sidebar.enableSite', { origin: 'https://a.example/?x=1&y=<2>' })).toBe('Use Upfront on https://a.example/?x=1&y=<2>');
  });

  it('gives each page its own instance', async () => {
    const a = await createI18n('en');
    const b = await createI18n('zh-CN');
    expect(a.t('common.demo')).toBe('Demo');
    expect(b.t('common.demo')).not.toBe('Demo');
  });
});
