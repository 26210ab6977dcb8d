import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { deckProblems, productProblems, type Problem } from '../../../lib/readiness';
import type { Card } from '../../../lib/schema/card';
import type { ProducerLists } from '../producer/data';
import { useProblemMessage } from '../decks/problem-message';

/** A product's readiness problems in every deck it is in (or on its own), once each. */
export function editorProblems(card: Card, data: Pick<ProducerLists, 'decks' | 'policies'>): Problem[] {
  const decks = data.decks.filter((d) => d.cardIds.includes(card.id));
  const all = decks.length === 0 ? productProblems(card, [], data.policies) : decks.flatMap((d) => deckProblems({ ...d, cardIds: [card.id] }, [card], data.policies).filter((p) => p.cardId === card.id));
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = JSON.stringify([p.code, p.field, p.language, p.caveatId, p.market, p.text, p.policyId, p.term]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * The readiness problems of the product being edited, each shown inside the editor section that
 * fixes it (#section-<field>), so a "Fix" or "1 problem" link always lands where the message is.
 * Rendered once by the editor; portals keep the editor's sections free of this wiring.
 */
export function FieldProblems({ card, data }: { card: Card | null; data: Pick<ProducerLists, 'decks' | 'policies'> }) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  const problems = useMemo(() => (card ? editorProblems(card, data) : []), [card, data]);
  const fields = [...new Set(problems.map((p) => p.field))];
  const key = fields.join(',');
  const [targets, setTargets] = useState<Map<string, HTMLElement>>(new Map());
  useEffect(() => {
    const found = new Map<string, HTMLElement>();
    for (const f of key.split(',').filter(Boolean)) {
      const el = document.getElementById(`section-${f}`);
      if (el) found.set(f, el);
    }
    setTargets(found);
  }, [key]);
  return (
    <>
      {[...targets].map(([field, el]) => {
        const here = problems.filter((p) => p.field === field);
        if (here.length === 0) return null;
        return createPortal(
          <div className="field-problems" data-field={field}>
            <p className="field-problems-title">{t('editor.problemsHere', { count: here.length })}</p>
            <ul>
              {here.map((p, i) => (
                <li key={i} data-code={p.code}>
                  {message(p)}
                </li>
              ))}
            </ul>
          </div>,
          el,
          field,
        );
      })}
    </>
  );
}
