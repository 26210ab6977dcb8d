import { useCallback, useEffect, useState } from 'react';
import type { TrashSummary } from '../../../lib/db/catalogue';
import type { Client } from '../../../lib/messaging/client';
import type { Card } from '../../../lib/schema/card';
import type { Deck } from '../../../lib/schema/deck';
import type { ReturnPolicy } from '../../../lib/schema/policy';

export interface CatalogueData {
  cards: Card[];
  decks: Deck[];
  policies: ReturnPolicy[];
  trash: TrashSummary[];
}

/** Everything the producer's views list, re-read whenever the background says data changed. */
export function useCatalogueData(call: Client, onChanged: (listener: () => void) => () => void) {
  const [data, setData] = useState<CatalogueData | null>(null);
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      const [cards, decks, policies, trash] = await Promise.all([
        call('card.list', {}),
        call('deck.all', {}),
        call('policy.list', {}),
        call('trash.list', {}),
      ]);
      setData({ cards, decks, policies, trash });
      setError(undefined);
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }, [call]);
  useEffect(() => {
    void load();
    return onChanged(() => void load());
  }, [load, onChanged]);
  return { data, error, reload: load };
}

/** Languages offered in editors: every deck's, the interface's two, then any a card already has. */
export function editorLanguages(decks: readonly Deck[], extra: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const l of [...decks.flatMap((d) => d.languages), 'en', 'zh-CN', ...extra]) if (!out.includes(l)) out.push(l);
  return out;
}

export const newId = () => crypto.randomUUID();
export const errorCode = (err: unknown) => (err as { code?: string }).code ?? 'internal';
