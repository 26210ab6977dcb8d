import { describe, expect, it } from 'vitest';
import { completeness, deckTextFields } from '../../lib/cards/translations';
import { demoBundle } from '../../lib/demo/deck';
import { deckProblems } from '../../lib/readiness';
import type { Card } from '../../lib/schema/card';
import type { ReturnPolicy } from '../../lib/schema/policy';
import { NOW } from './helpers';

/**
 * Issue 21, point 4: the readiness check and the Translations section count the same texts, so
 * "ready" never sits beside "missing". Every missing text in every deck language is a problem.
 */
const LANGUAGE_CODES = new Set(['name-language', 'caveat-language', 'text-language']);

function agree(deck: ReturnType<typeof demoBundle>['deck'], cards: Card[], policies: ReturnPolicy[]) {
  const problems = deckProblems(deck, cards, policies).filter((p) => LANGUAGE_CODES.has(p.code));
  const fields = deckTextFields(deck, cards, policies);
  for (const c of completeness(fields, deck.languages)) {
    expect(problems.filter((p) => p.language === c.language), c.language).toHaveLength(c.total - c.filled);
  }
  return problems;
}

describe('readiness and translations agree', () => {
  it('lists the policy condition and exceptions, notes and fit advice missing in a deck language', () => {
    const demo = demoBundle(NOW);
    const deck = { ...demo.deck, languages: ['en', 'zh-CN', 'es'] };
    const problems = agree(deck, demo.cards, demo.policies);
    const es = problems.filter((p) => p.language === 'es');
    expect(es.length).toBeGreaterThan(5);
    // The texts the issue found in English inside a Spanish sentence.
    expect(es.filter((p) => p.code === 'text-language').map((p) => p.text?.kind)).toEqual(expect.arrayContaining(['condition', 'exceptions', 'note', 'fitAdvice']));
    expect(es.every((p) => p.field !== undefined)).toBe(true);
  });

  it('agrees for the demo deck as shipped, a one-language deck, and a deck missing every translation', () => {
    const demo = demoBundle(NOW);
    agree(demo.deck, demo.cards, demo.policies);
    agree({ ...demo.deck, languages: ['en'] }, demo.cards, demo.policies);
    agree({ ...demo.deck, languages: ['ja', 'en'] }, demo.cards, demo.policies);
  });
});
