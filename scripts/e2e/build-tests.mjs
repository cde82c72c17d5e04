// Bundles the integration tests for the extension host: one CommonJS file per test module in
// out/integration/, with `vscode` (given by the host), mocha and the test runner left external.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'test/integration';
// Start empty: a test file renamed or deleted must not keep running from an old bundle.
rmSync('out/integration', { recursive: true, force: true });
const entries = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'helpers.ts').map((f) => `${dir}/${f}`);
await esbuild.build({
  entryPoints: entries,
  outdir: 'out/integration',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha', '@vscode/test-electron'],
  sourcemap: 'inline',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
});
console.log(`built ${entries.length} integration test modules into out/integration`);
