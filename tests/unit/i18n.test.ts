import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, createI18n, isUiLanguage, pickUiLanguage, resources, uiLanguageFor } from '../../lib/i18n';
import { flatten, parity, pluralCategoriesOf, type Tree } from '../../lib/i18n/parity';
import { UI_LANGUAGE_KEY, initialUiLanguage, syncUiLanguage, type PreferenceArea } from '../../lib/i18n/preference';

const DIR = join(__dirname, '../../lib/i18n/locales');
const load = (file: string) => flatten(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Tree);

const en = load('en.json');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const others = files.filter((f) => f !== 'en.json');
const languageOf = (file: string) => file.replace(/\.json$/, '');

describe('locales', () => {
  it('ships English, Simplified Chinese, Spanish and Japanese at least', () => {
    expect(files.map(languageOf)).toEqual(expect.arrayContaining(['en', 'zh-CN', 'es', 'ja']));
  });

  // The guard: a key added to en.json (by any work) fails here until every locale has it.
  it.each(others)('%s has every key of en.json, in its own plural forms, and no others', (file) => {
    const r = parity(en, load(file), languageOf(file));
    expect({ missing: r.missing, extra: r.extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(others)('%s keeps the {{placeholders}} of en.json', (file) => {
    expect(parity(en, load(file), languageOf(file)).placeholderMismatch).toEqual([]);
  });

  it.each(['es.json', 'ja.json'])('%s has only the plural forms its language uses', (file) => {
    expect(parity(en, load(file), languageOf(file)).unusedForms).toEqual([]);
  });

  it.each(files)('%s has no empty texts', (file) => {
    const empty = [...load(file)].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('serves every locale file it ships', () => {
    const names = files.map(languageOf);
    expect([...UI_LANGUAGES].sort()).toEqual(names.sort());
    expect(Object.keys(resources).sort()).toEqual(names.sort());
  });

  it('names each language in itself', () => {
    const names = Object.fromEntries(files.map((f) => [languageOf(f), load(f).get('language.name')]));
    expect(names).toMatchObject({ en: 'English', 'zh-CN': '简体中文', es: 'Español', ja: '日本語' });
  });
});

describe('_locales (extension name, description, dock strings)', () => {
  const LOC = join(__dirname, '../../public/_locales');
  const keysOf = (dir: string) => Object.keys(JSON.parse(readFileSync(join(LOC, dir, 'messages.json'), 'utf8'))).sort();
  it('has English, Chinese, Spanish and Japanese with the same messages', () => {
    const dirs = readdirSync(LOC).sort();
    expect(dirs).toEqual(expect.arrayContaining(['en', 'zh_CN', 'es', 'ja']));
    for (const d of dirs) expect(keysOf(d), d).toEqual(keysOf('en'));
  });
});

describe('parity check (can fail)', () => {
  const base = new Map([
    ['a', 'A'],
    ['n_one', '{{count}} thing'],
    ['n_other', '{{count}} things'],
  ]);
  it('reports a missing key and a missing plural form of the language', () => {
    expect(parity(base, new Map([['n_one', 'x']]), 'es').missing).toEqual(['a', 'n_many', 'n_other']);
    expect(parity(base, new Map([['a', 'x'], ['n_other', '{{count}} 個']]), 'ja').missing).toEqual([]);
    expect(parity(base, new Map([['a', 'x'], ['n', '{{count}} 个']]), 'zh-CN').missing).toEqual([]);
  });
  it('reports extra keys, wrong placeholders and forms a language never uses', () => {
    const r = parity(base, new Map([['a', '{{oops}}'], ['b', 'x'], ['n_one', '{{count}}'], ['n_other', '{{cnt}}']]), 'ja');
    expect(r.extra).toEqual(['b']);
    expect(r.placeholderMismatch).toEqual(['a', 'n_other']);
    expect(r.unusedForms).toEqual(['n_one']);
  });
  it('knows each language’s plural categories', () => {
    expect(pluralCategoriesOf('es')).toEqual(expect.arrayContaining(['one', 'many', 'other']));
    expect(pluralCategoriesOf('ja')).toEqual(['other']);
  });
});

describe('pickUiLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['es', 'es'],
    ['es-419', 'es'],
    ['es-MX', 'es'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('picks %s → %s', (browser, picked) => {
    expect(pickUiLanguage(browser)).toBe(picked);
  });

  it('recognises only shipped languages', () => {
    expect(isUiLanguage('es')).toBe(true);
    expect(isUiLanguage('fr')).toBe(false);
    expect(isUiLanguage(42)).toBe(false);
    expect(uiLanguageFor('th')).toBeUndefined();
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

  it('uses each language’s plural forms', async () => {
    const es = await createI18n('es');
    expect(es.t('products.problemCount', { count: 1 })).toBe('1 problema');
    expect(es.t('products.problemCount', { count: 3 })).toBe('3 problemas');
    expect(es.t('products.problemCount', { count: 1_000_000 })).toBe('1000000 problemas');
    const ja = await createI18n('ja');
    expect(ja.t('products.problemCount', { count: 1 })).toBe('問題 1 件');
    expect(ja.t('recap.products', { count: 1 })).toBe('1 商品');
  });
});

/** An in-memory storage.local with onChanged semantics (fires only for a changed value). */
function fakeArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  const listeners = new Set<(c: Record<string, { newValue?: unknown }>) => void>();
  const area: PreferenceArea = {
    async get(key) {
      return key in data ? { [key]: data[key] } : {};
    },
    async set(items) {
      const changes: Record<string, { newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items))
        if (data[k] !== v) {
          data[k] = v;
          changes[k] = { newValue: v };
        }
      if (Object.keys(changes).length) listeners.forEach((l) => l(changes));
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { area, data };
}

describe('the remembered interface language', () => {
  it('starts from the stored choice, else the browser’s language', async () => {
    expect(await initialUiLanguage(fakeArea().area, 'ja-JP')).toBe('ja');
    expect(await initialUiLanguage(fakeArea({ [UI_LANGUAGE_KEY]: 'es' }).area, 'ja-JP')).toBe('es');
    // A stored value Upfront no longer speaks is ignored.
    expect(await initialUiLanguage(fakeArea({ [UI_LANGUAGE_KEY]: 'xx' }).area, 'zh-CN')).toBe('zh-CN');
  });

  it('stores a switch and applies it live in every other open page', async () => {
    const { area, data } = fakeArea();
    const sidebar = await createI18n('en');
    const studio = await createI18n('en');
    const stop1 = syncUiLanguage(sidebar, area);
    const applied: string[] = [];
    const stop2 = syncUiLanguage(studio, area, (l) => applied.push(l));
    await sidebar.changeLanguage('es');
    await new Promise((r) => setTimeout(r, 0));
    expect(data[UI_LANGUAGE_KEY]).toBe('es');
    expect(studio.language).toBe('es');
    expect(studio.t('common.close')).toBe('Cerrar');
    expect(applied).toEqual(['es']);
    await studio.changeLanguage('ja');
    await new Promise((r) => setTimeout(r, 0));
    expect(sidebar.language).toBe('ja');
    stop1();
    stop2();
  });
});
