/**
 * Proofs over chain heads, kept off the live path (issue 19: a proof never delays a
 * disclosure): when a show goes live, every 10 minutes of a live show (on the first disclosure
 * after 10 minutes since the last proof) and when it ends, the background signs the session's
 * head with this installation's key and, when a time-stamping authority is set, asks it for an
 * RFC 3161 token over that head. Nobody awaits this: a disclosure's acknowledgement never
 * waits for a network. Offline, refused or failing: the session stays on the "no token yet" list
 * and is tried again on the next proof point, when the background starts, and from the studio.
 */
import type { ProofStore } from '../db/proof-store';
import type { Repository } from '../db/repository';
import { deviceKeyPair, publicDeviceKey, signHead } from '../evidence/device-key';
import { toBase64, type Proofs } from '../evidence/proofs';
import { requestTimestamp, stampedBytes } from '../evidence/timestamp';
import type { KeyValue } from './kv';

export const STAMP_EVERY_MS = 10 * 60 * 1000;
const SETTINGS_KEY = 'proofSettings';

export interface ProofSettings {
  /** The time-stamping authority's URL; absent: time-stamps are off (the default). */
  tsaUrl?: string;
}

export interface ProofStatus {
  tsaUrl?: string;
  /** Sessions whose last head has no time-stamp yet (only when an authority is set). */
  unstamped: string[];
  /** The last failure, in words, if the last attempt failed. */
  lastError?: string;
}

export type ProofPoint = 'start' | 'event' | 'end';

export interface ProverDeps {
  repo: Repository;
  store: ProofStore;
  local: KeyValue;
  now: () => number;
  fetch: typeof fetch;
}

export class Prover {
  /** Per session, the proof run in progress: one at a time, so two points never stamp twice. */
  private readonly running = new Map<string, Promise<void>>();
  private lastError: string | undefined;

  constructor(private readonly deps: ProverDeps) {}

  async settings(): Promise<ProofSettings> {
    return (await this.deps.local.get<ProofSettings>(SETTINGS_KEY)) ?? {};
  }

  async setSettings(s: ProofSettings): Promise<ProofSettings> {
    await this.deps.local.set(SETTINGS_KEY, s);
    this.lastError = undefined;
    return s;
  }

  /** A proof point: never awaited by the caller; errors are kept for the studio, never thrown. */
  point(sessionId: string, kind: ProofPoint): void {
    void this.maybeProve(sessionId, kind);
  }

  private async maybeProve(sessionId: string, kind: ProofPoint): Promise<void> {
    try {
      if (kind === 'event') {
        const last = await this.deps.store.lastStamp(sessionId);
        const since = last?.at ?? (await this.deps.repo.getSession(sessionId))?.startedAt ?? 0;
        if (this.deps.now() - since < STAMP_EVERY_MS) return;
      }
      await this.prove(sessionId);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }

  /** Signs and (when an authority is set) stamps the session's current head, once per head. */
  prove(sessionId: string): Promise<void> {
    const before = this.running.get(sessionId) ?? Promise.resolve();
    const run = before.then(() => this.proveNow(sessionId));
    const kept = run.catch(() => undefined);
    this.running.set(sessionId, kept);
    void kept.then(() => {
      if (this.running.get(sessionId) === kept) this.running.delete(sessionId);
    });
    return run;
  }

  private async proveNow(sessionId: string): Promise<void> {
    const { repo, store } = this.deps;
    const session = await repo.getSession(sessionId);
    // Another machine's sessions are that machine's to prove.
    if (!session || session.origin?.importedFrom !== undefined) return;
    const { lastSeq: seq, head } = session;
    if (!(await store.hasSignature(sessionId, seq))) {
      const installation = await repo.installationId();
      const pair = await deviceKeyPair(store.keyStore());
      await store.addSignature(await signHead(pair, installation, sessionId, seq, head));
    }
    const { tsaUrl } = await this.settings();
    if (!tsaUrl || (await store.lastStamp(sessionId))?.seq === seq) return;
    let reply;
    try {
      reply = await requestTimestamp(tsaUrl, stampedBytes(sessionId, seq, head), this.deps.fetch);
    } catch (err) {
      throw new Error(`could not reach the time-stamping authority ${new URL(tsaUrl).host}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!reply.ok) throw new Error(`${new URL(tsaUrl).host}: ${reply.detail}`);
    await store.addStamp({ sessionId, seq, head, token: toBase64(reply.token), url: tsaUrl }, this.deps.now());
    this.lastError = undefined;
  }

  /** Ended sessions of this browser whose last head has no stamp, oldest first. */
  private async unstampedEnded(): Promise<string[]> {
    const sessions = (await this.deps.repo.querySessions({})).filter((s) => s.endedAt !== undefined && s.origin?.importedFrom === undefined);
    return this.deps.store.unstamped(sessions);
  }

  /** Tries every session still lacking its final stamp (at start, and from the studio). */
  async retry(limit = 50): Promise<ProofStatus> {
    if ((await this.settings()).tsaUrl) {
      for (const id of (await this.unstampedEnded()).slice(0, limit)) {
        try {
          await this.prove(id);
        } catch (err) {
          this.lastError = err instanceof Error ? err.message : String(err);
          break; // the authority is down or refusing: the rest waits for the next try
        }
      }
    }
    return this.status();
  }

  /** What a log file carries for these sessions: their stamps and signatures, and this installation's public key. */
  async proofsFor(sessionIds: string[]): Promise<Proofs> {
    const { stamps, signatures } = await this.deps.store.forSessions(sessionIds);
    const keys = [];
    const mine = await this.deps.store.keyStore().get();
    if (mine && signatures.length > 0) keys.push(await publicDeviceKey(mine, await this.deps.repo.installationId()));
    return { stamps, keys, signatures };
  }

  async status(): Promise<ProofStatus> {
    const { tsaUrl } = await this.settings();
    return { tsaUrl, unstamped: tsaUrl ? await this.unstampedEnded() : [], lastError: this.lastError };
  }
}
