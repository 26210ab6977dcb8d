/**
 * Responses of the returns loop's requests (issue 17: matching, order lookup, evidence pack,
 * analysis, readiness feedback). Type-only, like ./catalogue-types.ts; merged into ./types.ts.
 * The payload schemas are in ./returns-loop-protocol.ts, the handlers in
 * lib/background/returns-loop-handlers.ts.
 */
import type { Problem } from '../readiness';
import type { Analysis } from '../returns/analysis';
import type { Disclosure, MustSayStatus } from '../returns/disclosed';
import type { EvidencePack } from '../returns/evidence-pack';
import type { UnmatchedWhy } from '../returns/match';
import type { OrderLine, ReturnLine } from '../returns/types';
import type { LocalizedText } from '../schema/common';
import type { Session, Snapshot } from '../schema/session';

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

export interface ReturnsLoopResponses {
  'returns.lookup': LookupAnswer;
  'returns.pack': EvidencePack;
  'returns.analysis': Analysis;
  'returns.unmatched': { total: number; lines: UnmatchedRow[] };
  'returns.feedback': Problem[];
}
