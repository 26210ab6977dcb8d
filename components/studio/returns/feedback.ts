import { useEffect, useState } from 'react';
import type { Client } from '../../../lib/messaging/client';
import type { Problem } from '../../../lib/readiness';

/**
 * The readiness problems returns raise for a deck (lib/returns/feedback.ts), asked of the
 * background; none while loading or when the request fails (the deck's own checks still show).
 */
export function useReturnsProblems(call: Client, deckId: string, revision: unknown): Problem[] {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let live = true;
    call('returns.feedback', { deckId })
      .then((p) => live && setProblems(p))
      .catch(() => live && setProblems([]));
    return () => {
      live = false;
    };
  }, [call, deckId, revision]);
  return problems;
}
