import { describe, expect, it } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { acceptTerm, cardTermFlags, policyTermFlags } from '../../lib/dont-say/term-flags';
import { findRiskyTerms, riskyTerms } from '../../lib/markets/risky-terms';
import { acceptedTermFlags, deckProblems } from '../../lib/readiness';
import type { Card } from '../../lib/schema/card';
import type { Deck } from '../../lib/schema/deck';
import { NOW } from './helpers';

const EN = riskyTerms('GB', 'en');

describe('risky-term lists per market and language', () => {
  it('gives China the Advertising Law’s absolute terms in Chinese, and the EU, UK and US the misleading claims in English', () => {
    expect(riskyTerms('CN', 'zh-CN')).toEqual(expect.arrayContaining(['最', '第一', '国家级', '最佳', '最高级', '顶级', '极品', '万能']));
    for (const market of ['EU', 'DE', 'GB', 'US']) {
      expect(riskyTerms(market, 'en')).toEqual(expect.arrayContaining(['waterproof', '100% cashmere', 'hypoallergenic', 'guaranteed', 'best', 'No. 1', 'clinically proven', 'eco-friendly']));
    }
    expect(riskyTerms('US', 'es')).toContain('impermeable');
    expect(riskyTerms('EU', 'ja')).toContain('防水');
    expect(riskyTerms('JP', 'ja')).toContain('日本一');
  });

  it('has no list where none is sourced: a Korean market, or Chinese text on a US deck', () => {
    expect(riskyTerms('KR', 'ko')).toEqual([]);
    expect(riskyTerms('US', 'zh-CN')).toEqual([]);
    expect(riskyTerms(undefined, 'en')).toEqual([]);
  });
});

describe('matching', () => {
  it('matches Latin-script terms as whole words, ignoring case', () => {
    expect(findRiskyTerms('The BEST hoodie of the year', EN)).toEqual(['best']);
    expect(findRiskyTerms('Our bestseller, best-in-class', EN)).toEqual(['best']);
    expect(findRiskyTerms('A bestseller', EN)).toEqual([]);
    expect(findRiskyTerms('Waterproofing spray included', EN)).toEqual([]);
    expect(findRiskyTerms('Fully Waterproof.', EN)).toEqual(['waterproof']);
  });

  it('allows the spacing people write: "No.1", "No. 1", "100 % cashmere", "eco friendly"', () => {
    expect(findRiskyTerms('No.1 in the UK', EN)).toEqual(['No. 1']);
    expect(findRiskyTerms('no. 1 choice', EN)).toEqual(['No. 1']);
    expect(findRiskyTerms('No. 12 in the chart', EN)).toEqual([]);
    expect(findRiskyTerms('Knitted from 100 % Cashmere', EN)).toEqual(['100% cashmere']);
    expect(findRiskyTerms('An eco friendly bag, ecofriendly too', EN)).toEqual(['eco-friendly']);
  });

  it('folds accents and full-width forms: "hipoalergenico", "Ｎｏ．１"', () => {
    expect(findRiskyTerms('Tejido hipoalergenico', riskyTerms('ES', 'es'))).toEqual(['hipoalergénico']);
    expect(findRiskyTerms('人気Ｎｏ．１', riskyTerms('JP', 'ja'))).toEqual(['No.1']);
  });

  it('matches Chinese and Japanese terms anywhere in the text, one flag per claim', () => {
    const zh = riskyTerms('CN', 'zh-CN');
    expect(findRiskyTerms('全网最佳的羽绒服', zh)).toEqual(['最佳']);
    expect(findRiskyTerms('销量第一，顶级面料', zh)).toEqual(['第一', '顶级']);
    expect(findRiskyTerms('最佳面料，最适合冬天', zh)).toEqual(['最', '最佳']);
    expect(findRiskyTerms('舒适保暖', zh)).toEqual([]);
    expect(findRiskyTerms('完全防水のジャケット', riskyTerms('JP', 'ja'))).toEqual(['完全防水']);
    expect(findRiskyTerms('完全防水のジャケット', riskyTerms('EU', 'ja'))).toEqual(['完全防水']);
  });

  it('finds an English term inside Chinese text', () => {
    expect(findRiskyTerms('这款No.1面霜', EN)).toEqual(['No. 1']);
  });
});

function bundle(market: string, languages: string[], patch: (c: Card) => Card) {
  const b = demoBundle(NOW);
  const deck: Deck = { ...b.deck, market, languages };
  const cards = b.cards.map((c) => (c.id === 'demo-card-hoodie' ? patch(c) : c));
  return { deck, cards, policies: b.policies };
}

const risky = (deck: Deck, cards: Card[], policies: ReturnType<typeof demoBundle>['policies']) => deckProblems(deck, cards, policies).filter((p) => p.code === 'risky-term');

describe('readiness flags', () => {
  it('flags a Chinese name on a CN deck, linked to the name in that language', () => {
    const { deck, cards, policies } = bundle('CN', ['zh-CN'], (c) => ({ ...c, name: { ...c.name, 'zh-CN': '最佳连帽衫' } }));
    expect(risky(deck, cards, policies)).toEqual([
      expect.objectContaining({ cardId: 'demo-card-hoodie', field: 'name', language: 'zh-CN', term: '最佳', termField: 'name' }),
    ]);
  });

  it('flags caveats, notes, fit advice and the say-instead wording in English on a GB deck, never the claim itself', () => {
    const { deck, cards, policies } = bundle('GB', ['en'], (c) => ({
      ...c,
      caveats: [{ ...c.caveats[0], text: { en: 'Guaranteed not to shrink' } }, ...c.caveats.slice(1)],
      notes: [{ ...c.notes[0], text: { en: 'Clinically proven softness' } }, ...c.notes.slice(1)],
      sizeChart: { ...c.sizeChart!, fitAdvice: { en: 'The best fit is your usual size' } },
      dontSay: [
        { id: 'ds-1', claim: { en: 'waterproof' }, say: { en: 'splash-resistant' } },
        { id: 'ds-2', claim: { en: '100% cashmere' }, say: { en: 'the best wool blend' } },
      ],
    }));
    const flags = risky(deck, cards, policies).map((p) => [p.field, p.termField, p.term]);
    expect(flags).toEqual(
      expect.arrayContaining([
        ['caveats', `caveat:${cards[0].caveats[0].id}`, 'guaranteed'],
        ['notes', `note:${cards[0].notes[0].id}`, 'clinically proven'],
        ['sizeChart', 'fitAdvice', 'best'],
        ['dontSay', 'dontSay:ds-2', 'best'],
      ]),
    );
    expect(flags.map((f) => f[2])).not.toContain('waterproof');
    expect(flags.map((f) => f[2])).not.toContain('100% cashmere');
  });

  it('flags a policy text on the policy, and an accepted term stops counting but stays listed with its reason', () => {
    const b = bundle('EU', ['en'], (c) => c);
    const policies = b.policies.map((p) => (p.id === b.deck.defaultPolicyId ? { ...p, condition: { en: 'Refund guaranteed if unworn' } } : p));
    const [flag] = risky(b.deck, b.cards, policies);
    expect(flag).toMatchObject({ field: 'policy', policyId: b.deck.defaultPolicyId, term: 'guaranteed', termField: 'condition' });
    const accepted = policies.map((p) => (p.id === flag.policyId ? acceptTerm(p, { term: 'guaranteed', field: 'condition', language: 'en' }, 'Our legal team approved it', NOW) : p));
    expect(risky(b.deck, b.cards, accepted)).toEqual([]);
    expect(acceptedTermFlags(b.deck, b.cards, accepted)).toEqual([
      expect.objectContaining({ owner: 'policy', term: 'guaranteed', accepted: { term: 'guaranteed', field: 'condition', language: 'en', reason: 'Our legal team approved it', at: NOW } }),
    ]);
  });

  it('keeps an accepted term with its caveat when caveats are reordered, and only for the language it was accepted in', () => {
    const card: Card = {
      ...demoBundle(NOW).cards[0],
      caveats: [
        { id: 'a', text: { en: 'Fine', 'zh-CN': '好' }, mustSay: false },
        { id: 'b', text: { en: 'The best for rain', 'zh-CN': '最佳雨衣' }, mustSay: false },
      ],
    };
    const accepted = acceptTerm(card, { term: 'best', field: 'caveat:b', language: 'en' }, 'Comparative test on file', NOW);
    const reordered = { ...accepted, caveats: [accepted.caveats[1], accepted.caveats[0]] };
    expect(cardTermFlags(reordered, 'GB', ['en']).map((f) => [f.field, f.accepted?.reason])).toEqual([['caveat:b', 'Comparative test on file']]);
    expect(cardTermFlags(reordered, 'CN', ['zh-CN']).map((f) => [f.field, f.term, f.accepted])).toEqual([['caveat:b', '最佳', undefined]]);
  });

  it('replaces the reason when the same flag is accepted again', () => {
    const policy = { ...demoBundle(NOW).policies[0], summary: { en: 'Best returns in town' } };
    const once = acceptTerm(policy, { term: 'best', field: 'summary', language: 'en' }, 'first', NOW);
    const twice = acceptTerm(once, { term: 'best', field: 'summary', language: 'en' }, 'second', NOW + 1);
    expect(twice.acceptedTerms).toEqual([{ term: 'best', field: 'summary', language: 'en', reason: 'second', at: NOW + 1 }]);
    expect(policyTermFlags(twice, 'EU', ['en'])[0].accepted?.reason).toBe('second');
  });
});
