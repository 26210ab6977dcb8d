/**
 * Risky terms in a deck's texts (issue 20): every card and policy text, in every deck language,
 * checked against the deck market's list (lib/markets/risky-terms.ts). A flag the producer
 * accepted with a reason is kept on the card (or the policy) as an AcceptedTerm and comes back
 * here marked accepted, so the readiness check stops counting it but still lists it.
 */
import { findRiskyTerms, riskyTerms } from '../markets/risky-terms';
import type { AcceptedTerm, Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import { cardTextFields, policyTextFields, type TextField, type TextKind } from '../cards/translations';

export interface TermFlag {
  owner: 'card' | 'policy';
  ownerId: string;
  /** Which text, by a key that survives reordering (see fieldKey). */
  field: string;
  kind: TextKind;
  n: number;
  language: string;
  term: string;
  accepted?: AcceptedTerm;
}

/**
 * A text's stable key: by the id of the caveat, note, measurement or don't-say item it belongs
 * to, so an accepted term stays with its text when the items are reordered.
 */
export function fieldKey(field: TextField, owner: Card | ReturnPolicy): string {
  if (field.owner === 'policy') return field.kind;
  const card = owner as Card;
  const at = (k: number) => field.path[k] as number;
  switch (field.kind) {
    case 'caveat':
      return `caveat:${card.caveats[at(1)]?.id}`;
    case 'note':
      return `note:${card.notes[at(1)]?.id}`;
    case 'measurement':
      return `measurement:${card.sizeChart?.measurements[at(2)]?.id}`;
    case 'modelFit':
      return `modelFit:${at(2)}`;
    case 'dontSayClaim':
    case 'dontSaySay':
      return `dontSay:${card.dontSay?.[at(1)]?.id}`;
    default:
      return field.kind;
  }
}

/** The claim itself is the risky wording by design: it is what the host is told not to say. */
const SCANNED = (kind: TextKind) => kind !== 'dontSayClaim';

function flagsOf(owner: Card | ReturnPolicy, fields: readonly TextField[], market: string | undefined, languages: readonly string[]): TermFlag[] {
  const out: TermFlag[] = [];
  const accepted = owner.acceptedTerms ?? [];
  for (const language of languages) {
    const terms = riskyTerms(market, language);
    if (terms.length === 0) continue;
    for (const f of fields) {
      if (!SCANNED(f.kind)) continue;
      const text = f.value[language];
      if (!text) continue;
      const key = fieldKey(f, owner);
      for (const term of findRiskyTerms(text, terms)) {
        const ok = accepted.find((a) => a.term === term && a.field === key && a.language === language);
        out.push({ owner: f.owner, ownerId: owner.id, field: key, kind: f.kind, n: f.n, language, term, ...(ok ? { accepted: ok } : {}) });
      }
    }
  }
  return out;
}

export function cardTermFlags(card: Card, market: string | undefined, languages: readonly string[]): TermFlag[] {
  return flagsOf(card, cardTextFields(card), market, languages);
}

export function policyTermFlags(policy: ReturnPolicy, market: string | undefined, languages: readonly string[]): TermFlag[] {
  return flagsOf(policy, policyTextFields(policy), market, languages);
}

/**
 * The card or policy with the flag accepted: the term, the text and the language, the reason
 * and when. Accepting the same flag again replaces its reason.
 */
export function acceptTerm<T extends Card | ReturnPolicy>(owner: T, flag: Pick<TermFlag, 'term' | 'field' | 'language'>, reason: string, now: number): T {
  const others = (owner.acceptedTerms ?? []).filter((a) => !(a.term === flag.term && a.field === flag.field && a.language === flag.language));
  return { ...owner, acceptedTerms: [...others, { term: flag.term, field: flag.field, language: flag.language, reason: reason.trim(), at: now }] };
}
