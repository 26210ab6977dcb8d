import { createContext, useContext, useEffect, useState } from 'react';
import type { ImageUrls } from '../../lib/image-urls';
import { imageIdOf } from '../../lib/images';

/** Where stored images ("upfront-image:" references) are turned into URLs; none outside the sidebar. */
export const ImageUrlsContext = createContext<ImageUrls | undefined>(undefined);

export type ImageSrc = { state: 'ready'; src: string } | { state: 'loading' } | { state: 'missing' } | { state: 'none' };

/**
 * What an <img> may load for a card's image: an https or data: URL as it is, a stored image's
 * object URL once fetched (lib/image-urls.ts). A stored image's reference itself is never handed
 * to an <img>: the page's img-src refuses the "upfront-image:" scheme, and Chromium logs a CSP
 * violation for every such render.
 */
export function useImageSrc(src: string | undefined): ImageSrc {
  const urls = useContext(ImageUrlsContext);
  const id = imageIdOf(src);
  const known = id && urls ? urls.known(id) : undefined;
  const [fetched, setFetched] = useState<{ id: string; url: string | undefined }>();
  useEffect(() => {
    if (!id || !urls || known !== undefined) return;
    let live = true;
    urls.url(id).then(
      (url) => live && setFetched({ id, url }),
      () => live && setFetched({ id, url: undefined }),
    );
    return () => {
      live = false;
    };
  }, [id, urls, known]);
  if (!src) return { state: 'none' };
  if (!id) return { state: 'ready', src };
  if (known) return { state: 'ready', src: known };
  if (known === null) return { state: 'missing' };
  if (fetched?.id === id) return fetched.url ? { state: 'ready', src: fetched.url } : { state: 'missing' };
  return urls ? { state: 'loading' } : { state: 'missing' };
}
