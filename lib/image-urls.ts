import { base64ToBytes } from './images';

/** A stored image as the background answers image.get (bytes in base64: messaging is JSON). */
export interface FetchedImage {
  type: string;
  data: string;
}

export interface ImageUrls {
  /** The object URL of a stored image, by id (its content hash), asked for at most once. */
  url(id: string): Promise<string | undefined>;
  /** The URL already made for an id; null when the image does not exist; undefined when not asked yet. */
  known(id: string): string | null | undefined;
}

/**
 * Product photos by reference for pages that cannot open the database (the sidebar): a card
 * names its image by content hash ("upfront-image:<sha-256>"); the first card that shows it
 * asks the background once, the bytes become a Blob and an object URL, and every later showing
 * (a re-read, the same photo on another card) uses that URL. Content-addressed, so a cached
 * URL can never show a stale picture. A failed request is not remembered: the next showing asks
 * again. URLs are kept for the page's life: a deck's photos are what the host flips through.
 */
export function createImageUrls(get: (id: string) => Promise<FetchedImage | null>, toUrl: (blob: Blob) => string = (b) => URL.createObjectURL(b)): ImageUrls {
  const done = new Map<string, string | null>();
  const pending = new Map<string, Promise<string | undefined>>();
  return {
    known: (id) => done.get(id),
    url(id) {
      if (done.has(id)) return Promise.resolve(done.get(id) ?? undefined);
      let asked = pending.get(id);
      if (!asked) {
        asked = get(id)
          .then((image) => {
            const url = image ? toUrl(new Blob([base64ToBytes(image.data)], { type: image.type })) : null;
            done.set(id, url);
            return url ?? undefined;
          })
          .finally(() => pending.delete(id));
        pending.set(id, asked);
      }
      return asked;
    },
  };
}
