import { policySummary } from '../cards/policy-summary';
import type { ReturnPolicy } from '../schema/policy';
// Only the policy sentences: a named import keeps the rest of each locale out of the bundle.
import { policy as en } from '../i18n/locales/en.json';
import { policy as es } from '../i18n/locales/es.json';
import { policy as ja } from '../i18n/locales/ja.json';
import { policy as zhCN } from '../i18n/locales/zh-CN.json';

const SENTENCES: Record<string, Record<string, string>> = { en, es, ja, 'zh-CN': zhCN };

/**
 * The return-policy paragraph the host read out, in the language an event records it was shown
 * in: the producer's own summary in that language, else the one Upfront writes from the policy's
 * fields (the same words the sidebar showed, from the same locale strings). For logs: the CSV's
 * item_text and the studio's timeline. Works without i18next, so the background can write it.
 */
export function policyText(policy: ReturnPolicy, language: string): string {
  const sentences = SENTENCES[language] ?? SENTENCES.en;
  const t = (key: string, values: Record<string, unknown> = {}) =>
    (sentences[key.replace(/^policy\./, '')] ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
  return policySummary(policy, language, t);
}
