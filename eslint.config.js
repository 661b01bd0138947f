// Lint, and the house's import rules (DESIGN.md): which folder may import what.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Matched as whole module names (a regex, not gitignore-style groups), so a folder of our own named like a
// built-in (`./process/…`) is not taken for it.
const builtinNames = builtinModules.filter((m) => !m.startsWith('_') && !m.includes('/')).map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const nodeBuiltinsRule = { regex: `^(node:.+|(${builtinNames.join('|')})(/.*)?)$`, message: 'Node built-ins are not available here: this code runs in the browser too.' };
const electronRule = { group: ['electron', 'electron/*'], message: "Only main/electron and preload import 'electron'." };
const mainRule = { group: ['**/main/**', '**/main'], message: 'This code may not import main/ (the Node side).' };
const rendererRule = { group: ['**/renderer/**'], message: 'main/ never imports renderer/.' };
const outsideCoreRule = {
  group: ['**/main/**', '**/renderer/**', '**/runtime/**', '**/preload/**', 'react', 'react-dom', 'react/*', 'zustand', 'zustand/*'],
  message: 'core/ imports only core/ and pure libraries.',
};

/** One `no-restricted-imports` rule built from several pattern groups. */
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'reports/**', 'node_modules/**', 'e2e/screenshots/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-restricted-imports': restrict(electronRule),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Insecure Electron settings are banned everywhere, not only where we look for them.
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration must stay off.' },
        { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation must stay on.' },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'The renderer must stay sandboxed.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay on.' },
        { selector: "CallExpression[callee.property.name='loadFile']", message: 'Load the renderer from app://, never file://.' },
      ],
    },
  },
  { files: ['core/**'], rules: { 'no-restricted-imports': restrict(nodeBuiltinsRule, electronRule, outsideCoreRule) } },
  {
    files: ['renderer/**', 'runtime/client/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': restrict(nodeBuiltinsRule, electronRule, mainRule) },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/platform/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'studio', message: 'Only renderer/platform talks to the bridge.' }],
      'no-restricted-globals': ['error', { name: 'studio', message: 'Only renderer/platform talks to the bridge.' }, { name: 'fetch', message: 'Only renderer/platform talks to the host.' }, { name: 'WebSocket', message: 'Only renderer/platform talks to the host.' }],
    },
  },
  { files: ['main/**'], ignores: ['main/electron/**'], rules: { 'no-restricted-imports': restrict(electronRule, rendererRule) } },
  { files: ['main/electron/**'], rules: { 'no-restricted-imports': restrict(rendererRule) } },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^(?!electron$|(\\.\\./)+core/api(/[\\w.]+)?$)',
        message: "preload imports only 'electron' and core/api.",
      }),
    },
  },
  // Tests and their helpers run in Node and are never shipped: they may read fixtures with Node built-ins anywhere.
  { files: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'], rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { ...globals.node } } },
);
