import type { Session } from '../../lib/schema/session';
import type { Show, ShowProduct } from '../../lib/returns/shows';
import type { OrderLine, ReturnLine } from '../../lib/returns/types';

export const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
export const MIN = 60_000;

/** An order line as a parser would store it. */
export function orderLine(p: Partial<OrderLine> & { orderId: string; sku: string; orderedAt: number }): OrderLine {
  const source = p.source ?? 'tiktok';
  const lineKey = p.lineKey ?? p.sku;
  return {
    key: `${source}:${p.orderId}:${lineKey}`,
    source,
    lineKey,
    quantity: 1,
    orderedAtText: new Date(p.orderedAt).toISOString(),
    fileName: 'orders.csv',
    timeZone: 'UTC',
    importedAt: T0,
    ...p,
  };
}

export function returnLine(p: Partial<ReturnLine> & { orderId: string; sku: string; reason: ReturnLine['reason'] }): ReturnLine {
  const source = p.source ?? 'tiktok';
  const lineKey = p.lineKey ?? p.sku;
  return {
    key: `${source}:${p.orderId}:${lineKey}:${p.returnId ?? '-'}`,
    source,
    lineKey,
    quantity: 1,
    fileName: 'returns.csv',
    timeZone: 'UTC',
    importedAt: T0,
    ...p,
  };
}

export function session(p: Partial<Session> & { id: string; startedAt: number }): Session {
  return {
    deckId: 'deck-1',
    deckName: 'Deck',
    host: 'Lina',
    platform: 'tiktok-shop',
    consoleOrigin: 'https://shop.tiktok.com',
    market: 'EU',
    language: 'en',
    lastSeq: 0,
    head: '0'.repeat(64),
    ...p,
  };
}

/** A show with no events, for the matching alone. */
export function show(p: { id: string; start: number; end: number; platform?: string; skus: string[]; host?: string }): Show {
  const products: ShowProduct[] = p.skus.map((sku, i) => ({ cardId: `${p.id}-card-${i}`, sku, category: 'apparel' }));
  return { session: session({ id: p.id, startedAt: p.start, endedAt: p.end, platform: p.platform ?? 'tiktok-shop', host: p.host ?? 'Lina' }), start: p.start, end: p.end, products, events: [] };
}
