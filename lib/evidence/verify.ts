import { LogFile, SUPPORTED_LOG_VERSIONS, LOG_FORMAT } from '../export/log-file';
import type { DisclosureEvent } from '../schema/session';
import { checkChainSlice, checkHead, eventHash, genesisOf, type CodedBreak } from './chain';
import { checkProofs, type ChainHeads, type SessionProofs } from './proofs';
import type { SessionCheck, VerifyProblem, VerifyReport } from './verify-report';

export type { SessionCheck, VerifyCode, VerifyProblem, VerifyReport } from './verify-report';
import { PACK_FORMAT, snapshotProblems, verifyPackData } from './verify-pack';


export interface VerifyOptions {
  /** Called between batches of events so a page can repaint; the CLI leaves it out. */
  yieldEvery?: number;
  pause?: () => Promise<void>;
}

const fail = (problem: VerifyProblem): VerifyReport => ({ ok: false, sessions: [], events: 0, snapshots: 0, problems: [problem] });

/** Verifies the text of a JSON log file, or of an evidence pack (lib/returns/evidence-pack.ts). */
export async function verifyLogText(text: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail({ code: 'not-json', message: `not a JSON file: ${err instanceof Error ? err.message : String(err)}` });
  }
  return verifyLogData(data, options);
}

/**
 * Verifies a parsed log file: its shape, each session's hash chain in file order (so an edited,
 * deleted, inserted or reordered event shows where it happened), each session's head, every
 * snapshot against its hash, and that every event's snapshot is there.
 */
export async function verifyLogData(data: unknown, options: VerifyOptions = {}): Promise<VerifyReport> {
  const head = data as { format?: unknown; version?: unknown } | null;
  if (head && typeof head === 'object' && head.format === PACK_FORMAT) return verifyPackData(data);
  if (!head || typeof head !== 'object' || head.format !== LOG_FORMAT) {
    return fail({ code: 'not-a-log', message: `not an Upfront log (format must be "${LOG_FORMAT}")` });
  }
  if (!(SUPPORTED_LOG_VERSIONS as readonly unknown[]).includes(head.version)) {
    return fail({ code: 'unsupported-version', message: `unsupported log version ${String(head.version)}` });
  }
  const parsed = LogFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return fail({ code: 'bad-shape', path, message: `${path || 'file'}: ${issue.message}` });
  }
  const file = parsed.data;
  const problems: VerifyProblem[] = [];
  const yieldEvery = options.yieldEvery ?? Infinity;

  // Sessions: each once.
  const sessionIndex = new Map<string, number>();
  file.sessions.forEach((s, i) => {
    if (sessionIndex.has(s.id)) {
      problems.push({ code: 'duplicate-session', path: `sessions[${i}]`, sessionId: s.id, message: `session ${s.id} appears twice` });
    } else sessionIndex.set(s.id, i);
  });

  // Events grouped by session, in file order; each id once.
  const bySession = new Map<string, { event: DisclosureEvent; index: number }[]>();
  const eventIds = new Set<string>();
  const eventProblems: { index: number; problem: VerifyProblem }[] = [];
  file.events.forEach((event, index) => {
    if (eventIds.has(event.id)) {
      eventProblems.push({
        index,
        problem: { code: 'duplicate-event', path: `events[${index}]`, sessionId: event.sessionId, seq: event.seq, eventId: event.id, message: `event ${event.id} appears twice` },
      });
      return;
    }
    eventIds.add(event.id);
    if (!sessionIndex.has(event.sessionId)) {
      eventProblems.push({
        index,
        problem: { code: 'unknown-session', path: `events[${index}]`, sessionId: event.sessionId, seq: event.seq, eventId: event.id, message: `event ${event.id} belongs to session ${event.sessionId}, which is not in the file` },
      });
      return;
    }
    const list = bySession.get(event.sessionId) ?? [];
    list.push({ event, index });
    bySession.set(event.sessionId, list);
  });

  // Chains.
  const sessions: SessionCheck[] = [];
  const checked = new Set<string>();
  let hashed = 0;
  for (const s of file.sessions) {
    if (checked.has(s.id)) continue;
    checked.add(s.id);
    const list = bySession.get(s.id) ?? [];
    const events = list.map((l) => l.event);
    let problem: VerifyProblem | undefined;
    // In slices, pausing between them when asked, so one huge session does not block a page.
    let b: CodedBreak | null = null;
    let prev = genesisOf(s);
    if (s.chainVersion === 2 && headerChanged(prev, s.head, events[0])) {
      problem = {
        code: 'header',
        path: `sessions[${sessionIndex.get(s.id)}]`,
        sessionId: s.id,
        message: `session ${s.id} (${s.host}): its header (host, deck, market, platform, console or start time) was changed after it was recorded`,
      };
      eventProblems.push({ index: -1, problem });
      sessions.push({ sessionId: s.id, host: s.host, startedAt: s.startedAt, events: events.length, head: s.head, chainVersion: 2, problem });
      continue;
    }
    const slice = Math.min(yieldEvery, events.length) || 1;
    for (let from = 0; from < events.length; from += slice) {
      const step = checkChainSlice(s.id, events, from, Math.min(events.length, from + slice), prev);
      if ('code' in step) {
        b = step;
        break;
      }
      prev = step.prev;
      hashed += Math.min(slice, events.length - from);
      if (hashed >= yieldEvery && options.pause) {
        hashed = 0;
        await options.pause();
      }
    }
    if (!b) b = checkHead(events, prev, s.head);
    if (b) {
      const at = list[b.position];
      problem = {
        code: b.code,
        path: at ? `events[${at.index}]` : `sessions[${sessionIndex.get(s.id)}].head`,
        sessionId: s.id,
        seq: b.seq,
        eventId: b.eventId,
        message: `session ${s.id} (${s.host}), event ${b.seq}${b.eventId ? ` (${b.eventId})` : ''}: ${b.reason}`,
      };
      eventProblems.push({ index: at?.index ?? Number.MAX_SAFE_INTEGER, problem });
    } else if (s.lastSeq !== events.length) {
      problem = {
        code: 'head',
        path: `sessions[${sessionIndex.get(s.id)}].lastSeq`,
        sessionId: s.id,
        message: `session ${s.id} (${s.host}) says it has ${s.lastSeq} events; the file has ${events.length}`,
      };
      eventProblems.push({ index: Number.MAX_SAFE_INTEGER, problem });
    } else {
      // A correction must point at an earlier event of its own session.
      const seen = new Set<string>();
      for (const { event, index } of list) {
        if (event.corrects !== undefined && !seen.has(event.corrects)) {
          problem = {
            code: 'correction-target',
            path: `events[${index}]`,
            sessionId: s.id,
            seq: event.seq,
            eventId: event.id,
            message: `session ${s.id}, event ${event.seq}: corrects ${event.corrects}, which is not an earlier event of the session`,
          };
          eventProblems.push({ index, problem });
          break;
        }
        seen.add(event.id);
      }
    }
    sessions.push({ sessionId: s.id, host: s.host, startedAt: s.startedAt, events: events.length, head: s.head, chainVersion: s.chainVersion ?? 1, problem });
  }
  eventProblems.sort((a, b) => a.index - b.index);
  problems.push(...eventProblems.map((p) => p.problem));

  // Proofs: each time-stamp and signature must cover a head the chain as written reaches.
  if (file.proofs) {
    const heads: ChainHeads = new Map();
    for (const s of file.sessions) heads.set(s.id, [genesisOf(s), ...(bySession.get(s.id) ?? []).map((l) => l.event.hash)]);
    const checked = await checkProofs(file.proofs, heads, new Map(file.sessions.map((s) => [s.id, s.host])));
    for (const s of sessions) {
      s.proofs = checked.bySession.get(s.sessionId);
      const first = checked.problems.find((p) => p.sessionId === s.sessionId);
      if (first && !s.problem) s.problem = first;
    }
    problems.push(...checked.problems);
  }

  // Snapshots: each must hash to its key, and every cited one must be there.
  problems.push(...snapshotProblems(file.snapshots, file.events));

  return {
    ok: problems.length === 0,
    version: file.version,
    exportedAt: file.exportedAt,
    sessions,
    events: file.events.length,
    snapshots: file.snapshots.length,
    problems,
  };
}

/**
 * A version 2 chain starts at its header's hash. When the first event is intact (its hash matches
 * its content) yet does not start there, or an empty session's head is not there, it is the
 * header that changed, not the events.
 */
function headerChanged(genesis: string, head: string, first: DisclosureEvent | undefined): boolean {
  if (!first) return head !== genesis;
  return first.prev !== genesis && eventHash(first) === first.hash;
}

const chainLabel = (v: 1 | 2) => (v === 2 ? 'chain v2, header covered' : 'chain v1, header not covered');

const iso = (t: number) => new Date(t).toISOString();

/** One line per session on its proofs: time-stamps (count, first and last time, authority) and signature. */
function proofLines(p: SessionProofs | undefined): string[] {
  const st = p?.stamps;
  const stamps = st && st.count > 0
    ? `timestamps: ${st.count} (first ${iso(st.first!)}, last ${iso(st.last!)}, up to event ${st.lastSeq}; by ${st.authorities.join(', ')})`
    : 'no timestamp';
  const sig = p?.signatures.count ? `signed by installation ${p.signatures.installation} (${p.signatures.count} head(s))` : 'no device signature';
  return [`      ${stamps}`, `      ${sig}`];
}

/** Sessions grouped by the installation that signed them (a merged log holds several). */
function byInstallation(report: VerifyReport): string[] {
  const groups = new Map<string, string[]>();
  for (const s of report.sessions) {
    const who = s.proofs?.signatures.count ? (s.proofs.signatures.installation ?? '?') : 'not signed';
    groups.set(who, [...(groups.get(who) ?? []), s.sessionId]);
  }
  if (![...groups.keys()].some((k) => k !== 'not signed')) return [];
  return ['By installation:', ...[...groups].map(([who, ids]) => `  ${who === 'not signed' ? 'not signed' : `installation ${who}`}: ${ids.length} session(s): ${ids.join(', ')}`)];
}

/** The report in plain English lines, for the terminal. */
export function formatReport(report: VerifyReport, fileName: string): string[] {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`OK ${fileName}: ${report.sessions.length} session(s), ${report.events} event(s), ${report.snapshots} snapshot(s); every chain and snapshot verifies.`);
    for (const s of report.sessions) {
      lines.push(`  ✓ ${s.sessionId}  ${s.host}  ${new Date(s.startedAt).toISOString()}  ${s.events} event(s)  head ${s.head}  (${chainLabel(s.chainVersion)})`);
      lines.push(...proofLines(s.proofs));
    }
    lines.push(...byInstallation(report));
    return lines;
  }
  const first = report.problems[0];
  lines.push(`FAILED ${fileName}: ${report.problems.length} problem(s).`);
  lines.push(`First break${first.path ? ` at ${first.path}` : ''} [${first.code}]: ${first.message}`);
  for (const s of report.sessions) {
    lines.push(s.problem ? `  ✗ ${s.sessionId}  ${s.host}: ${s.problem.message}` : `  ✓ ${s.sessionId}  ${s.host}  ${s.events} event(s)  (${chainLabel(s.chainVersion)})`);
    if (!s.problem) lines.push(...proofLines(s.proofs));
  }
  for (const p of report.problems.slice(1)) if (!p.sessionId || !report.sessions.some((s) => s.problem === p)) lines.push(`  - [${p.code}] ${p.message}`);
  return lines;
}
