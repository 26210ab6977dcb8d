import { LogFile, SUPPORTED_LOG_VERSIONS, LOG_FORMAT } from '../export/log-file';
import type { DisclosureEvent } from '../schema/session';
import { checkChainSlice, checkHead, genesisHash, type ChainBreakCode, type CodedBreak } from './chain';
import { PACK_FORMAT, snapshotProblems, verifyPackData } from './verify-pack';

/** Stable codes for what is wrong; the studio translates them ("verify.code.*"), the CLI prints them. */
export type VerifyCode =
  | ChainBreakCode
  | 'not-json'
  | 'not-a-log'
  | 'unsupported-version'
  | 'bad-shape'
  | 'duplicate-session'
  | 'duplicate-event'
  | 'unknown-session'
  | 'correction-target'
  | 'snapshot-hash'
  | 'snapshot-missing'
  // An evidence pack (lib/evidence/verify-pack.ts): its prefix or its order does not hold together.
  | 'pack-prefix'
  | 'pack-order';

export interface VerifyProblem {
  code: VerifyCode;
  /** Where: "events[12]", "snapshots[0]", "sessions[1]" or a JSON path into a malformed file. */
  path?: string;
  sessionId?: string;
  seq?: number;
  eventId?: string;
  /** English, for the terminal and logs. */
  message: string;
}

export interface SessionCheck {
  sessionId: string;
  host: string;
  startedAt: number;
  events: number;
  /** The chain head the file gives for the session: compare it with the one noted at export. */
  head: string;
  /** The first place this session's record breaks, or undefined when it verifies. */
  problem?: VerifyProblem;
}

export interface VerifyReport {
  ok: boolean;
  version?: number;
  exportedAt?: string;
  sessions: SessionCheck[];
  events: number;
  snapshots: number;
  /** Every problem found, in file order: the first one is where the file first breaks. */
  problems: VerifyProblem[];
}

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
    let prev = genesisHash(s.id);
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
    sessions.push({ sessionId: s.id, host: s.host, startedAt: s.startedAt, events: events.length, head: s.head, problem });
  }
  eventProblems.sort((a, b) => a.index - b.index);
  problems.push(...eventProblems.map((p) => p.problem));

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

/** The report in plain English lines, for the terminal. */
export function formatReport(report: VerifyReport, fileName: string): string[] {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`OK ${fileName}: ${report.sessions.length} session(s), ${report.events} event(s), ${report.snapshots} snapshot(s); every chain and snapshot verifies.`);
    for (const s of report.sessions) lines.push(`  ✓ ${s.sessionId}  ${s.host}  ${new Date(s.startedAt).toISOString()}  ${s.events} event(s)  head ${s.head}`);
    return lines;
  }
  const first = report.problems[0];
  lines.push(`FAILED ${fileName}: ${report.problems.length} problem(s).`);
  lines.push(`First break${first.path ? ` at ${first.path}` : ''} [${first.code}]: ${first.message}`);
  for (const s of report.sessions) {
    lines.push(s.problem ? `  ✗ ${s.sessionId}  ${s.host}: ${s.problem.message}` : `  ✓ ${s.sessionId}  ${s.host}  ${s.events} event(s)`);
  }
  for (const p of report.problems.slice(1)) if (!p.sessionId || !report.sessions.some((s) => s.problem === p)) lines.push(`  - [${p.code}] ${p.message}`);
  return lines;
}
