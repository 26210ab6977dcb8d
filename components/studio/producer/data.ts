import { useEffect, useState, useSyncExternalStore } from 'react';
import { dataUrl, imageIdOf } from '../../../lib/images';
import type { Client } from '../../../lib/messaging/client';
import type { Card } from '../../../lib/schema/card';
import type { Deck } from '../../../lib/schema/deck';
import type { OnChanged } from '../changes';
import { producerListsSource } from './source';

export type { ProducerLists } from './source';

/** Everything the producer's views list, kept in step with the background's pushes. */
export function useProducerLists(call: Client, onChanged: OnChanged) {
  const source = producerListsSource(call, onChanged);
  const { data, error } = useSyncExternalStore(source.subscribe, source.snapshot);
  return { data, error, reload: source.reload };
}

/** Languages offered in editors: every deck's, the interface's two, then any a card already has. */
export function editorLanguages(decks: readonly Deck[], extra: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const l of [...decks.flatMap((d) => d.languages), 'en', 'zh-CN', ...extra]) if (!out.includes(l)) out.push(l);
  return out;
}

export const newId = () => crypto.randomUUID();
export const errorCode = (err: unknown) => (err as { code?: string }).code ?? 'internal';

const imageCache = new Map<string, string>();

/**
 * Cards with stored images swapped for data: URLs, as the background does for the sidebar, so a
 * preview or a printed hand card shows the photo the host will see.
 */
export function useResolvedImages(call: Client, cards: readonly Card[]): Card[] {
  const [, setVersion] = useState(0);
  const ids = cards.map((c) => imageIdOf(c.image)).filter((id): id is string => id !== undefined && !imageCache.has(id));
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    void Promise.all(
      key.split(',').map(async (id) => {
        const img = await call('image.get', { id }).catch(() => null);
        if (img) imageCache.set(id, dataUrl(img));
      }),
    ).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [call, key]);
  // A reference not resolved yet is left out, never handed to an <img> (a CSP violation each time).
  return cards.map((c) => {
    const id = imageIdOf(c.image);
    if (!id) return c;
    const url = imageCache.get(id);
    return { ...c, image: url };
  });
}
