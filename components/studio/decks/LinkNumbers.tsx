import { useTranslation } from 'react-i18next';
import { duplicateLinkNumbers, linkNumberAt } from '../../../lib/cards/link-numbers';
import type { Card } from '../../../lib/schema/card';
import type { Deck } from '../../../lib/schema/deck';
import { NumberInput } from '../editor/fields';

/** One run-sheet row's link number: what the producer set, the position it defaults to, a clash. */
export interface LinkField {
  value: number | undefined;
  placeholder: number;
  duplicate: boolean;
  onChange: (n: number | undefined) => void;
}

/**
 * The platform link numbers of a deck's products ("3号链接"): set per row, empty for the run-sheet
 * position. A number given twice is marked on both rows (and listed by the readiness check).
 */
export function linkNumberFields(deck: Deck, cards: readonly Card[], update: (patch: Partial<Deck>) => void) {
  const clashes = new Set([...duplicateLinkNumbers(deck, cards.map((c) => c.id)).values()].flat());
  return (card: Card, index: number): LinkField => ({
    value: deck.linkNumbers?.[card.id],
    placeholder: linkNumberAt({}, card.id, index),
    duplicate: clashes.has(card.id),
    onChange: (n) => {
      const next = { ...(deck.linkNumbers ?? {}) };
      if (n === undefined || !Number.isInteger(n) || n < 1) delete next[card.id];
      else next[card.id] = Math.min(n, 9999);
      update({ linkNumbers: Object.keys(next).length > 0 ? next : undefined });
    },
  });
}

export function LinkNumberInput({ label, field }: { label: string; field: LinkField }) {
  const { t } = useTranslation();
  const n = field.value ?? field.placeholder;
  return (
    <NumberInput
      className="link-number"
      value={field.value}
      placeholder={String(field.placeholder)}
      onChange={field.onChange}
      aria-label={t('decks.linkNumber', { name: label })}
      aria-invalid={field.duplicate || undefined}
      title={field.duplicate ? t('readiness.problem.link-duplicate', { link: n }) : t('decks.linkNumberHint')}
    />
  );
}
