// The engine in src/core must stay host-neutral: no editor API, no Node built-ins.
// File access goes through the Workspace seam so the same code runs in the CLI, the extension and tests.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'crypto', 'process', 'stream', 'events', 'readline', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tools/**', '.work/**', 'examples/**', 'test/fixtures/**', 'bench/.data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/core is host-neutral: go through the Workspace interface.' })),
        patterns: [{ group: ['node:*'], message: 'src/core is host-neutral: no Node built-ins.' }, { group: ['**/vscode/**', '**/cli/**'], message: 'src/core must not depend on its hosts.' }],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }] }] },
  },
);
