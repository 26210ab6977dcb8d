/**
 * Risky terms per market and language (issue 20): words a host or a card must not use unless
 * the claim is substantiated, because the market's advertising or consumer law treats them as
 * banned or misleading. The studio's readiness check flags card and policy texts that use them
 * (lib/dont-say/term-flags.ts); the producer may keep one on purpose, with a reason.
 *
 * The lists are a starting point for a producer's own judgement, not legal advice. Sources:
 *
 * China (market CN), zh-CN — 《中华人民共和国广告法》(Advertising Law of the PRC, 2015, amended
 *   2021) art. 9(3): advertisements shall not "使用'国家级'、'最高级'、'最佳'等用语"; art. 57 sets
 *   the fines. 国家市场监督管理总局《广告绝对化用语执法指南》(SAMR, Enforcement Guidelines on
 *   Absolute Terms in Advertising, 2023-02-25) lists the family: 最, 第一, 唯一, 顶级, 极品, 首选,
 *   万能… Art. 17 (no curative claims for non-medical goods) is why 治愈 / 根治 are listed.
 *   Live commerce: 《网络直播营销管理办法（试行）》(2021) art. 18 and 直播电商监督管理办法 (in force
 *   2026-02-01) apply the same rules to what a host says on air.
 * EU — Unfair Commercial Practices Directive 2005/29/EC art. 6 (misleading actions) and Annex I;
 *   Directive (EU) 2024/825 (empowering consumers for the green transition) adds to Annex I
 *   "generic environmental claims" without recognised excellent environmental performance
 *   ("eco-friendly", "green", "climate neutral"), applying from 2026-09-27.
 * UK — Digital Markets, Competition and Consumers Act 2024 (Part 4, misleading actions) and the
 *   CMA's Green Claims Code (2021); CAP Code rule 3.7 (claims need documentary evidence) and 3.31
 *   ("No. 1", "best" need proof of superiority).
 * US — FTC Act §5; FTC Green Guides, 16 CFR 260.4 (unqualified general environmental benefit
 *   claims); Wool Products Labeling Act and 16 CFR 300.19 (what "cashmere" may be called);
 *   FTC Health Products Compliance Guidance (2022) for "clinically proven"; 21 CFR 201.327(g)
 *   (sunscreens may not say "waterproof"); FDA: "hypoallergenic" has no federal standard.
 * Japan (market JP), ja — 不当景品類及び不当表示防止法 (Act against Unjustifiable Premiums and
 *   Misleading Representations) art. 5(i) (優良誤認表示: "日本一", "No.1" without evidence);
 *   医薬品医療機器等法 (PMD Act) art. 66 for curative claims (治る).
 * Spanish (es) — the same claims as the English list, as they are made in Spanish, for EU and US
 *   decks written in Spanish (Ley 3/1991 de Competencia Desleal art. 5 transposes 2005/29/EC).
 */
import { marketProfile } from './index';

/** Which body of rules a market's list comes from. */
type LawFamily = 'cn' | 'west' | 'jp';

interface TermList {
  /** BCP 47 primary language the terms are written in ("zh" covers zh-CN). */
  language: string;
  families: readonly LawFamily[];
  terms: readonly string[];
}

const LISTS: readonly TermList[] = [
  {
    language: 'zh',
    families: ['cn'],
    terms: ['最', '第一', '国家级', '最佳', '最高级', '顶级', '极品', '万能', '唯一', '首选', '独家', '绝对', '永久', '王牌', '史无前例', '全网最低', '治愈', '根治'],
  },
  {
    language: 'en',
    families: ['west', 'cn'],
    terms: [
      'waterproof',
      '100% cashmere',
      'hypoallergenic',
      'guaranteed',
      'best',
      'No. 1',
      'number one',
      'clinically proven',
      'eco-friendly',
      'environmentally friendly',
      'climate neutral',
      'non-toxic',
      'cures',
    ],
  },
  {
    language: 'es',
    families: ['west'],
    terms: ['impermeable', '100% cachemira', 'hipoalergénico', 'hipoalergénica', 'garantizado', 'garantizada', 'el mejor', 'la mejor', 'número uno', 'nº 1', 'clínicamente probado', 'ecológico', 'ecológica', 'respetuoso con el medio ambiente'],
  },
  {
    language: 'ja',
    families: ['west', 'jp'],
    terms: ['完全防水', '防水', 'カシミヤ100%', '低刺激', 'アレルギーフリー', '保証', '最高', '日本一', '世界一', 'No.1', 'ナンバーワン', '臨床試験済み', 'エコ', '環境にやさしい', '治る'],
  },
];

function familyOf(market: string | undefined): LawFamily | undefined {
  const rule = marketProfile(market)?.rule;
  if (rule === 'cn') return 'cn';
  if (rule === 'jp') return 'jp';
  if (rule === 'eu' || rule === 'uk' || rule === 'us') return 'west';
  return undefined;
}

const primary = (language: string) => language.toLowerCase().split('-')[0];

/** The risky terms for a deck's market in one of its languages; none where no list applies. */
export function riskyTerms(market: string | undefined, language: string): string[] {
  const family = familyOf(market);
  if (!family) return [];
  const lang = primary(language);
  return LISTS.filter((l) => l.language === lang && l.families.includes(family)).flatMap((l) => l.terms);
}

/** Chinese, Japanese and Korean scripts: no spaces between words, so a term matches anywhere. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Folds case, width (Ｎｏ．１ → No.1) and Latin accents, so "Hipoalergenico" finds "hipoalergénico". */
export function foldText(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A term as a pattern over folded text. Latin-script terms match whole words only ("best" is
 * not in "bestseller"), where a word boundary is a Latin letter or digit, so a term written
 * inside Chinese or Japanese text still matches; spacing around punctuation and digits may
 * vary ("No.1", "No. 1", "100 % cashmere") and a hyphen may be a space or nothing.
 */
function termPattern(term: string): RegExp {
  const folded = foldText(term).trim();
  if (CJK.test(folded)) {
    return new RegExp([...folded].map((c) => (c === '%' ? '\\s*%' : escape(c))).join(''), 'u');
  }
  let body = '';
  const chars = [...folded];
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (c === ' ') body += /\p{L}/u.test(prev ?? '') && /\p{L}/u.test(chars[i + 1] ?? '') ? '\\s+' : '\\s*';
    else if (c === '-') body += '[-\\s]?';
    else {
      // Loose spacing next to punctuation and between a digit and a sign ("100 %", "No. 1").
      if (prev && prev !== ' ' && prev !== '-' && (/[^\p{L}]/u.test(prev) || /[^\p{L}\p{N}]/u.test(c))) body += '\\s*';
      body += escape(c);
    }
  });
  return new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${body}(?![\\p{Script=Latin}\\p{N}])`, 'u');
}

const patterns = new Map<string, RegExp>();
function patternOf(term: string): RegExp {
  let p = patterns.get(term);
  if (!p) {
    p = termPattern(term);
    patterns.set(term, p);
  }
  return p;
}

/**
 * The terms of `terms` that `text` uses, each once, in list order. A term found only as part of
 * a longer term also found ("最" inside "最佳", "防水" inside "完全防水") is left out: one flag
 * per claim.
 */
export function findRiskyTerms(text: string, terms: readonly string[]): string[] {
  if (text.trim() === '' || terms.length === 0) return [];
  const folded = foldText(text);
  const found = terms.filter((term) => patternOf(term).test(folded));
  const longer = found.map(foldText);
  return found.filter((term) => {
    const f = foldText(term);
    if (!CJK.test(f)) return true;
    const within = longer.filter((l) => l !== f && l.includes(f));
    // Still flagged when it also stands on its own elsewhere in the text.
    return within.length === 0 || folded.split(f).length - 1 > within.reduce((n, l) => n + folded.split(l).length - 1, 0);
  });
}
