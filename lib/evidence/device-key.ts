/**
 * This installation's signing key (issue 19): an ECDSA P-256 pair made with Web Crypto on first
 * use, the private half non-extractable, kept in the background's database (IndexedDB stores a
 * CryptoKey as is, so no script can read the private key out, only use it here). A signature
 * over a chain head says "this installation (browser profile) held this log"; it says nothing of
 * who sat at the keyboard (docs/security.md).
 */
import { signedText, toBase64, type DeviceKey, type DeviceSignature } from './proofs';

export interface KeyStore {
  get(): Promise<CryptoKeyPair | undefined>;
  /** Saves the pair unless one is there already; returns the one kept (two first uses at once keep one). */
  putIfAbsent(pair: CryptoKeyPair): Promise<CryptoKeyPair>;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function deviceKeyPair(store: KeyStore): Promise<CryptoKeyPair> {
  const existing = await store.get();
  if (existing) return existing;
  const made = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  return store.putIfAbsent(made);
}

export async function publicDeviceKey(pair: CryptoKeyPair, installation: string): Promise<DeviceKey> {
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { installation, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! } };
}

export async function signHead(pair: CryptoKeyPair, installation: string, sessionId: string, seq: number, head: string): Promise<DeviceSignature> {
  const data = new TextEncoder().encode(signedText(sessionId, seq, head));
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data));
  return { sessionId, seq, head, installation, signature: toBase64(sig) };
}
