import { genesisOf } from '../evidence/chain';
import type { Proofs } from '../evidence/proofs';
import { UpfrontError } from '../errors';
import { analyse } from '../returns/analysis';
import { trailOf, type Disclosure, type MustSayStatus } from '../returns/disclosed';
import { buildEvidencePack } from '../returns/evidence-pack';
import { returnsProblems } from '../returns/feedback';
import type { Loop } from '../returns/loop';
import type { UnmatchedWhy } from '../returns/match';
import type { ReturnsLoopStore } from '../returns/store';
import type { OrderLine, ReturnLine } from '../returns/types';
import { Id, type LocalizedText } from '../schema/common';
import type { Session, Snapshot } from '../schema/session';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/** How long after a show its orders still count: up to a day (lib/returns/match.ts). */
const GraceMs = z.number().int().min(0).max(24 * 3_600_000).optional();
const OrderId = z.string().trim().min(1).max(100);

/**
 * The returns loop's requests (issue 17: matching, order lookup, evidence pack, analysis,
 * readiness feedback). Read-only: matching is derived from the log and the imported lines, kept
 * only until either changes (lib/returns/store.ts), so a newly merged log or import changes the
 * answer at once. Analysis runs here, in the
 * background, where the data is.
 */
export const returnsLoopRequests = {
  // Several ids at once: an after-sales person pastes a column of them.
  'returns.lookup': z.object({ orderIds: z.array(OrderId).min(1).max(200), graceMs: GraceMs }).strict(),
  'returns.pack': z.object({ key: z.string().min(1).max(400), graceMs: GraceMs }).strict(),
  'returns.analysis': z
    .object({
      filter: z
        .object({ from: z.number().int().optional(), to: z.number().int().optional(), deckIds: z.array(Id).max(1000).optional() })
        .strict()
        .default({}),
      graceMs: GraceMs,
    })
    .strict(),
  'returns.unmatched': z.object({ graceMs: GraceMs, limit: z.number().int().min(1).max(10_000).default(1000) }).strict(),
  'returns.feedback': z.object({ deckId: Id, graceMs: GraceMs }).strict(),
};

/** One order line found by an order lookup, with its show if it has one. */
export interface LookupLine {
  line: OrderLine;
  returns: ReturnLine[];
  returned: number;
  /** A cancelled line is no sale: it is not matched. */
  cancelled: boolean;
  match?: {
    session: Session;
    cardId: string;
    sku: string;
    name?: LocalizedText;
    offsetMs: number;
    inGrace: boolean;
    mustSay: MustSayStatus;
    /** The product's disclosure timeline: up to the order, then after it. */
    before: Disclosure[];
    after: Disclosure[];
  };
  why?: UnmatchedWhy;
  sessionIds?: string[];
}

export interface LookupAnswer {
  /** In the order the ids were asked; an id with no imported line has `lines: []`. */
  results: { orderId: string; lines: LookupLine[] }[];
  /** The snapshots the timelines cite: what each card said at the time. */
  snapshots: Snapshot[];
}

export interface UnmatchedRow {
  key: string;
  fileName: string;
  row?: number;
  orderId: string;
  sku: string;
  orderedAt: number;
  why: UnmatchedWhy;
  sessionIds?: string[];
}

/** A session's time-stamps and signatures, for the evidence pack (lib/background/prover.ts). */
export type SessionProofsOf = (sessionId: string) => Promise<Proofs | undefined>;

export function returnsLoopHandlers(store: ReturnsLoopStore | undefined, now: () => number, proofsOf?: SessionProofsOf) {
  const s = () => {
    if (!store) throw new UpfrontError('internal', 'returns loop not wired');
    return store;
  };
  // Over everything: the store's kept loop; for a few orders, made from their lines alone.
  const loopOf = async (graceMs: number | undefined, orderIds?: string[]): Promise<Loop> => (orderIds ? s().loopOfOrders(orderIds, graceMs) : s().loop(graceMs));
  return {
    'returns.lookup': async ({ orderIds, graceMs }): Promise<LookupAnswer> => {
      const ids = [...new Set(orderIds)];
      const loop = await loopOf(graceMs, ids);
      const lines = new Map<string, LookupLine[]>(ids.map((id) => [id, []]));
      const hashes = new Set<string>();
      for (const l of loop.lines) {
        const { after } = trailOf(l.show, l.product.cardId, l.line.orderedAt);
        for (const d of [...l.before, ...after]) hashes.add(d.cardHash);
        const { cardId, sku, name } = l.product;
        lines.get(l.line.orderId)?.push({
          line: l.line,
          returns: l.returns,
          returned: l.returned,
          cancelled: false,
          match: { session: l.show.session, cardId, sku, name, offsetMs: l.offsetMs, inGrace: l.inGrace, mustSay: l.mustSay, before: l.before, after },
        });
      }
      for (const u of loop.unmatched) {
        lines.get(u.line.orderId)?.push({ line: u.line, returns: u.returns, returned: u.returned, cancelled: false, why: u.why, ...(u.sessionIds ? { sessionIds: u.sessionIds } : {}) });
      }
      for (const c of loop.cancelled) lines.get(c.orderId)?.push({ line: c, returns: [], returned: 0, cancelled: true });
      return {
        results: ids.map((orderId) => ({ orderId, lines: (lines.get(orderId) ?? []).sort((a, b) => a.line.key.localeCompare(b.line.key)) })),
        snapshots: await s().snapshots([...hashes]),
      };
    },
    'returns.pack': async ({ key, graceMs }) => {
      const line = await s().orderLine(key);
      if (!line) throw new UpfrontError('order-not-found', key);
      const loop = await loopOf(graceMs, [line.orderId]);
      const matched = loop.lines.find((l) => l.line.key === key);
      if (!matched) throw new UpfrontError('order-unmatched', key);
      const cited = matched.show.events.filter((e) => e.at <= line.orderedAt).map((e) => e.cardHash);
      const snapshots = new Map((await s().snapshots([...new Set(cited)])).map((x) => [x.hash, x]));
      return buildEvidencePack(matched, snapshots, genesisOf(matched.show.session), now(), await proofsOf?.(matched.show.session.id));
    },
    'returns.analysis': async ({ filter, graceMs }) => analyse(await loopOf(graceMs), filter),
    'returns.unmatched': async ({ graceMs, limit }): Promise<{ total: number; lines: UnmatchedRow[] }> => {
      const loop = await loopOf(graceMs);
      const all = loop.unmatched.slice().sort((a, b) => a.line.fileName.localeCompare(b.line.fileName) || (a.line.row ?? 0) - (b.line.row ?? 0));
      return {
        total: all.length,
        lines: all.slice(0, limit).map((u) => ({
          key: u.line.key,
          fileName: u.line.fileName,
          ...(u.line.row !== undefined ? { row: u.line.row } : {}),
          orderId: u.line.orderId,
          sku: u.line.sku,
          orderedAt: u.line.orderedAt,
          why: u.why,
          ...(u.sessionIds ? { sessionIds: u.sessionIds } : {}),
        })),
      };
    },
    'returns.feedback': async ({ deckId, graceMs }) => {
      const found = await s().deckWithCards(deckId);
      if (!found) throw new UpfrontError('deck-not-found', deckId);
      return returnsProblems(found.deck, found.cards, (await loopOf(graceMs)).lines);
    },
  } satisfies HandlersFor<typeof returnsLoopRequests>;
}

export type ReturnsLoopResponses = ResponsesOf<ReturnType<typeof returnsLoopHandlers>>;
