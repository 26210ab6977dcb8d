import { z } from '../zod';

/** An authority's URL: http(s) only, no credentials (they would end up in every request log). */
const TsaUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((u) => !new URL(u).username && !new URL(u).password, 'no credentials in the URL');

/** Payload schemas of the proof requests (issue 19), merged into ./protocol.ts. */
export const proofRequestSchemas = {
  'proofs.settings': z.object({}).strict(),
  'proofs.configure': z.object({ tsaUrl: TsaUrl.optional() }).strict(),
  'proofs.status': z.object({}).strict(),
  'proofs.retry': z.object({}).strict(),
};
