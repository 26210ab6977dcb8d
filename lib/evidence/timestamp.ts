/**
 * RFC 3161 time-stamps over a session's chain head (issue 19), through PKI.js and asn1js: a
 * maintained ASN.1/CMS stack that runs on Web Crypto alone, so the same code signs nothing,
 * parses and verifies in the service worker, the studio and Node (`npm run verify-log`).
 *
 * What is stamped: SHA-256 of `upfront-timestamp:v1:<sessionId>:<seq>:<head>` — the head hash
 * together with the session and the position it closes, so a token can vouch for one prefix of
 * one session's chain only. A later rewrite of that prefix changes the head and cannot get a token
 * dated earlier.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256 } from '@noble/hashes/sha2.js';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const CN_OID = '2.5.4.3';
const O_OID = '2.5.4.10';

/** The exact bytes a token's message imprint is the SHA-256 of. */
export function stampedText(sessionId: string, seq: number, head: string): string {
  return `upfront-timestamp:v1:${sessionId}:${seq}:${head}`;
}

/** The stamped datum: the bytes of stampedText (a token's imprint is their SHA-256). */
export function stampedBytes(sessionId: string, seq: number, head: string): Uint8Array {
  return new TextEncoder().encode(stampedText(sessionId, seq, head));
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The nonce as a DER INTEGER's bytes: positive (top bit clear) and minimal (first byte not zero).
 * A leading zero byte followed by a small one is not minimal DER, and `openssl ts` refuses the
 * whole request ("bad request format"): about one request in 256 with random bytes.
 */
function positiveNonce(nonce: Uint8Array): Uint8Array {
  const n = Uint8Array.from(nonce);
  n[0] = n[0] & 0x7f || 0x01;
  return n;
}

/** A DER TimeStampReq for the digest, asking for the TSA's certificate, with a random nonce. */
export function timestampRequest(datum: Uint8Array, nonce: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): Uint8Array {
  const n = positiveNonce(nonce);
  const digest = sha256(datum);
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: buffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buffer(n) }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER(false));
}

/** Why a token or reply does not hold, as a stable code (i18n "timestamp.code.<code>", CLI output). */
export type TimestampCode = 'malformed' | 'rejected' | 'nonce' | 'imprint' | 'algorithm' | 'no-certificate' | 'signature' | 'not-timestamping';

export interface TokenFacts {
  /** The authority's time, epoch ms. */
  genTime: number;
  /** The signing certificate's subject (CN, O). */
  authority: string;
  serial: string;
  policy: string;
}

export type TokenCheck = ({ ok: true } & TokenFacts) | { ok: false; code: TimestampCode; detail: string };

function nameOf(cert: pkijs.Certificate): string {
  const attr = (oid: string) => cert.subject.typesAndValues.find((t) => t.type === oid)?.value.valueBlock.value as string | undefined;
  return [attr(CN_OID), attr(O_OID)].filter(Boolean).join(', ') || 'unnamed authority';
}

function signerCertificate(signed: pkijs.SignedData): pkijs.Certificate | undefined {
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signed.signerInfos[0]?.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer));
  }
  return certs[0];
}

function hasTimestampingUse(cert: pkijs.Certificate): boolean {
  const eku = cert.extensions?.find((e) => e.extnID === '2.5.29.37');
  const usages = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  return usages.includes('1.3.6.1.5.5.7.3.8');
}

/**
 * Checks a token (a DER ContentInfo holding SignedData over a TSTInfo): the CMS signature against
 * the certificate the token carries, that certificate's time-stamping purpose, and the message
 * imprint against the SHA-256 of `datum`. Trust in the authority itself (whose certificate it is) is reported
 * by name, for a person to judge, and is not decided here.
 */
export async function verifyTimestampToken(token: Uint8Array, datum: Uint8Array): Promise<TokenCheck> {
  const digest = sha256(datum);
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const content = pkijs.ContentInfo.fromBER(buffer(token));
    if (content.contentType !== pkijs.ContentInfo.SIGNED_DATA) return { ok: false, code: 'malformed', detail: 'not CMS signed data' };
    signed = new pkijs.SignedData({ schema: content.content });
    const eContent = signed.encapContentInfo.eContent;
    if (!eContent) return { ok: false, code: 'malformed', detail: 'no TSTInfo inside the token' };
    info = pkijs.TSTInfo.fromBER(eContent.getValue());
  } catch (err) {
    return { ok: false, code: 'malformed', detail: err instanceof Error ? err.message : String(err) };
  }
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) {
    return { ok: false, code: 'algorithm', detail: `imprint hashed with ${info.messageImprint.hashAlgorithm.algorithmId}, not SHA-256` };
  }
  if (hex(info.messageImprint.hashedMessage.valueBlock.valueHexView) !== hex(digest)) {
    return { ok: false, code: 'imprint', detail: 'the token stamps another chain head: the log was changed after it was stamped' };
  }
  const cert = signerCertificate(signed);
  if (!cert) return { ok: false, code: 'no-certificate', detail: 'the token carries no signing certificate' };
  if (!hasTimestampingUse(cert)) return { ok: false, code: 'not-timestamping', detail: `${nameOf(cert)} is not a time-stamping certificate` };
  let valid = false;
  try {
    valid = await signed.verify({ signer: 0, data: buffer(datum), checkChain: false, extendedMode: false });
  } catch (err) {
    return { ok: false, code: 'signature', detail: err instanceof Error ? err.message : String(err) };
  }
  if (!valid) return { ok: false, code: 'signature', detail: 'the authority’s signature does not match the token' };
  return {
    ok: true,
    genTime: info.genTime.getTime(),
    authority: nameOf(cert),
    serial: hex(info.serialNumber.valueBlock.valueHexView),
    policy: info.policy,
  };
}

export type ReplyRead = { ok: true; token: Uint8Array; facts: TokenFacts } | { ok: false; code: TimestampCode; detail: string };

/**
 * Reads a TSA's reply to `timestampRequest(datum, nonce)`: granted, the same nonce, and a token
 * that verifies for the datum.
 */
export async function readTimestampReply(reply: Uint8Array, datum: Uint8Array, nonce: Uint8Array): Promise<ReplyRead> {
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(buffer(reply));
  } catch (err) {
    return { ok: false, code: 'malformed', detail: err instanceof Error ? err.message : String(err) };
  }
  // 0 granted, 1 granted with modifications; anything else is a refusal.
  if (resp.status.status > 1 || !resp.timeStampToken) {
    const text = resp.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    return { ok: false, code: 'rejected', detail: `the authority refused (status ${resp.status.status}${text ? `: ${text}` : ''})` };
  }
  const token = new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
  const info = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent!.getValue());
  const asked = positiveNonce(nonce);
  if (!info.nonce || hex(info.nonce.valueBlock.valueHexView).replace(/^(00)+/, '') !== hex(asked).replace(/^(00)+/, '')) {
    return { ok: false, code: 'nonce', detail: 'the reply answers another request (nonce differs)' };
  }
  const check = await verifyTimestampToken(token, datum);
  if (!check.ok) return check;
  const { ok: _ok, ...facts } = check;
  return { ok: true, token, facts };
}

/** Asks `url` for a token over `datum` (HTTP POST, application/timestamp-query). Throws on network errors. */
export async function requestTimestamp(url: string, datum: Uint8Array, fetchFn: typeof fetch = fetch): Promise<ReplyRead> {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: buffer(timestampRequest(datum, nonce)),
  });
  if (!res.ok) return { ok: false, code: 'rejected', detail: `the authority answered HTTP ${res.status}` };
  return readTimestampReply(new Uint8Array(await res.arrayBuffer()), datum, nonce);
}
