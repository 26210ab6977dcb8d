import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../lib/messaging/client';
import { errorCode, type ProducerLists } from '../producer/data';

export interface Membership {
  /** Decks the product is in, or will join when it is first saved. */
  deckIds: string[];
  /** What `card.save` carries so a product not saved yet joins its decks as it is saved. */
  saveExtra: { addToDecks?: string[] };
  view: ReactNode;
}

/**
 * Which decks a product is in, shown and edited in the product editor. A saved product joins or
 * leaves a deck at once (at the end of its run sheet). A product not saved yet (a draft, or
 * "New product" from a deck) keeps its choice here and joins with its first save, in the same
 * transaction (Library.saveCard).
 */
export function useDeckMembership(cardId: string, data: ProducerLists, call: Client, fromDeck: string | undefined): Membership {
  const { t } = useTranslation();
  const saved = data.cards.some((c) => c.id === cardId);
  const [pending, setPending] = useState<string[]>(() => (fromDeck && data.decks.some((d) => d.id === fromDeck) ? [fromDeck] : []));
  const [error, setError] = useState<string>();
  const member = (deckId: string) => (saved ? data.decks.find((d) => d.id === deckId)?.cardIds.includes(cardId) === true : pending.includes(deckId));
  const deckIds = data.decks.filter((d) => member(d.id)).map((d) => d.id);

  async function toggle(deckId: string, on: boolean) {
    if (!saved) {
      setPending((p) => (on ? [...p, deckId] : p.filter((id) => id !== deckId)));
      return;
    }
    const deck = data.decks.find((d) => d.id === deckId);
    if (!deck) return;
    try {
      const cardIds = on ? [...deck.cardIds.filter((id) => id !== cardId), cardId] : deck.cardIds.filter((id) => id !== cardId);
      await call('deck.save', { deck: { ...deck, cardIds } });
      setError(undefined);
    } catch (err) {
      setError(errorCode(err));
    }
  }

  const view = (
    <fieldset className="deck-membership" data-testid="deck-membership">
      <legend>{t('editor.inDecks')}</legend>
      {data.decks.length === 0 && <p className="hint">{t('editor.noDecks')}</p>}
      {data.decks.map((d) => (
        <label key={d.id} className="check">
          <input type="checkbox" checked={member(d.id)} onChange={(e) => void toggle(d.id, e.target.checked)} /> {d.name}
        </label>
      ))}
      {!saved && deckIds.length > 0 && <p className="hint">{t('editor.joinsOnSave')}</p>}
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
    </fieldset>
  );
  return { deckIds, saveExtra: saved || pending.length === 0 ? {} : { addToDecks: pending }, view };
}
