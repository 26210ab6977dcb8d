import { toCsv } from '../../import/csv';
import { TEMPLATE_COLUMNS } from './recipes';

/** What each column of Upfront's order template holds (docs/order-formats.md, checked by a test). */
export const TEMPLATE_HELP: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
  order_id: 'The order id as the shop shows it. Required.',
  sku: "The line's SKU (a variant SKU such as HD-200-M matches its card's SKU stem). Required.",
  quantity: 'Units ordered, a whole number above 0. Required.',
  ordered_at: "When the order was placed: 2026-11-20T13:05:00+01:00, or a wall time such as 2026-11-20 13:05:00 in the shop's time zone chosen at import. Required.",
  status: 'The order status as the shop writes it (completed, cancelled…). Optional.',
  product_name: 'Optional, for people reading the lists.',
  returned_quantity: 'Units returned from this line; 0 or empty for none.',
  return_reason: 'The return reason as text (any language); normalised, the text kept.',
  return_reason_code: "The platform's reason code if you have it (TikTok's item_is_too_small, Shopify's SIZE_TOO_SMALL).",
  returned_at: 'When the return was requested, like ordered_at. Optional.',
  return_id: "The return's id, if the shop gives one; a line returned twice needs two ids.",
};

/** The template the studio offers for download: the header and one example line with its return. */
export function orderTemplateCsv(): string {
  const example: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
    order_id: 'UF-1001',
    sku: 'HD-200-M',
    quantity: '1',
    ordered_at: '2026-11-20T13:05:00+01:00',
    status: 'completed',
    product_name: 'Oversized hoodie',
    returned_quantity: '1',
    return_reason: 'Too small',
    return_reason_code: '',
    returned_at: '2026-11-26T10:00:00+01:00',
    return_id: 'R-1',
  };
  return toCsv([...TEMPLATE_COLUMNS], [TEMPLATE_COLUMNS.map((c) => example[c])]);
}
