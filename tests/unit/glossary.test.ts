import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/locales/en.json';
import zh from '../../lib/i18n/locales/zh-CN.json';

/**
 * One word per idea in Chinese, as in English (issue 21, point 12): a deck is 直播脚本 and a
 * must-say item is 必须口播 everywhere the producer or host reads them — the interface, the docs
 * and the export files. The other words once used for the same ideas fail here.
 */
const GLOSSARY = [
  { english: /\bdecks?\b/i, chinese: '直播脚本', not: ['卡组', '节目单', '商品组', '脚本组'] },
  { english: /\bmust-say\b/i, chinese: '必须口播', not: ['必须说明', '必说', '必须讲'] },
];

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return textFiles(file);
    return /\.(md|json|csv|ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe('Chinese glossary', () => {
  const zhStrings = flatten(zh as Tree);
  const enStrings = flatten(en as Tree);

  it('uses no other word for a deck or a must-say item in the interface', () => {
    const wrong = [...zhStrings].filter(([, v]) => GLOSSARY.some((g) => g.not.some((w) => v.includes(w))));
    expect(wrong).toEqual([]);
  });

  it('says 直播脚本 and 必须口播 wherever the English says deck and must-say', () => {
    const missing: string[] = [];
    for (const [key, english] of enStrings) {
      for (const g of GLOSSARY) {
        if (g.english.test(english.replace(/\{\{\w+\}\}/g, '')) && !(zhStrings.get(key) ?? '').includes(g.chinese)) missing.push(`${key}: ${zhStrings.get(key)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses no other word in the docs, the README or the code that writes export files', () => {
    const files = [...textFiles('docs'), 'README.md', ...textFiles('lib/export'), ...textFiles('lib/deckfile')];
    const wrong = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return GLOSSARY.flatMap((g) => g.not.filter((w) => text.includes(w)).map((w) => `${file}: ${w}`));
    });
    expect(wrong).toEqual([]);
  });
});
