import type { LocalizedText } from '../schema/common';

export interface ResolvedText {
  text: string;
  /** The language the text is actually in. */
  language: string;
  /** True when the wanted language was missing and another was used. */
  fallback: boolean;
}

/**
 * The text in the wanted language, else the first of the fallbacks that has it, else any.
 * The caller shows `fallback` so a missing translation is never silent.
 */
export function localize(text: LocalizedText | undefined, wanted: string, fallbacks: readonly string[] = []): ResolvedText | undefined {
  if (!text) return undefined;
  const has = (l: string) => typeof text[l] === 'string' && text[l].trim() !== '';
  if (has(wanted)) return { text: text[wanted], language: wanted, fallback: false };
  for (const l of fallbacks) if (has(l)) return { text: text[l], language: l, fallback: true };
  const any = Object.keys(text).find(has);
  return any ? { text: text[any], language: any, fallback: true } : undefined;
}
