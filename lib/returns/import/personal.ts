/**
 * Columns of an order file that hold buyer personal data: names, usernames, addresses, phone
 * numbers, e-mail, messages and notes. They are dropped as each row is read (./table.ts), before
 * any format is recognised, so no later step (detection, the mapping step's sample, a record)
 * ever sees them. A header in doubt is dropped: Upfront needs only ids, SKUs, quantities, times,
 * statuses and reasons.
 */
const PERSONAL: RegExp[] = [
  // Who: buyer, recipient, customer, billing/shipping person, usernames and nicknames.
  /\b(buyer|recipient|receiver|consignee|customer|contact|billing|first|last|full)\b/i,
  /\bshipping (name|company|address\d?|street|city|zip|province|province name|country|phone|first|last)\b/i,
  /user ?name|nick ?name|\bemail\b|e-mail/i,
  // Where: addresses and their parts.
  /address|street|\bzip(code)?\b|postal|post ?code|\bcity\b|\bdistrict\b|\bprovince\b|\bstate\b|\bcountry\b|\bregion\b|\bvillages?\b|\bregency\b|\bsuburb\b|\bneighbou?rhood\b|\bcounty\b/i,
  // How to reach them.
  /phone|mobile|\btel\b|whatsapp|line id/i,
  // What they wrote, and notes that may quote them.
  /message|\bnotes?\b|remark|comment|instruction/i,
  // Identity documents (BR CPF, tax ids).
  /\bcpf\b|\bcnpj\b|tax ?id|\bid ?(number|card)\b|passport/i,
  // 抖店 and Chinese exports.
  /收件人|收货人|联系人|姓名|昵称|买家|手机|电话|号码|地址|省|市|区|县|街道|乡镇|邮编|留言|备注|身份证|证件/,
  // Japanese.
  /氏名|お名前|住所|電話|郵便|メール|購入者|備考/,
];

export function isPersonalColumn(header: string): boolean {
  const h = header.trim();
  return PERSONAL.some((re) => re.test(h));
}
