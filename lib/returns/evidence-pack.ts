import { Proofs } from '../evidence/proofs';
import { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { z } from '../zod';
import type { LoopLine } from './loop';
import { OrderLine, ReturnLine } from './types';

export const PACK_FORMAT = 'upfront-evidence-pack';
export const PACK_VERSION = 1;

/**
 * One order's evidence (docs/returns-loop.md, "Evidence pack"): the order line and its returns, the
 * show's session header, and the session's events from the first up to the last one recorded at
 * or before the order time, with the card snapshots they cite. Those events are a prefix of the
 * session's hash chain, which starts from a hash of the session id, so they verify on their own
 * (`npm run verify-log -- PACK.json`) and match the same events of the full log
 * (`npm run verify-log -- PACK.json LOG.json`). The prefix holds every product's events: a
 * chain cannot skip one.
 */
export const EvidencePack = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    createdAt: z.iso.datetime(),
    order: OrderLine.strict(),
    returns: z.array(ReturnLine.strict()),
    /** The card the order line was matched to (its SKU or the stem of its variant SKU). */
    product: z.object({ cardId: z.string(), sku: z.string() }).strict(),
    /** Order time into the stream. */
    offsetMs: z.number().int(),
    /** The session as the log holds it: `lastSeq` and `head` are the whole chain's. */
    session: Session.strict(),
    /** The prefix: events 1…throughSeq, the last one's hash (the genesis hash when empty). */
    prefix: z.object({ throughSeq: z.number().int().nonnegative(), head: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    events: z.array(DisclosureEvent.strict()),
    snapshots: z.array(Snapshot.strict()),
    /**
     * Time-stamps and device signatures over heads inside the prefix (issue 19), with the signing
     * installation's public key: enough to check them from the pack alone.
     */
    proofs: Proofs.optional(),
  })
  .strict()
  .meta({ title: 'Upfront evidence pack', description: 'One order line, its show and the hash-chained events up to the order. See docs/returns-loop.md.' });
export type EvidencePack = z.infer<typeof EvidencePack>;

/**
 * The pack for a matched line. `snapshots` must hold every snapshot the prefix cites (the
 * background reads them; a log file has them all). `genesis` is the chain's start hash.
 */
export function buildEvidencePack(l: LoopLine, snapshots: ReadonlyMap<string, Snapshot>, genesis: string, createdAt: number, proofs?: Proofs): EvidencePack {
  const events: DisclosureEvent[] = [];
  for (const e of l.show.events) {
    if (e.at > l.line.orderedAt) break;
    events.push(e);
  }
  const cited = [...new Set(events.map((e) => e.cardHash))].map((h) => snapshots.get(h)).filter((s): s is Snapshot => s !== undefined);
  const { exportedAt: _local, ...session } = l.show.session;
  // Records as the schemas define them (a stored record may carry more), so the pack is strict.
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    createdAt: new Date(createdAt).toISOString(),
    order: OrderLine.parse(l.line),
    returns: l.returns.map((r) => ReturnLine.parse(r)),
    product: { cardId: l.product.cardId, sku: l.product.sku },
    offsetMs: l.offsetMs,
    session: Session.parse(session),
    prefix: { throughSeq: events.length, head: events.length > 0 ? events[events.length - 1].hash : genesis },
    events,
    snapshots: cited,
    ...(proofs ? { proofs: prefixProofs(proofs, events.length) } : {}),
  };
}

/** The proofs a pack can check on its own: over heads at or before its last event. */
function prefixProofs(proofs: Proofs, throughSeq: number): Proofs {
  const stamps = proofs.stamps.filter((p) => p.seq <= throughSeq);
  const signatures = proofs.signatures.filter((p) => p.seq <= throughSeq);
  const signers = new Set(signatures.map((s) => s.installation));
  return { stamps, signatures, keys: proofs.keys.filter((k) => signers.has(k.installation)) };
}

/** The pack's file name: the order id made safe for a file system. */
export function packFileName(pack: Pick<EvidencePack, 'order'>): string {
  return `order-${pack.order.orderId.replace(/[^\w.-]+/g, '_').slice(0, 80)}.upfront-evidence.json`;
}
