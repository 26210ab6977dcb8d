import { bytesToBase64, imageIdFor } from '../../lib/images';
import type { DeckFileImage } from '../../lib/deckfile/format';
import type { Card } from '../../lib/schema/card';
import type { Deck } from '../../lib/schema/deck';
import { imageRef } from '../../lib/images';

/**
 * Distinct photo-sized files that are WebP by their first bytes (RIFF....WEBP) with seeded
 * pseudo-random contents: what the catalogue and the deck package check (hash, type, size)
 * without decoding. Real photos are drawn in Chromium by the end-to-end test.
 */
export function fakeWebp(seed: number, bytes = 45_000): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set([0x52, 0x49, 0x46, 0x46]);
  new DataView(out.buffer).setUint32(4, bytes - 8, true);
  out.set([0x57, 0x45, 0x42, 0x50], 8);
  let x = (seed + 1) * 2654435761;
  for (let i = 12; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function photo(seed: number, bytes?: number): DeckFileImage {
  const data = fakeWebp(seed, bytes);
  return { id: imageIdFor(data), type: 'image/webp', width: 800, height: 600, data: bytesToBase64(data) };
}

/** A deck of `count` products, each with its own photo, as the studio's deck export gives it. */
export function photoDeck(count: number, now: number, photoBytes?: number): { deck: Deck; cards: Card[]; policies: []; images: DeckFileImage[] } {
  const images = Array.from({ length: count }, (_, i) => photo(i, photoBytes));
  const cards: Card[] = images.map((img, i) => ({
    id: `photo-card-${i}`,
    sku: `PH-${String(i).padStart(4, '0')}`,
    name: { en: `Photo product ${i}` },
    category: 'other',
    image: imageRef(img.id),
    caveats: [],
    notes: [],
    scaleRefs: [],
    updatedAt: now,
  })) as unknown as Card[];
  const deck: Deck = { id: 'photo-deck', name: 'Photo deck', cardIds: cards.map((c) => c.id), market: 'EU', languages: ['en'], updatedAt: now } as Deck;
  return { deck, cards, policies: [], images };
}
