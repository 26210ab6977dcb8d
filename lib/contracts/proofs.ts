import type { Prover } from '../background/prover';
import { UpfrontError } from '../errors';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/** An authority's URL: http(s) only, no credentials (they would end up in every request log). */
const TsaUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => !new URL(u).username && !new URL(u).password, 'no credentials in the URL');

/** Time-stamps and device signatures of chain heads (issue 19): the authority setting, which sessions lack a token, retry. */
export const proofRequests = {
  'proofs.settings': z.object({}).strict(),
  'proofs.configure': z.object({ tsaUrl: TsaUrl.optional() }).strict(),
  'proofs.status': z.object({}).strict(),
  'proofs.retry': z.object({}).strict(),
};

export function proofHandlers(prover: Prover | undefined) {
  const p = () => {
    if (!prover) throw new UpfrontError('internal', 'proofs not wired');
    return prover;
  };
  return {
    'proofs.settings': () => p().settings(),
    'proofs.configure': ({ tsaUrl }) => p().setSettings(tsaUrl ? { tsaUrl } : {}),
    'proofs.status': () => p().status(),
    'proofs.retry': () => p().retry(),
  } satisfies HandlersFor<typeof proofRequests>;
}

export type ProofResponses = ResponsesOf<ReturnType<typeof proofHandlers>>;
