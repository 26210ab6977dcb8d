/** Responses of the proof requests (issue 19); schemas in ./proof-protocol.ts. Type-only. */
import type { ProofSettings, ProofStatus } from '../background/prover';

export interface ProofResponses {
  'proofs.settings': ProofSettings;
  'proofs.configure': ProofSettings;
  'proofs.status': ProofStatus;
  'proofs.retry': ProofStatus;
}
