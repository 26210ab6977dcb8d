import { EvidencePack, PACK_FORMAT } from '../returns/evidence-pack';
import type { DisclosureEvent, Snapshot } from '../schema/session';
import { checkChainSlice, genesisOf } from './chain';
import { contentHash } from './hash';
import { checkProofs } from './proofs';
import type { VerifyProblem, VerifyReport } from './verify-report';

export { PACK_FORMAT };

const path = (issuePath: readonly PropertyKey[]) => issuePath.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/**
 * Verifies an evidence pack on its own: its shape; that its events are the session's chain from
 * the first event, with no gap (sequence 1…n, each prev the hash before it, each hash its
 * content, starting from the session's genesis hash); that the prefix head is the last hash and
 * is the session's head if the prefix is the whole session; that no event is after the order;
 * that corrections point back inside the prefix; every snapshot against its hash; and the
 * time-stamps and device signatures it carries against the heads of its own events.
 */
export async function verifyPackData(data: unknown): Promise<VerifyReport> {
  const parsed = EvidencePack.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = path(issue.path);
    return { ok: false, sessions: [], events: 0, snapshots: 0, problems: [{ code: 'bad-shape', path: where, message: `${where || 'file'}: ${issue.message}` }] };
  }
  const pack = parsed.data;
  const { session, events } = pack;
  const problems: VerifyProblem[] = [];
  const at = (code: VerifyProblem['code'], where: string, message: string, e?: DisclosureEvent) =>
    problems.push({ code, path: where, sessionId: session.id, ...(e ? { seq: e.seq, eventId: e.id } : {}), message });

  const step = checkChainSlice(session.id, events, 0, events.length, genesisOf(session));
  if ('code' in step) {
    at(step.code, `events[${step.position}]`, `session ${session.id} (${session.host}), event ${step.seq}${step.eventId ? ` (${step.eventId})` : ''}: ${step.reason}`, events[step.position]);
  } else {
    if (pack.prefix.throughSeq !== events.length || pack.prefix.head !== step.prev) {
      at('pack-prefix', 'prefix', `the pack says it holds events 1–${pack.prefix.throughSeq} ending in ${pack.prefix.head.slice(0, 12)}…; its events end at ${events.length} in ${step.prev.slice(0, 12)}…`);
    } else if (events.length > session.lastSeq || (events.length === session.lastSeq && session.head !== step.prev)) {
      at('pack-prefix', 'session', `session ${session.id} has ${session.lastSeq} events ending in ${session.head.slice(0, 12)}…; the pack's ${events.length} events are not its beginning`);
    }
    const seen = new Set<string>();
    events.forEach((e, i) => {
      if (e.corrects !== undefined && !seen.has(e.corrects)) at('correction-target', `events[${i}]`, `event ${e.seq}: corrects ${e.corrects}, which is not an earlier event of the session`, e);
      seen.add(e.id);
    });
  }
  const late = events.findIndex((e) => e.at > pack.order.orderedAt);
  if (late >= 0) at('pack-order', `events[${late}]`, `event ${events[late].seq} was recorded after the order time: a pack holds the events up to the order`, events[late]);
  if (pack.order.orderId && pack.returns.some((r) => r.orderId !== pack.order.orderId)) {
    at('pack-order', 'returns', `a return in the pack belongs to another order than ${pack.order.orderId}`);
  }
  problems.push(...snapshotProblems(pack.snapshots, events));
  let proofs;
  if (pack.proofs) {
    const heads = new Map([[session.id, [genesisOf(session), ...events.map((e) => e.hash)]]]);
    const checked = await checkProofs(pack.proofs, heads, new Map([[session.id, session.host]]));
    proofs = checked.bySession.get(session.id);
    problems.push(...checked.problems);
  }
  return {
    ok: problems.length === 0,
    version: pack.version,
    exportedAt: pack.createdAt,
    sessions: [{ sessionId: session.id, host: session.host, startedAt: session.startedAt, events: events.length, head: session.head, chainVersion: session.chainVersion ?? 1, problem: problems.find((p) => p.sessionId === session.id), ...(proofs ? { proofs } : {}) }],
    events: events.length,
    snapshots: pack.snapshots.length,
    problems,
  };
}

/** Each snapshot must hash to its key, and every snapshot an event cites must be there. */
export function snapshotProblems(snapshots: readonly Snapshot[], events: readonly DisclosureEvent[]): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const hashes = new Set<string>();
  snapshots.forEach((snap, i) => {
    if (contentHash(snap.content) !== snap.hash) {
      problems.push({ code: 'snapshot-hash', path: `snapshots[${i}]`, message: `snapshot ${snap.hash.slice(0, 12)}… does not match its content: the card text was changed` });
    }
    hashes.add(snap.hash);
  });
  const missing = new Set<string>();
  events.forEach((e, index) => {
    if (!hashes.has(e.cardHash) && !missing.has(e.cardHash)) {
      missing.add(e.cardHash);
      problems.push({
        code: 'snapshot-missing',
        path: `events[${index}]`,
        sessionId: e.sessionId,
        seq: e.seq,
        eventId: e.id,
        message: `event ${e.id} cites card snapshot ${e.cardHash.slice(0, 12)}…, which is not in the file`,
      });
    }
  });
  return problems;
}

/**
 * Is a (verified) pack's prefix part of a (verified) log? The log must hold the pack's session
 * with the same events, by hash, at the same places. Returns a problem, or undefined when it is.
 */
export function packInLog(pack: EvidencePack, log: { events: readonly DisclosureEvent[] }): VerifyProblem | undefined {
  const mine = log.events.filter((e) => e.sessionId === pack.session.id).sort((a, b) => a.seq - b.seq);
  if (mine.length === 0) return undefined;
  const differs = pack.events.findIndex((e, i) => mine[i]?.hash !== e.hash);
  if (differs < 0) return undefined;
  const e = pack.events[differs];
  return { code: 'pack-prefix', path: `events[${differs}]`, sessionId: pack.session.id, seq: e.seq, eventId: e.id, message: `event ${e.seq} of the pack differs from the log's event ${e.seq} of session ${pack.session.id}` };
}
