import type { StoreApi } from 'zustand/vanilla';
import type { ImageUrls } from '../image-urls';
import { imageIdOf } from '../images';
import type { SidebarState } from './store';

/**
 * Asks for the photos of the cards next to the one on screen once it is shown, so J or K lands
 * on a card whose photo is already here (each photo is still asked for once: lib/image-urls.ts).
 * Returns the unsubscribe function.
 */
export function prefetchNeighbours(store: Pick<StoreApi<SidebarState>, 'subscribe' | 'getState'>, urls: ImageUrls, around = 1): () => void {
  const fetchAround = (s: SidebarState) => {
    const cards = s.bundle?.cards ?? [];
    for (let d = -around; d <= around; d++) {
      const id = imageIdOf(cards[s.index + d]?.image);
      if (id && urls.known(id) === undefined) urls.url(id).catch(() => undefined);
    }
  };
  return store.subscribe((s, prev) => {
    if (s.index !== prev.index || s.bundle !== prev.bundle) fetchAround(s);
  });
}
