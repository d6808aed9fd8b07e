import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '**/node_modules/**', '.vscode-test/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: Object.fromEntries([
        'console', 'process', 'require', 'module', '__dirname', '__filename', 'URL', 'URLSearchParams', 'Buffer',
        'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch', 'AbortSignal',
        'AbortController', 'TextDecoder', 'TextEncoder', 'performance', 'structuredClone', 'window', 'document',
      ].map((name) => [name, 'readonly'])),
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Architecture invariant: the core sees neither the connection, VS Code, nor the file system.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The core is protocol-agnostic.' },
          { group: ['fs', 'node:*', 'path', 'child_process', 'os', 'net'], message: 'The core does no IO: it takes text and returns data.' },
          { group: ['**/knowledge/builtin', '**/knowledge/data/*'], message: 'The core receives knowledge as a parameter; it never loads the built-in data.' },
        ],
      }],
      'no-console': 'error',
    },
  },
  {
    // stdout is the LSP channel in --stdio mode.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli.ts'],
    rules: { 'no-console': 'error' },
  },
);
