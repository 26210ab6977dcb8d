import type { KeyStore } from '../evidence/device-key';
import type { DeviceSignature, Stamp } from '../evidence/proofs';
import type { UpfrontDb } from './database';

const DEVICE_KEY = 'device-key';

/** Time-stamps and device signatures over sessions' chain heads, and this installation's key pair. */
export class ProofStore {
  constructor(private readonly db: UpfrontDb) {}

  keyStore(): KeyStore {
    const { db } = this;
    return {
      get: async () => (await db.meta.get(DEVICE_KEY))?.value as CryptoKeyPair | undefined,
      // One transaction: two first signatures at once keep one key pair, not two.
      putIfAbsent: (pair) =>
        db.transaction('rw', db.meta, async () => {
          const found = (await db.meta.get(DEVICE_KEY))?.value as CryptoKeyPair | undefined;
          if (found) return found;
          await db.meta.put({ key: DEVICE_KEY, value: pair });
          return pair;
        }),
    };
  }

  async addStamp(stamp: Stamp, at: number): Promise<void> {
    await this.db.stamps.put({ ...stamp, at });
  }

  async addSignature(sig: DeviceSignature): Promise<void> {
    await this.db.signatures.put(sig);
  }

  /** The newest stamp of a session, if any. */
  async lastStamp(sessionId: string): Promise<(Stamp & { at: number }) | undefined> {
    return this.db.stamps.where('[sessionId+seq]').between([sessionId, -Infinity], [sessionId, Infinity]).last();
  }

  async hasSignature(sessionId: string, seq: number): Promise<boolean> {
    return (await this.db.signatures.get([sessionId, seq])) !== undefined;
  }

  async forSessions(ids: string[]): Promise<{ stamps: Stamp[]; signatures: DeviceSignature[] }> {
    const stamps = (await this.db.stamps.where('sessionId').anyOf(ids).toArray()).map(({ at: _at, ...s }) => s);
    const signatures = await this.db.signatures.where('sessionId').anyOf(ids).toArray();
    const order = (a: { sessionId: string; seq: number }, b: { sessionId: string; seq: number }) => a.sessionId.localeCompare(b.sessionId) || a.seq - b.seq;
    return { stamps: stamps.sort(order), signatures: signatures.sort(order) };
  }

  /** Sessions (by id) whose last head has no stamp yet. */
  async unstamped(sessions: { id: string; lastSeq: number }[]): Promise<string[]> {
    const out: string[] = [];
    for (const s of sessions) if ((await this.lastStamp(s.id))?.seq !== s.lastSeq) out.push(s.id);
    return out;
  }
}
