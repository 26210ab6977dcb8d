/**
 * Locale-file parity, plural-aware: what a locale lacks or has extra compared with en.json.
 * Used by tests/unit/i18n.test.ts (the guard) and scripts/i18n-missing.ts (the to-do list for
 * whoever translates the keys other work added).
 *
 * i18next picks a plural form with Intl.PluralRules: English needs key_one and key_other,
 * Spanish also key_many (1 000 000 de …), Japanese and Chinese only key_other. A bare key
 * stands in for key_other. So plural keys are compared by base name and each locale must have
 * the categories its own language uses, not English's.
 */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const SUFFIX = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);

export type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → text. */
export function flatten(obj: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

export const placeholders = (text: string) => [...new Set([...text.matchAll(/{{\s*(\w+)[^}]*}}/g)].map((m) => m[1]))].sort();

/** Bases of keys that have plural forms: "products.problemCount" for problemCount_one/_other. */
export function pluralBases(keys: Iterable<string>): Set<string> {
  const bases = new Set<string>();
  for (const k of keys) {
    const m = SUFFIX.exec(k);
    if (m) bases.add(k.slice(0, m.index));
  }
  return bases;
}

/** The plural categories a language uses (CLDR, through Intl, as i18next does). */
export function pluralCategoriesOf(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories];
}

export interface ParityReport {
  /** Keys (or "base_category" plural forms) the locale lacks. */
  missing: string[];
  /** Keys en.json does not have. */
  extra: string[];
  /** Keys whose {{placeholders}} differ from English (a renamed or dropped variable). */
  placeholderMismatch: string[];
  /** Plural forms the language never uses (harmless, but a sign of copy-paste). */
  unusedForms: string[];
}

export function parity(en: Map<string, string>, locale: Map<string, string>, language: string): ParityReport {
  const bases = pluralBases(en.keys());
  const categories = pluralCategoriesOf(language);
  const baseOf = (k: string) => {
    const m = SUFFIX.exec(k);
    return m ? { base: k.slice(0, m.index), form: m[1] } : { base: k, form: undefined };
  };
  const missing: string[] = [];
  const extra: string[] = [];
  const placeholderMismatch: string[] = [];
  const unusedForms: string[] = [];

  // English placeholders per base, across all of its forms: a locale form may use fewer
  // ("un problema" has no {{count}}) but never one English does not pass.
  const enVars = new Map<string, Set<string>>();
  for (const [k, text] of en) {
    const { base } = bases.has(baseOf(k).base) ? baseOf(k) : { base: k };
    const set = enVars.get(base) ?? new Set<string>();
    for (const p of placeholders(text)) set.add(p);
    enVars.set(base, set);
  }

  for (const base of bases) {
    for (const c of categories) {
      if (!locale.has(`${base}_${c}`) && !(c === 'other' && locale.has(base))) missing.push(`${base}_${c}`);
    }
  }
  for (const k of en.keys()) {
    const { base, form } = baseOf(k);
    if (bases.has(base) && (form || k === base)) continue;
    // A translator may pluralise what English does not ("{{count}} must-say left").
    if (!locale.has(k) && !locale.has(`${k}_other`)) missing.push(k);
  }
  for (const [k, text] of locale) {
    const { base, form } = baseOf(k);
    const isPlural = form !== undefined && (bases.has(base) || en.has(base));
    if (isPlural) {
      if (!categories.includes(form)) unusedForms.push(k);
      const allowed = enVars.get(base) ?? new Set(placeholders(en.get(base) ?? ''));
      if (placeholders(text).some((p) => !allowed.has(p))) placeholderMismatch.push(k);
      continue;
    }
    if (bases.has(k)) {
      const allowed = enVars.get(k)!;
      if (placeholders(text).some((p) => !allowed.has(p))) placeholderMismatch.push(k);
      continue;
    }
    if (!en.has(k)) {
      extra.push(k);
      continue;
    }
    if (placeholders(text).join() !== placeholders(en.get(k)!).join()) placeholderMismatch.push(k);
  }
  return { missing: missing.sort(), extra: extra.sort(), placeholderMismatch: placeholderMismatch.sort(), unusedForms: unusedForms.sort() };
}
