/**
 * Proofs that hold outside this browser (issue 19), carried in a log file's `proofs`:
 * - `stamps`: RFC 3161 tokens from an independent time-stamping authority over a chain head
 *   (lib/evidence/timestamp.ts): the log up to that head existed at the authority's time.
 * - `keys` and `signatures`: each installation's ECDSA P-256 public key, and its signatures over
 *   chain heads (lib/evidence/device-key.ts): which installation recorded the log.
 * docs/security.md says what each proves and what it does not.
 */
import { z } from '../zod';
import { Id } from '../schema/common';
import { stampedBytes, verifyTimestampToken, type TimestampCode } from './timestamp';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(64 * 1024);
const Hash = z.string().regex(/^[0-9a-f]{64}$/);

/** A time-stamp token over session `sessionId`'s chain head after event `seq` (0: no event yet). */
export const Stamp = z
  .object({
    sessionId: Id,
    seq: z.number().int().nonnegative(),
    head: Hash,
    /** The DER TimeStampToken (CMS ContentInfo), base64. */
    token: Base64,
    /** Where it was asked for (informational; the token names its authority). */
    url: z.string().max(500).optional(),
  })
  .strict();
export type Stamp = z.infer<typeof Stamp>;

/** The heads a device signs: `upfront-head:v1:<sessionId>:<seq>:<head>` (ECDSA P-256, SHA-256, IEEE P1363 r‖s). */
export const DeviceSignature = z
  .object({
    sessionId: Id,
    seq: z.number().int().nonnegative(),
    head: Hash,
    installation: z.string().min(1).max(100),
    signature: Base64,
  })
  .strict();
export type DeviceSignature = z.infer<typeof DeviceSignature>;

export const DeviceKey = z
  .object({
    installation: z.string().min(1).max(100),
    /** The public key as a JWK (EC P-256, x and y). */
    publicKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().max(100), y: z.string().max(100) }).passthrough(),
  })
  .strict();
export type DeviceKey = z.infer<typeof DeviceKey>;

export const Proofs = z
  .object({
    stamps: z.array(Stamp).default([]),
    keys: z.array(DeviceKey).default([]),
    signatures: z.array(DeviceSignature).default([]),
  })
  .strict();
export type Proofs = z.infer<typeof Proofs>;

export const signedText = (sessionId: string, seq: number, head: string) => `upfront-head:v1:${sessionId}:${seq}:${head}`;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** What the verifier says of one session's proofs. */
export interface SessionProofs {
  stamps: { count: number; first?: number; last?: number; authorities: string[]; lastSeq?: number };
  signatures: { count: number; installation?: string };
}

export type ProofCode = 'stamp-head' | 'stamp-token' | 'signature-head' | 'signature' | 'signature-key';

export interface ProofProblem {
  code: ProofCode;
  sessionId: string;
  seq: number;
  path: string;
  message: string;
}

/** The chain hashes of a verified session: heads[seq] is the hash after event seq (heads[0] the genesis). */
export type ChainHeads = Map<string, string[]>;

/**
 * Checks every stamp and signature against the chain heads the verifier has just recomputed.
 * A proof over a head the file's chain no longer reaches means the log was changed after it
 * was stamped or signed (an event edited, removed or inserted before that point).
 */
export async function checkProofs(proofs: Proofs, heads: ChainHeads, hosts: Map<string, string>): Promise<{ bySession: Map<string, SessionProofs>; problems: ProofProblem[] }> {
  const bySession = new Map<string, SessionProofs>();
  const problems: ProofProblem[] = [];
  const entry = (id: string) => {
    let e = bySession.get(id);
    if (!e) bySession.set(id, (e = { stamps: { count: 0, authorities: [] }, signatures: { count: 0 } }));
    return e;
  };
  for (const id of heads.keys()) entry(id);
  const who = (id: string) => `session ${id}${hosts.has(id) ? ` (${hosts.get(id)})` : ''}`;

  for (const [i, stamp] of proofs.stamps.entries()) {
    const path = `proofs.stamps[${i}]`;
    const chain = heads.get(stamp.sessionId);
    if (!chain || chain[stamp.seq] !== stamp.head) {
      problems.push({
        code: 'stamp-head',
        sessionId: stamp.sessionId,
        seq: stamp.seq,
        path,
        message: `${who(stamp.sessionId)}: the time-stamp over event ${stamp.seq} no longer matches the log: events up to ${stamp.seq} were changed, removed or added after it was stamped`,
      });
      continue;
    }
    const check = await verifyTimestampToken(fromBase64(stamp.token), stampedBytes(stamp.sessionId, stamp.seq, stamp.head));
    if (!check.ok) {
      problems.push({ code: 'stamp-token', sessionId: stamp.sessionId, seq: stamp.seq, path, message: `${who(stamp.sessionId)}: time-stamp over event ${stamp.seq} does not verify (${codeText(check.code)}): ${check.detail}` });
      continue;
    }
    const s = entry(stamp.sessionId).stamps;
    s.count += 1;
    s.first = Math.min(s.first ?? Infinity, check.genTime);
    s.last = Math.max(s.last ?? -Infinity, check.genTime);
    s.lastSeq = Math.max(s.lastSeq ?? 0, stamp.seq);
    if (!s.authorities.includes(check.authority)) s.authorities.push(check.authority);
  }

  const keys = new Map<string, CryptoKey | null>();
  for (const k of proofs.keys) {
    try {
      keys.set(k.installation, await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: k.publicKey.x, y: k.publicKey.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']));
    } catch {
      keys.set(k.installation, null);
    }
  }
  for (const [i, sig] of proofs.signatures.entries()) {
    const path = `proofs.signatures[${i}]`;
    const chain = heads.get(sig.sessionId);
    if (!chain || chain[sig.seq] !== sig.head) {
      problems.push({ code: 'signature-head', sessionId: sig.sessionId, seq: sig.seq, path, message: `${who(sig.sessionId)}: the device signature over event ${sig.seq} no longer matches the log: it was changed after it was signed` });
      continue;
    }
    const key = keys.get(sig.installation);
    if (!key) {
      problems.push({ code: 'signature-key', sessionId: sig.sessionId, seq: sig.seq, path, message: `${who(sig.sessionId)}: no usable public key for installation ${sig.installation} in the file` });
      continue;
    }
    const ok = await crypto.subtle
      .verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64(sig.signature) as BufferSource, new TextEncoder().encode(signedText(sig.sessionId, sig.seq, sig.head)) as BufferSource)
      .catch(() => false);
    if (!ok) {
      problems.push({ code: 'signature', sessionId: sig.sessionId, seq: sig.seq, path, message: `${who(sig.sessionId)}: the device signature over event ${sig.seq} does not verify with installation ${sig.installation}'s key` });
      continue;
    }
    const e = entry(sig.sessionId).signatures;
    e.count += 1;
    e.installation = sig.installation;
  }
  return { bySession, problems };
}

function codeText(code: TimestampCode): string {
  return code.replace(/-/g, ' ');
}
