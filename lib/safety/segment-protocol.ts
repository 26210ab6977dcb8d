import { z } from '../zod';

/** The port the offscreen document opens to the background for the journal's writer. */
export const JOURNAL_PORT = 'upfront-journal';

/** The background's requests to the journal's writer (relayed by the offscreen document to its worker). */
export const SegmentRequest = z.discriminatedUnion('op', [
  z.object({ id: z.number().int(), op: z.literal('append'), text: z.string() }),
  z.object({ id: z.number().int(), op: z.literal('read') }),
]);
export type SegmentRequest = z.infer<typeof SegmentRequest>;

export const SegmentReply = z.union([
  z.object({
    id: z.number().int(),
    ok: z.literal(true),
    segments: z.array(z.object({ name: z.string(), text: z.string(), torn: z.boolean() })).optional(),
  }),
  /** The error's name is kept, so a full disk (QuotaExceededError) is named as such to the host. */
  z.object({ id: z.number().int(), ok: z.literal(false), name: z.string(), message: z.string() }),
]);
export type SegmentReply = z.infer<typeof SegmentReply>;
