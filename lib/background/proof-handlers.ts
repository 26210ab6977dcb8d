import { UpfrontError } from '../errors';
import type { proofRequestSchemas } from '../messaging/proof-protocol';
import type { ProofResponses } from '../messaging/proof-types';
import type { Prover } from './prover';

type Payload<T extends keyof ProofResponses> = (typeof proofRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof ProofResponses]: (payload: Payload<T>) => Promise<ProofResponses[T]> };

/** The studio's proof requests: the time-stamping authority setting, which sessions lack a token, retry. */
export function proofHandlers(prover: Prover | undefined): Handlers {
  const p = () => {
    if (!prover) throw new UpfrontError('internal', 'proofs not wired');
    return prover;
  };
  return {
    'proofs.settings': () => p().settings(),
    'proofs.configure': ({ tsaUrl }) => p().setSettings(tsaUrl ? { tsaUrl } : {}),
    'proofs.status': () => p().status(),
    'proofs.retry': () => p().retry(),
  };
}
