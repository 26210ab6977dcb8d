import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * The studio's place, kept in the URL hash so a readiness "fix" link, the print view and the
 * browser's back button all work: #/products, #/card/<id>?field=sizeChart, #/decks,
 * #/deck/<id>, #/import, #/trash, #/print/<deckId>, and one per studio section
 * (components/studio/shell/sections.tsx decides which views exist; others go to its default).
 */
export interface Route {
  view: string;
  id?: string;
  field?: string;
  language?: string;
  /** On a new product: the deck it was made from, which it joins when first saved. */
  deck?: string;
}

/** A hand-typed hash may hold a stray `%`: keep it as typed rather than fail. */
function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path.split('/').map(decode);
  const params = new URLSearchParams(query);
  return { view, ...(id ? { id } : {}), ...(params.get('field') ? { field: params.get('field')! } : {}), ...(params.get('language') ? { language: params.get('language')! } : {}), ...(params.get('deck') ? { deck: params.get('deck')! } : {}) };
}

export function routeHref(route: Route): string {
  const params = new URLSearchParams();
  if (route.field) params.set('field', route.field);
  if (route.language) params.set('language', route.language);
  if (route.deck) params.set('deck', route.deck);
  const q = params.toString();
  return `#/${route.view}${route.id ? `/${encodeURIComponent(route.id)}` : ''}${q ? `?${q}` : ''}`;
}

const onHashChange = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/**
 * The route in the address, read from one source (the hash itself) so the studio's shell and
 * the sections inside it always render the same place in the same pass.
 */
export function useRoute(): [Route, (r: Route) => void] {
  const hash = useSyncExternalStore(onHashChange, () => location.hash);
  const route = useMemo(() => parseRoute(hash), [hash]);
  const go = useCallback((r: Route) => {
    location.hash = routeHref(r);
  }, []);
  return [route, go];
}
