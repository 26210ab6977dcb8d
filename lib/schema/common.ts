import { z } from '../zod';

/** BCP 47 tag such as "en", "zh-CN", "es". */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a language tag');

/**
 * Host-facing text, given per language: { "en": "Runs large", "zh-CN": "偏大" }.
 * At least one language must be present.
 */
export const LocalizedText = z
  .record(LanguageTag, z.string().max(2000))
  .refine((v) => Object.values(v).some((s) => s.trim() !== ''), 'text is empty in every language');
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Id = z.string().min(1).max(100);

/** Market codes: ISO 3166 alpha-2 where a country, plus "EU". */
export const MarketCode = z.string().regex(/^[A-Z]{2}$/, 'not a market code');
