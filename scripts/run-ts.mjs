#!/usr/bin/env node
// Runs a TypeScript script with Node 20, which cannot strip types itself (no
// --experimental-strip-types before Node 22.6) and has no tsx here: esbuild bundles the script
// and the lib/ code it imports into one ES module under node_modules/.cache, then Node runs it.
// Usage: node scripts/run-ts.mjs scripts/verify-log.ts [args…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs SCRIPT.ts [args…]');
  process.exit(2);
}
const outDir = path.join(root, 'node_modules/.cache/upfront-scripts');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  alias: { '@': root },
});
// Arguments are resolved from where npm was run, not from the repository root.
const cwd = process.env.INIT_CWD ?? process.cwd();
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd, env: { ...process.env, UPFRONT_ROOT: root } });
process.exit(result.status ?? 1);
