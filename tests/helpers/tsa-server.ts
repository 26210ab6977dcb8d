/**
 * A real RFC 3161 time-stamping authority for tests: `openssl ts -reply` behind an HTTP server on
 * 127.0.0.1, with a test CA and a TSA certificate made at test time (nothing committed, nothing
 * reused between runs). Needs the `openssl` command (`.ci/run` installs it where missing).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestTsa {
  /** POST a DER TimeStampReq here (Content-Type application/timestamp-query). */
  url: string;
  /** The TSA's signing certificate and its CA, PEM. */
  tsaCertPem: string;
  caCertPem: string;
  /** Requests answered so far. */
  answered: number;
  /** Makes the next replies fail with this HTTP status (0: answer normally). */
  failWith: number;
  close(): Promise<void>;
}

const CONFIG = (dir: string) => `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = ${dir}/serial
crypto_device = builtin
signer_cert = ${dir}/tsa.crt
certs = ${dir}/tsa.crt
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
other_policies = 1.3.6.1.4.1.99999.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
`;

function openssl(dir: string, args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Starts a TSA named `name` (its certificate's CN). */
export async function startTestTsa(name = 'Upfront Test TSA'): Promise<TestTsa> {
  const dir = mkdtempSync(path.join(tmpdir(), 'upfront-tsa-'));
  const cnf = path.join(dir, 'tsa.cnf');
  writeFileSync(cnf, CONFIG(dir));
  writeFileSync(path.join(dir, 'serial'), '01\n');
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt',
    '-days', '2', '-subj', '/CN=Upfront Test Root', '-config', cnf, '-extensions', 'ca_ext']);
  openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr',
    '-subj', `/O=Upfront tests/CN=${name}`, '-config', cnf]);
  openssl(dir, ['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.crt', '-days', '2',
    '-extfile', cnf, '-extensions', 'tsa_ext']);

  const state = { answered: 0, failWith: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (state.failWith) {
        res.writeHead(state.failWith).end();
        return;
      }
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(415).end();
        return;
      }
      try {
        const n = ++state.answered;
        const query = path.join(dir, `q${n}.tsq`);
        const reply = path.join(dir, `r${n}.tsr`);
        writeFileSync(query, Buffer.concat(chunks));
        openssl(dir, ['ts', '-reply', '-config', cnf, '-queryfile', query, '-out', reply]);
        res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'access-control-allow-origin': '*' }).end(readFileSync(reply));
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    tsaCertPem: readFileSync(path.join(dir, 'tsa.crt'), 'utf8'),
    caCertPem: readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
    get answered() {
      return state.answered;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(v: number) {
      state.failWith = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}
