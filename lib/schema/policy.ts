import { z } from '../zod';
import { AcceptedTerm } from './card';
import { Id, LocalizedText, MarketCode } from './common';

export const Payer = z.enum(['buyer', 'seller']);

/** Which market template the policy started from (lib/cards/policy-templates.ts); informative. */
export const PolicyTemplateId = z.enum(['eu', 'uk', 'cn', 'jp', 'us', 'seller']);
export type PolicyTemplateId = z.infer<typeof PolicyTemplateId>;

export const ReturnPolicy = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  template: PolicyTemplateId.optional(),
  markets: z.array(MarketCode).min(1),
  /** Days from delivery in which a return may be started; 0 = no change-of-mind returns. */
  windowDays: z.number().int().min(0).max(3650),
  condition: LocalizedText.optional(),
  returnShippingPaidBy: Payer,
  dutiesPaidBy: Payer.optional(),
  restockingFee: z
    .object({
      percent: z.number().min(0).max(100),
      /** Restocking fees may apply to change-of-mind returns only (facts.md). */
      changeOfMindOnly: z.literal(true),
    })
    .optional(),
  exceptions: LocalizedText.optional(),
  exchanges: z.boolean().default(false),
  returnAddress: z.string().max(500).optional(),
  /** What the host reads out; generated from the fields when absent. */
  summary: LocalizedText.optional(),
  /** Risky terms in the policy's texts kept on purpose, with the reason (issue 20; see Card). */
  acceptedTerms: z.array(AcceptedTerm).optional(),
  demo: z.boolean().optional(),
  updatedAt: z.number().int(),
});
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;
