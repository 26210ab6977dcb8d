import { useEffect, useState } from 'react';

/**
 * The studio's place, kept in the URL hash so a readiness "fix" link, the print view and the
 * browser's back button all work: #/products, #/card/<id>?field=sizeChart, #/decks,
 * #/deck/<id>, #/import, #/trash, #/print/<deckId>.
 */
export interface Route {
  view: 'products' | 'card' | 'decks' | 'deck' | 'import' | 'trash' | 'print' | 'sessions';
  id?: string;
  field?: string;
  language?: string;
  /** On a new product: the deck it was made from, which it joins when first saved. */
  deck?: string;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path.split('/').map(decodeURIComponent);
  const params = new URLSearchParams(query);
  const known: Route['view'][] = ['products', 'card', 'decks', 'deck', 'import', 'trash', 'print', 'sessions'];
  const v = known.includes(view as Route['view']) ? (view as Route['view']) : 'products';
  return { view: v, ...(id ? { id } : {}), ...(params.get('field') ? { field: params.get('field')! } : {}), ...(params.get('language') ? { language: params.get('language')! } : {}), ...(params.get('deck') ? { deck: params.get('deck')! } : {}) };
}

export function routeHref(route: Route): string {
  const params = new URLSearchParams();
  if (route.field) params.set('field', route.field);
  if (route.language) params.set('language', route.language);
  if (route.deck) params.set('deck', route.deck);
  const q = params.toString();
  return `#/${route.view}${route.id ? `/${encodeURIComponent(route.id)}` : ''}${q ? `?${q}` : ''}`;
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = (r: Route) => {
    location.hash = routeHref(r);
    setRoute(r);
  };
  return [route, go];
}
