import { useEffect } from 'react';
import type { Problem } from '../../../lib/readiness';
import { useProblemMessage } from './problem-message';

/** The deck's own problems (no product named) that are fixed here, said beside the control. */
export function DeckProblems({ problems, field }: { problems: readonly Problem[]; field: 'deck' | 'policy' }) {
  const message = useProblemMessage();
  const here = problems.filter((p) => p.field === field && !p.cardId);
  if (here.length === 0) return null;
  return (
    <ul className="field-problems" data-field={field}>
      {here.map((p, i) => (
        <li key={i} data-code={p.code}>
          {message(p)}
        </li>
      ))}
    </ul>
  );
}

const TARGET: Record<string, string> = { products: 'section-products', deck: 'section-products', policy: 'deck-default-policy' };

/** Follows a readiness link into the deck editor: scrolls to the part named and focuses it. */
export function useLandOn(field: string | undefined) {
  useEffect(() => {
    const el = field ? document.getElementById(TARGET[field] ?? '') : null;
    if (!el) return;
    el.scrollIntoView?.({ block: 'start' });
    (el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
  }, [field]);
}
