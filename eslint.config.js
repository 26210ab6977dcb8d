// ESLint (flat config). Besides typescript-eslint and the rules of hooks, the restricted imports
// below write down the architecture (docs/architecture.md): which layer may import which.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The content script runs on the hostile console page: no React, no storage, no zod. */
const CONTENT_SCRIPT = ['entrypoints/console.content.ts', 'lib/content/**', 'lib/hotkeys.ts', 'lib/platforms.ts', 'lib/messaging/types.ts'];

const heavy = (why) => [
  { name: 'react', message: why },
  { name: 'react-dom', message: why },
  { name: 'dexie', message: why },
  { name: 'zod', message: why, allowTypeImports: true },
];

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.demo-profile/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'import/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Empty object types are how the request map says "no payload".
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // Browser globals, and WXT's auto-imported `browser`/`defineBackground` in entrypoints.
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  {
    // Playwright reads a test's fixtures from its first parameter's pattern: `async ({}, testInfo)`.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: CONTENT_SCRIPT,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: heavy('The content script runs on the console page and stays tiny: no React, no database, no zod (docs/security.md).') }],
    },
  },
  {
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only the background owns the database: components ask it through lib/messaging.' }],
          patterns: [
            { group: ['**/lib/db/**', '@/lib/db/**'], message: 'components/ never imports lib/db: only the background owns the database (ask it through lib/messaging).' },
            {
              group: ['**/lib/contracts', '**/lib/contracts/**', '@/lib/contracts', '@/lib/contracts/**'],
              allowTypeImports: true,
              message: 'lib/contracts holds the background\'s handlers: components/ takes only its types (import type).',
            },
          ],
        },
      ],
    },
  },
);
