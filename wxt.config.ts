import { defineConfig } from 'wxt';
import { consoleMatches, consoleOrigins } from './lib/platforms';

// The manifest's console patterns come from the one platform registry in lib/platforms.ts.
export default defineConfig({
  // A separate output folder lets parallel work build and test without clobbering each other.
  outDir: process.env.UPFRONT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage (issue 22): the browser never evicts the log and its journal to free disk
    // space. Without it, Chromium deleted the whole extension's storage (database and journal
    // alike) when a disk ran short mid-show (measured, tests/e2e/disk-full.spec.ts).
    // offscreen (issue 22, no install prompt): a document whose worker writes the journal in place.
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    // The consoles' own patterns (the content script already asks for them at install): needed to
    // put a fresh content script into consoles that are open while the extension is updated.
    host_permissions: consoleMatches(),
    // "Use Upfront on this site" asks for one origin at a time, at the moment the host chooses it.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // "Save each show's log to Downloads" (issue 22) asks for it when the option is turned on.
    optional_permissions: ['downloads'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidebar.html', default_title: '__MSG_extName__' },
          browser_specific_settings: {
            gecko: {
              id: 'upfront@upfront.example',
              strict_min_version: '142.0',
              // Upfront sends nothing anywhere: the log stays in the browser until a person exports it.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { side_panel: { default_path: 'sidebar.html' } }),
    // The sidebar frame may be embedded by console pages only, under a per-session random URL.
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: consoleOrigins(),
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; img-src 'self' data: blob: https:; base-uri 'none'; frame-ancestors 'self' " + consoleOrigins().map((o) => o.replace('/*', '')).join(' '),
    },
  }),
  zip: {
    // The sources zip (for Firefox review) holds the repo, not local test and demo state.
    excludeSources: ['test-results/**', 'playwright-report/**', '.demo-profile/**', '.output*/**', 'demo-screenshot.png', 'bench/results.json'],
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // Sanity check at build time: every console pattern is covered by a content script.
      const matches = manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
      for (const m of consoleMatches()) if (!matches.includes(m)) throw new Error(`content script does not match ${m}`);
    },
  },
});
