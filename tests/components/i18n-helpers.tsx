import 'fake-indexeddb/auto';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../lib/i18n/locales/en.json';
import { UI_LANGUAGES } from '../../lib/i18n';
import { INTL_UNITS, unitLabel, type MeasureUnit } from '../../lib/format';
import { KEYMAP } from '../../lib/hotkeys';
import { PLATFORMS } from '../../lib/platforms';
import { languageName, regionName } from '../../lib/sessions/choices';

/**
 * A pseudo-locale: every text of en.json wrapped in ⟦ ⟧. Rendered with it, any text on screen
 * outside the brackets did not come from the locale files: a hard-coded string, a key missing
 * from en.json (i18next then shows the key), or text built by concatenation.
 */
type Tree = { [k: string]: string | Tree };
const wrap = (t: Tree): Tree => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? `⟦${v}⟧` : wrap(v)]));
export const pseudo = wrap(en as Tree);

export async function createPseudoI18n(): Promise<I18n> {
  const instance = i18next.createInstance();
  // Registered under every interface language, so text fixed to the viewer's language
  // (getFixedT) is checked too; no fallback, so a missing key shows as the bare key.
  await instance.use(initReactI18next).init({
    resources: Object.fromEntries(UI_LANGUAGES.map((l) => [l, { translation: pseudo }])),
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Every string leaf of some data (cards, decks, policies), longest first. */
export function dataStrings(...values: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.trim()) out.add(v.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * Words that legitimately come from neither the locale files nor the data: names Intl gives
 * (regions, languages, unit symbols, list connectives) for the codes on screen, platform names (proper nouns),
 * and key caps (a key is called what is printed on it).
 */
export function intlAndKeyWords(codes: { regions: string[]; languages: string[] }, locale = 'en'): string[] {
  return [
    // Market codes are shown beside their names ("Spain (ES)"): codes, not words.
    ...codes.regions,
    ...codes.regions.map((r) => regionName(r, locale)),
    ...codes.languages.map((l) => languageName(l, locale)),
    ...(Object.keys(INTL_UNITS) as MeasureUnit[]).map((u) => unitLabel(u, locale)),
    // Intl's list connectives ("A, B, and C").
    ...new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })
      .formatToParts(['a', 'b', 'c'])
      .filter((p) => p.type === 'literal')
      .map((p) => p.value.trim())
      .filter(Boolean),
    ...PLATFORMS.map((p) => p.name),
    ...KEYMAP.map(([k]) => k),
    'Esc',
  ].sort((a, b) => b.length - a.length);
}

/** Removes ⟦…⟧ spans, innermost first (a translated sentence may hold translated words). */
function stripPseudo(text: string): string {
  let prev: string;
  let s = text;
  do {
    prev = s;
    s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  } while (s !== prev);
  return s;
}

const ONLY_NEUTRAL = /^[\s\d\p{P}\p{S}]*$/u;

/**
 * Texts (text nodes and the attributes people read: aria-label, title, alt, placeholder) that
 * are not from the pseudo-locale, not data, and not numbers, punctuation or symbols.
 */
export function foreignTexts(root: ParentNode, allowed: readonly string[]): string[] {
  const bad: string[] = [];
  const check = (text: string) => {
    let rest = stripPseudo(text);
    // Data and Intl words only count as whole tokens, so "Shirt" data does not excuse "Shirts".
    for (const a of allowed) rest = rest.split(a).join(' ');
    if (!ONLY_NEUTRAL.test(rest)) bad.push(text.trim());
  };
  const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('kbd, script, style')) continue;
    if (n.textContent?.trim()) check(n.textContent);
  }
  for (const el of (root as Element).querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
      const v = el.getAttribute(attr);
      if (v?.trim()) check(v);
    }
  }
  return [...new Set(bad)];
}
