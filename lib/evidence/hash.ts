import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/**
 * Canonical JSON (RFC 8785, JCS) so the same content hashes the same on every machine and after
 * a round trip through an export file. Hashing is synchronous on purpose: it runs inside a
 * Dexie transaction, and awaiting Web Crypto there would let IndexedDB commit the transaction
 * early.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
