import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { consoleMatches, consoleOrigins } from '../../lib/platforms';
import { EXTENSION_DIR } from './harness';

// Least privilege, checked on the manifest that ships (the build output), not on the config.
const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('asks only for the permissions its features use', () => {
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'offscreen', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions.sort()).toEqual([...consoleMatches()].sort());
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  // Only for the automatic copy of each show's log, asked when that option is turned on.
  expect(manifest.optional_permissions).toEqual(['downloads']);
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.content_scripts).toHaveLength(1);
  expect([...manifest.content_scripts[0].matches].sort()).toEqual([...consoleMatches()].sort());
  expect(manifest.content_scripts[0].all_frames).toBeUndefined();
});

test('exposes only the sidebar page, only to console origins, only under a dynamic URL', () => {
  expect(manifest.web_accessible_resources).toEqual([
    { resources: ['sidebar.html'], matches: consoleOrigins(), use_dynamic_url: true },
  ]);
});

test('extension pages run under a strict CSP that allows images from data:, blob: and https: only', () => {
  const csp: string = manifest.content_security_policy.extension_pages;
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https:']);
  expect(directives['frame-ancestors']).toEqual(["'self'", ...consoleOrigins().map((o) => o.replace('/*', ''))]);
});

test('the content script stays tiny: no React, no Dexie, no zod', () => {
  const script = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/console.js'), 'utf8');
  expect(script.length).toBeLessThan(20_000);
  for (const marker of ['react.element', 'Dexie', 'indexedDB', 'localStorage', 'ZodError']) expect(script).not.toContain(marker);
});
