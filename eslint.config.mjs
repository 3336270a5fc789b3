// Lint: typescript-eslint (type-aware), plus the lit and web-components rules for element code.
// `npm run lint`; `npm test` runs it too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// demo/ has its own server-side html tag (demo/html.ts), not Lit's.
const browserCode = ['src/**/*.ts', 'test/**/*.ts', 'emulator/src/**/*.ts', 'emulator/test/**/*.ts'];

export default tseslint.config(
  {ignores: ['**/dist/', 'node_modules/', '.tmp/', 'custom-elements.json', 'screenshots/']},
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: {...globals.browser, ...globals.node},
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite']}],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', caughtErrors: 'none'}],
    },
  },
  {files: browserCode, ...lit.configs['flat/recommended']},
  {files: browserCode, ...wc.configs['flat/recommended']},
  {
    // @open-wc/semantic-dom-diff types every chai `equal` as Promise<Assertion>, so the rule
    // would flag each plain assertion in the browser tests.
    files: ['test/**/*.test.ts', 'emulator/test/**/*.test.ts'],
    ignores: ['**/*.node.test.ts'],
    rules: {'@typescript-eslint/no-floating-promises': 'off'},
  },
  {
    // Tests read HTTP answers as parsed JSON (any) and pin them with deepEqual: typing every
    // body would only restate the assertion. Source code keeps these rules.
    files: ['test/**/*.ts', 'emulator/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Test servers pass async listeners to node:http, which ignores their promises; a
      // failure there fails the request, and so the test.
      '@typescript-eslint/no-misused-promises': ['error', {checksVoidReturn: {arguments: false}}],
    },
  },
  {files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked},
);
