import type { ReasonKey } from '../types';

/**
 * Every platform's return reason normalised to one small set (the list in
 * docs/order-formats.md, "Reasons"), the raw code and text kept beside it. Codes are
 * matched first (TikTok's open-API codes, Shopify's enum and handles); texts by keywords in
 * English and Chinese. A text that fits two reasons, or one known to be ambiguous (尺码拍错: the
 * wrong size, or a change of mind?), goes to `other` with `needsReview` for a person to decide.
 */

export interface NormalisedReason {
  reason: ReasonKey;
  reasonCode?: string;
  reasonText?: string;
  needsReview?: boolean;
}

/** TikTok code suffixes (after `ecom_order_delivered_refund_reason_` or `buyer_return_and_refund_`). */
const TIKTOK: Record<string, ReasonKey> = {
  item_is_too_big: 'size_fit',
  item_is_too_long: 'size_fit',
  item_is_too_small: 'size_fit',
  item_is_too_short: 'size_fit',
  multiple_sizes_ordered: 'size_fit',
  ordered_incorrect_size: 'size_fit',
  quality_or_style_not_as_expected: 'material_quality',
  not_match_description: 'not_as_described',
  suspected_counterfeit: 'not_as_described',
  damaged: 'damaged_defective',
  defective: 'damaged_defective',
  missing_broken_parts: 'damaged_defective',
  product_is_expired: 'damaged_defective',
  no_need: 'changed_mind',
  does_not_suit_me: 'changed_mind',
  unauthorised_purchase: 'changed_mind',
  wrong_product_1: 'wrong_item',
  missing_product: 'wrong_item',
  not_received: 'late_not_received',
  missed_delivery_date: 'late_not_received',
  not_arrive_on_time: 'late_not_received',
  other: 'other',
};

/** Shopify's return reason enum and the newer reason-definition handles. */
const SHOPIFY: Record<string, ReasonKey> = {
  SIZE_TOO_LARGE: 'size_fit',
  SIZE_TOO_SMALL: 'size_fit',
  COLOR: 'colour_look',
  STYLE: 'colour_look',
  NOT_AS_DESCRIBED: 'not_as_described',
  DEFECTIVE: 'damaged_defective',
  UNWANTED: 'changed_mind',
  WRONG_ITEM: 'wrong_item',
  OTHER: 'other',
  UNKNOWN: 'other',
  'too-tight': 'size_fit',
  'too-loose': 'size_fit',
  'too-small': 'size_fit',
  'too-large': 'size_fit',
  'too-short': 'size_fit',
  'too-long': 'size_fit',
  quality: 'material_quality',
  'arrived-late': 'late_not_received',
  'not-as-described': 'not_as_described',
  defective: 'damaged_defective',
  damaged: 'damaged_defective',
  'wrong-item': 'wrong_item',
  'changed-mind': 'changed_mind',
  color: 'colour_look',
  style: 'colour_look',
  other: 'other',
};

/** A table lookup that a key such as "toString" or "__proto__" (from a file) cannot reach past. */
const lookup = (table: Record<string, ReasonKey>, key: string): ReasonKey | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const TIKTOK_PREFIX = /^(ecom_order_[a-z_]*?reason_|buyer_return_and_refund_|buyer_[a-z_]*?reason_)/;

/** A text that is known to be ambiguous between two reasons. */
const AMBIGUOUS = /尺码拍错|拍错尺码|尺寸拍错|ordered (the )?wrong size|wrong size ordered/i;

/** Keyword rules, in the order of the reference table. */
const WORDS: [ReasonKey, RegExp][] = [
  ['size_fit', /尺码|尺寸|大小|偏大|偏小|太大|太小|不合身|\bsize\b|too (big|small|large|long|short|tight|loose)|\bfit\b|talla|サイズ/i],
  ['colour_look', /颜色|款式|图案|色差|colou?r|\bstyle\b|\blook\b|色が|色違い/i],
  ['material_quality', /材质|面料|做工|质量|quality|material|fabric|calidad|品質|素材/i],
  ['not_as_described', /与描述不符|不符|描述|not as described|not match(ing)? (the )?description|description|counterfeit|fake|假货/i],
  ['damaged_defective', /破损|瑕疵|故障|污渍|损坏|坏了|damaged|defective|broken|faulty|expired|stain|dañado|defectuoso|破損|不良/i],
  ['changed_mind', /不想要|不喜欢|七天无理由|无理由|多拍|no longer need|not needed|no need|changed? (my )?mind|unwanted|does ?n[o']t suit|don'?t (like|want)|unauthori[sz]ed/i],
  ['wrong_item', /发错|少件|漏发|错发|wrong (item|product)|missing (item|product)|incorrect item/i],
  ['late_not_received', /未收到|没收到|延迟|迟到|物流太慢|not (been )?received|did ?n[o']t (receive|arrive)|never arrived|\blate\b|delay/i],
];

/**
 * Specific reasons win over the generic "not as described": 颜色/款式与描述不符 is about colour,
 * which is what the producer can fix (a note on colour accuracy).
 */
const GENERIC: ReasonKey = 'not_as_described';

function fromCode(code: string): ReasonKey | undefined {
  const c = code.trim();
  const lower = c.toLowerCase();
  const shopify = lookup(SHOPIFY, c) ?? lookup(SHOPIFY, lower);
  if (shopify) return shopify;
  const suffix = lower.replace(TIKTOK_PREFIX, '');
  if (suffix !== lower || lower.includes('_')) {
    const tiktok = lookup(TIKTOK, suffix);
    if (tiktok) return tiktok;
    if (suffix.endsWith('_other') || suffix === 'other') return 'other';
  }
  return undefined;
}

/** Looks like a code (no spaces, ASCII words joined by _ or -, or an upper-case enum). */
const looksLikeCode = (s: string) => /^[A-Za-z0-9]+([_-][A-Za-z0-9]+)+$|^[A-Z]{3,}$/.test(s.trim());

function fromText(text: string): { reason: ReasonKey; needsReview?: true } {
  if (AMBIGUOUS.test(text)) return { reason: 'other', needsReview: true };
  // TikTok's export writes its codes' English texts ("Item is too small"): read them as the code.
  const asCode = lookup(TIKTOK, text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, ''));
  if (asCode) return { reason: asCode };
  let hits = WORDS.filter(([, re]) => re.test(text)).map(([key]) => key);
  if (hits.length > 1) hits = hits.filter((k) => k !== GENERIC);
  if (hits.length === 1) return { reason: hits[0] };
  if (hits.length === 0) return { reason: 'other' };
  return { reason: 'other', needsReview: true };
}

/**
 * One return's reason. `code` is the platform's code when the file has a column for it; `text`
 * is the reason as written. A text cell holding a code (a TikTok export with codes) is read as one.
 */
export function normaliseReason(input: { code?: string; text?: string }): NormalisedReason {
  const code = input.code?.trim() || undefined;
  const text = input.text?.trim() || undefined;
  const out: NormalisedReason = { reason: 'other', ...(code ? { reasonCode: code } : {}), ...(text ? { reasonText: text } : {}) };
  const codeCandidate = code ?? (text && looksLikeCode(text) ? text : undefined);
  const byCode = codeCandidate ? fromCode(codeCandidate) : undefined;
  if (byCode) return { ...out, reason: byCode };
  if (!text) return out;
  const byText = fromText(text);
  return { ...out, reason: byText.reason, ...(byText.needsReview ? { needsReview: true } : {}) };
}
