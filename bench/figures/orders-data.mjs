// Order and return exports for the orders bench, written as the shops write them
// (docs/order-formats.md, docs/examples/): a TikTok Shop order export
// with its description row 2 and shop-local `MM/DD/YYYY h:mm:ss AM` times, a Shopify orders
// export whose later line items continue on rows with the order's fields blank and whose times
// carry their offset, and a TikTok returns export. Every buyer column is filled (with made-up
// people), so the import has to drop them. Deterministic: the same arguments write the same files.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const TIKTOK_HEADERS = [
  'Order ID', 'Order Status', 'Order Substatus', 'Cancelation/Return Type', 'Normal or Pre-order', 'SKU ID', 'Seller SKU', 'Product Name', 'Variation',
  'Quantity', 'Sku Quantity of return', 'SKU Unit Original Price', 'SKU Subtotal Before Discount', 'SKU Platform Discount', 'SKU Seller Discount',
  'SKU Subtotal After Discount', 'Shipping Fee After Discount', 'Original Shipping Fee', 'Shipping Fee Seller Discount', 'Shipping Fee Platform Discount',
  'Payment platform discount', 'Taxes', 'Order Amount', 'Order Refund Amount', 'Created Time', 'Paid Time', 'RTS Time', 'Shipped Time', 'Delivered Time',
  'Cancelled Time', 'Cancel By', 'Cancel Reason', 'Fulfillment Type', 'Warehouse Name', 'Tracking ID', 'Delivery Option', 'Shipping Provider Name',
  'Buyer Message', 'Buyer Username', 'Recipient', 'Phone #', 'Country', 'Province', 'District', 'Detail Address', 'Additional address information',
  'Payment Method', 'Weight(kg)', 'Product Category', 'Package ID', 'Seller Note', 'Checked Status', 'Checked Marked by',
];
const TIKTOK_DESCRIPTION = TIKTOK_HEADERS.map((h) =>
  ({ 'Order ID': 'Platform unique order ID.', 'Order Status': 'Current status of the order.', 'SKU ID': 'Platform unique SKU ID.', 'Seller SKU': 'SKU code set by the seller.', Quantity: 'Number of units of this SKU in the order.', 'Created Time': 'Time the order was placed (shop time zone).', Recipient: 'Name of the recipient.' })[h] ?? '',
);
const SHOPIFY_HEADERS = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total',
  'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price',
  'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street', 'Billing Address1',
  'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street',
  'Shipping Address1', 'Shipping Address2', 'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor', 'Outstanding Balance', 'Employee', 'Location',
  'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Phone', 'Receipt Number', 'Payment ID',
  'Payment Terms Name', 'Next Payment Due At', 'Payment References',
];
const RETURN_HEADERS = [
  'Return Order ID', 'Order ID', 'Return Status', 'Return Sub Status', 'Return Type', 'Return Reason', 'Time Requested', 'Refund Time', 'Return Quantity',
  'Return unit price', 'Order Amount', 'Buyer Note', 'SKU ID', 'Seller SKU', 'SKU Name', 'Product Name', 'Buyer Username', 'Recipient', 'Phone #',
];
// TikTok's reason texts, weighted towards size (what a fashion-heavy deck sees).
const REASONS = ['Item is too small', 'Item is too big', 'Item is too small', 'Quality or style not as expected', 'Does not match description', 'Damaged', 'No longer needed', 'Wrong product', 'Other'];
const FIRST = ['Lucía', 'Marc', 'Ana', 'Jonas', 'Mia', 'Lukas', 'Hannah', 'Sofía', 'Pablo', 'Elena', 'Noah', 'Emma'];
const LAST = ['Fernández Ortega', 'Bosch i Puig', 'Ruiz', 'Becker', 'Hoffmann', 'Wagner', 'Schröder', 'García', 'Martín', 'López'];
const CITIES = [['Madrid', 'Madrid'], ['Barcelona', 'Barcelona'], ['Sevilla', 'Sevilla'], ['Valencia', 'Valencia'], ['Bilbao', 'Bizkaia']];
const SIZES = ['S', 'M', 'L', 'XL'];

/** A small seeded generator (mulberry32): the same files on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (v) => {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (cells) => cells.map(cell).join(',');
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Wall time of a UTC instant in a zone, with the zone's offset, looked up once per quarter hour. */
function zoned(timeZone) {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const offsets = new Map();
  return (utc) => {
    const block = Math.floor(utc / 900_000);
    let offset = offsets.get(block);
    if (offset === undefined) {
      const p = Object.fromEntries(f.formatToParts(block * 900_000).map((x) => [x.type, x.value]));
      offset = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second) - block * 900_000;
      offsets.set(block, offset);
    }
    const d = new Date(utc + offset);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), offset };
  };
}

const tiktokTime = (w) => `${pad(w.mo)}/${pad(w.d)}/${w.y} ${w.h % 12 || 12}:${pad(w.mi)}:${pad(w.s)} ${w.h < 12 ? 'AM' : 'PM'}`;
const shopifyTime = (w) => {
  const o = Math.abs(w.offset) / 60_000;
  return `${w.y}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} ${w.offset < 0 ? '-' : '+'}${pad(Math.floor(o / 60))}${pad(o % 60)}`;
};

/**
 * Order times against the shows: most during a show, some in the 30 minutes after one (the
 * grace window), some at no show at all (the day before the first).
 */
function orderTime(rnd, shows) {
  const show = shows[Math.floor(rnd() * shows.length)];
  const r = rnd();
  if (r < 0.86) return show.start + Math.floor(rnd() * (show.end - show.start));
  if (r < 0.94) return show.end + Math.floor(rnd() * 29 * 60_000);
  return shows[0].start - 86_400_000 + Math.floor(rnd() * 3_600_000);
}

/** A SKU as a shop sells it: a size variant of a card's SKU, the card's SKU itself, or one no deck has. */
function orderSku(rnd, skus) {
  const r = rnd();
  const base = skus[Math.floor(rnd() * skus.length)];
  if (r < 0.02) return `NOT-ON-DECK-${Math.floor(rnd() * 50)}`;
  return r < 0.7 ? `${base}-${SIZES[Math.floor(rnd() * SIZES.length)]}` : base;
}

/**
 * Writes the three files into `dir`. `shows`: [{ start, end }] in UTC ms; `skus`: the deck's
 * card SKUs. Returns their paths and how many lines each holds.
 */
export function writeOrderFiles(dir, { tiktokLines, shopifyLines, shows, skus, timeZone = 'Europe/Madrid', seed = 17 }) {
  const rnd = random(seed);
  const wall = zoned(timeZone);
  const skuIds = new Map(skus.map((s, i) => [s, `17293847561${String(i + 1000).padStart(5, '0')}`]));
  const person = () => {
    const [city, province] = CITIES[Math.floor(rnd() * CITIES.length)];
    const name = `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`;
    return { name, user: `${name.split(' ')[0].toLowerCase()}_${Math.floor(rnd() * 1000)}`, phone: `(+34)6${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`, city, province, street: `Calle de Alcalá ${1 + Math.floor(rnd() * 200)}, ${1 + Math.floor(rnd() * 9)}ºB` };
  };

  // TikTok: one row per SKU line, one to three lines an order, every row carrying the order's fields.
  const tiktok = [csvLine(TIKTOK_HEADERS), csvLine(TIKTOK_DESCRIPTION)];
  const returns = [csvLine(RETURN_HEADERS)];
  let order = 0;
  let written = 0;
  while (written < tiktokLines) {
    order += 1;
    const orderId = `5770${String(23118420000000 + order)}`;
    const at = orderTime(rnd, shows);
    const time = tiktokTime(wall(at));
    const who = person();
    const cancelled = rnd() < 0.03;
    const lines = Math.min(tiktokLines - written, 1 + Math.floor(rnd() * rnd() * 3));
    const used = new Set();
    for (let l = 0; l < lines; l++) {
      let sku = orderSku(rnd, skus);
      while (used.has(sku)) sku = orderSku(rnd, skus);
      used.add(sku);
      const quantity = rnd() < 0.85 ? 1 : 2;
      const returned = !cancelled && rnd() < 0.12 ? 1 : 0;
      const price = (9.9 + (sku.length % 7) * 5).toFixed(2);
      const skuId = skuIds.get(sku.replace(/-(S|M|L|XL)$/, '')) ?? '1729384756199999';
      tiktok.push(
        csvLine([
          orderId, cancelled ? 'Cancelled' : 'Completed', cancelled ? 'Cancelled' : 'Completed', returned ? 'Return/Refund' : cancelled ? 'Cancel' : '', 'Normal', skuId, sku,
          `Bench product ${sku}`, sku.endsWith('-M') ? 'Grey, M' : 'Default', quantity, returned, `EUR ${price}`, `EUR ${price}`, 'EUR 0.00', 'EUR 0.00', `EUR ${price}`,
          'EUR 0.00', 'EUR 3.99', 'EUR 0.00', 'EUR 3.99', 'EUR 0.00', 'EUR 0.00', `EUR ${price}`, returned ? `EUR ${price}` : 'EUR 0.00', time, time, '', '', '', cancelled ? time : '',
          cancelled ? 'Buyer' : '', cancelled ? 'No longer needed' : '', 'Fulfillment by seller', 'Madrid Norte', `ES11340${order}`, 'Standard shipping', 'Correos Express',
          rnd() < 0.2 ? `Please ship fast, it is a gift. ${who.name}` : '', who.user, who.name, who.phone, 'Spain', who.province, who.city, who.street, '', 'Credit card', '0.6',
          'Apparel', `11520201${order}`, '', 'Unchecked', '',
        ]),
      );
      if (returned) {
        const reason = REASONS[Math.floor(rnd() * REASONS.length)];
        const requested = tiktokTime(wall(at + (3 + Math.floor(rnd() * 10)) * 86_400_000));
        returns.push(csvLine([`40351177${order}`, orderId, 'Completed', 'Refunded', 'Return and refund', reason, requested, '', 1, price, price, rnd() < 0.3 ? `Too small. ${who.name}` : '', skuId, sku, 'Default', `Bench product ${sku}`, who.user, who.name, who.phone]));
      }
      written += 1;
    }
  }

  // Shopify: an order's first line item carries the order; the next ones leave its fields blank.
  const shopify = [csvLine(SHOPIFY_HEADERS)];
  written = 0;
  let number = 1000;
  while (written < shopifyLines) {
    number += 1;
    const at = orderTime(rnd, shows);
    const time = shopifyTime(wall(at));
    const who = person();
    const email = `${who.user}@example.es`;
    const lines = Math.min(shopifyLines - written, 1 + Math.floor(rnd() * rnd() * 4));
    for (let l = 0; l < lines; l++) {
      const sku = orderSku(rnd, skus);
      const quantity = rnd() < 0.85 ? 1 : 2;
      const item = [quantity, `Bench product ${sku}`, '24.00', '', sku, 'true', 'true', 'fulfilled'];
      const row =
        l === 0
          ? [`#${number}`, email, 'paid', time, 'fulfilled', '', 'no', 'EUR', '63.90', '4.90', '0.00', '63.90', '', '', 'DHL Paket', time, ...item,
            who.name, who.street, who.street, '', '', who.city, '28014', who.province, 'ES', who.phone, who.name, who.street, who.street, '', '', who.city, '28014', who.province, 'ES', who.phone,
            rnd() < 0.1 ? `Leave with the neighbours (${who.name})` : '', '', '', 'Shopify Payments', `c61200${number}.1`, '0.00', 'Upfront Bench', '0.00', '', '', '', `61200${number}`, 'live', 'Low', 'web', '0.00', 'ES IVA 21%', '0.00', who.phone, '', `p61200${number}`, '', '', '']
          : [`#${number}`, email, '', '', '', '', '', '', '', '', '', '', '', '', '', '', ...item, ...Array(35).fill(''), '0.00', ...Array(8).fill('')];
      shopify.push(csvLine(row));
      written += 1;
    }
  }

  const files = {
    tiktok: path.join(dir, 'bench-tiktok-orders.csv'),
    shopify: path.join(dir, 'bench-shopify-orders.csv'),
    returns: path.join(dir, 'bench-tiktok-returns.csv'),
  };
  // TikTok's exports start with a byte-order mark (docs/examples/tiktok-orders.csv).
  writeFileSync(files.tiktok, `\uFEFF${tiktok.join('\r\n')}\r\n`);
  writeFileSync(files.shopify, `${shopify.join('\n')}\n`);
  writeFileSync(files.returns, `\uFEFF${returns.join('\r\n')}\r\n`);
  return { files, lines: { tiktok: tiktokLines, shopify: shopifyLines, returns: returns.length - 1 } };
}
