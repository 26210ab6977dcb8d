/**
 * What the verifier reports (lib/evidence/verify.ts for log files, ./verify-pack.ts for evidence
 * packs): a module of its own so the two verifiers share it without importing each other.
 */
import type { ChainBreakCode } from './chain';
import type { SessionProofs } from './proofs';

/** Stable codes for what is wrong; the studio translates them ("verify.code.*"), the CLI prints them. */
export type VerifyCode =
  | ChainBreakCode
  | 'header'
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
  | 'pack-order'
  | 'stamp-head'
  | 'stamp-token'
  | 'signature-head'
  | 'signature'
  | 'signature-key';

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
  /** 2: the chain covers the session's header; 1: recorded before that (lib/evidence/chain.ts). */
  chainVersion: 1 | 2;
  /** The first place this session's record breaks, or undefined when it verifies. */
  problem?: VerifyProblem;
  /** Its time-stamps and device signatures that verify (none in files before version 3). */
  proofs?: SessionProofs;
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
