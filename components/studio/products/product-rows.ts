import { cardErrors, sectionOf } from '../../../lib/cards/card-check';
import { productProblems, type Problem } from '../../../lib/readiness';
import type { Card } from '../../../lib/schema/card';
import type { Deck } from '../../../lib/schema/deck';
import type { FieldError } from '../../../lib/validation';
import type { ProducerLists } from '../producer/data';

/** One line of the product list: a saved product, a draft of one, or a new product never valid. */
export interface ProductRow {
  id: string;
  sku: string;
  name: Card['name'];
  category: string | undefined;
  demo: boolean;
  decks: Deck[];
  /** The editor state that does not save yet, with everything wrong with it. */
  draft?: { errors: FieldError[] };
  problems: Problem[];
  /** Where the first thing to fix is: a readiness field, or the section of a draft's first error. */
  firstField: string | undefined;
}

/**
 * Every product the producer has started, saved or not: a draft that never became valid is
 * listed (marked, with its errors) rather than kept where nobody looks for it.
 */
export function productRows(data: ProducerLists): ProductRow[] {
  const drafts = new Map(data.drafts.map((d) => [d.cardId, d]));
  const inDecks = (id: string) => data.decks.filter((d) => d.cardIds.includes(id));
  const rows: ProductRow[] = data.cards.map((card) => {
    const problems = productProblems(card, data.decks, data.policies);
    const draft = drafts.get(card.id);
    const errors = draft ? cardErrors(draft.value, data.cards) : [];
    return {
      id: card.id,
      sku: card.sku,
      name: card.name,
      category: card.category,
      demo: card.demo === true,
      decks: inDecks(card.id),
      ...(draft ? { draft: { errors } } : {}),
      problems,
      firstField: errors[0] ? sectionOf(errors[0].path) : problems[0]?.field,
    };
  });
  const known = new Set(data.cards.map((c) => c.id));
  for (const d of data.drafts) {
    if (known.has(d.cardId)) continue;
    const value = (d.value ?? {}) as Partial<Card>;
    const errors = cardErrors(d.value, data.cards);
    rows.push({
      id: d.cardId,
      sku: typeof value.sku === 'string' ? value.sku : '',
      name: value.name && typeof value.name === 'object' ? value.name : {},
      category: typeof value.category === 'string' ? value.category : undefined,
      demo: false,
      decks: inDecks(d.cardId),
      draft: { errors },
      problems: [],
      firstField: errors[0] ? sectionOf(errors[0].path) : undefined,
    });
  }
  return rows.sort((a, b) => a.sku.localeCompare(b.sku));
}
