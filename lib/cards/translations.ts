/**
 * Translation completeness for a deck: every host-facing text of its cards and their return
 * policies (lib/schema: LocalizedText), counted per deck language, and a way to fill one gap.
 * The studio's translations section (components/studio/translations) is built on this.
 */
import type { Card } from '../schema/card';
import type { LocalizedText } from '../schema/common';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';
import { effectivePolicyId } from './items';

export type TextKind = 'name' | 'measurement' | 'fitAdvice' | 'modelFit' | 'caveat' | 'note' | 'dontSayClaim' | 'dontSaySay' | 'condition' | 'exceptions' | 'summary';

export interface TextField {
  owner: 'card' | 'policy';
  ownerId: string;
  /** Where the LocalizedText sits inside the card or policy: property names and array indexes. */
  path: readonly (string | number)[];
  kind: TextKind;
  /** 1-based position among fields of the same kind (caveat 2, note 1), for labels. */
  n: number;
  value: LocalizedText;
  /** A must-say caveat: the one gap the readiness check already blocks on. */
  mustSay?: boolean;
}

const has = (text: LocalizedText | undefined, language: string) => typeof text?.[language] === 'string' && text[language].trim() !== '';

/** Every host-facing text of a card, in the order the sidebar shows them. */
export function cardTextFields(card: Card): TextField[] {
  const f: TextField[] = [];
  const base = { owner: 'card' as const, ownerId: card.id };
  f.push({ ...base, path: ['name'], kind: 'name', n: 1, value: card.name });
  card.caveats.forEach((c, i) => f.push({ ...base, path: ['caveats', i, 'text'], kind: 'caveat', n: i + 1, value: c.text, mustSay: c.mustSay }));
  const chart = card.sizeChart;
  if (chart) {
    chart.measurements.forEach((m, i) => f.push({ ...base, path: ['sizeChart', 'measurements', i, 'label'], kind: 'measurement', n: i + 1, value: m.label }));
    if (chart.fitAdvice) f.push({ ...base, path: ['sizeChart', 'fitAdvice'], kind: 'fitAdvice', n: 1, value: chart.fitAdvice });
    chart.modelRefs?.forEach((m, i) => {
      if (m.fit) f.push({ ...base, path: ['sizeChart', 'modelRefs', i, 'fit'], kind: 'modelFit', n: i + 1, value: m.fit });
    });
  }
  card.notes.forEach((nt, i) => f.push({ ...base, path: ['notes', i, 'text'], kind: 'note', n: i + 1, value: nt.text }));
  // Issue 20: what not to say, and what to say instead.
  (card.dontSay ?? []).forEach((d, i) => {
    f.push({ ...base, path: ['dontSay', i, 'claim'], kind: 'dontSayClaim', n: i + 1, value: d.claim });
    if (d.say) f.push({ ...base, path: ['dontSay', i, 'say'], kind: 'dontSaySay', n: i + 1, value: d.say });
  });
  return f;
}

/** A policy's texts. The summary counts only when the producer wrote one (else it is generated). */
export function policyTextFields(policy: ReturnPolicy): TextField[] {
  const base = { owner: 'policy' as const, ownerId: policy.id, n: 1 };
  const f: TextField[] = [];
  if (policy.condition) f.push({ ...base, path: ['condition'], kind: 'condition', value: policy.condition });
  if (policy.exceptions) f.push({ ...base, path: ['exceptions'], kind: 'exceptions', value: policy.exceptions });
  if (policy.summary) f.push({ ...base, path: ['summary'], kind: 'summary', value: policy.summary });
  return f;
}

/** The cards of a deck in run-sheet order, and the policies they are sold under. */
export function deckContents(deck: Deck, cards: readonly Card[], policies: readonly ReturnPolicy[]): { cards: Card[]; policies: ReturnPolicy[] } {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const deckCards = deck.cardIds.map((id) => byId.get(id)).filter((c): c is Card => c !== undefined);
  const policyIds = new Set(deckCards.map((c) => effectivePolicyId(c, deck.defaultPolicyId)).filter((id): id is string => id !== undefined));
  if (deck.defaultPolicyId) policyIds.add(deck.defaultPolicyId);
  return { cards: deckCards, policies: policies.filter((p) => policyIds.has(p.id)) };
}

export function deckTextFields(deck: Deck, cards: readonly Card[], policies: readonly ReturnPolicy[]): TextField[] {
  const c = deckContents(deck, cards, policies);
  return [...c.cards.flatMap(cardTextFields), ...c.policies.flatMap(policyTextFields)];
}

export interface Completeness {
  language: string;
  filled: number;
  total: number;
  /** 0–100, rounded down so 99.6 % does not read as done. */
  percent: number;
}

export function completeness(fields: readonly TextField[], languages: readonly string[]): Completeness[] {
  return languages.map((language) => {
    const filled = fields.filter((f) => has(f.value, language)).length;
    const total = fields.length;
    return { language, filled, total, percent: total === 0 ? 100 : Math.floor((filled / total) * 100) };
  });
}

export const isMissing = (field: TextField, language: string) => !has(field.value, language);

/** The text to translate from: the chosen source language, else the first language that has it. */
export function sourceText(field: TextField, preferred: readonly string[]): { language: string; text: string } | undefined {
  for (const l of preferred) if (has(field.value, l)) return { language: l, text: field.value[l] };
  const any = Object.keys(field.value).find((l) => has(field.value, l));
  return any ? { language: any, text: field.value[any] } : undefined;
}

/**
 * A copy of `owner` with one language of the text at `path` set (or removed when `text` is
 * blank). Removing the last language is refused: a LocalizedText needs at least one.
 */
export function withText<T extends Card | ReturnPolicy>(owner: T, path: readonly (string | number)[], language: string, text: string): T {
  const set = (node: unknown, i: number): unknown => {
    if (i === path.length) {
      const current = { ...(node as LocalizedText) };
      if (text.trim() === '') delete current[language];
      else current[language] = text;
      if (!Object.values(current).some((v) => v.trim() !== '')) throw new Error('a text needs at least one language');
      return current;
    }
    const key = path[i];
    if (Array.isArray(node)) return node.map((v, j) => (j === key ? set(v, i + 1) : v));
    const obj = node as Record<string, unknown>;
    if (!obj || !(key in obj)) throw new Error(`no text at ${path.join('.')}`);
    return { ...obj, [key]: set(obj[key], i + 1) };
  };
  return set(owner, 0) as T;
}
