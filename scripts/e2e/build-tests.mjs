// Bundles the extension-host test suites: one CommonJS file per test module, with `vscode` (given by the
// host), mocha and the test runner left external. Two suites:
//   test/integration/            -> <out>/integration/            (a trusted workspace)
//   test/integration-untrusted/  -> <out>/integration-untrusted/  (Restricted Mode; same runner, index.ts)
// Usage: node scripts/e2e/build-tests.mjs [--outdir DIR]   (default: out). The e2e script passes a folder
// of its own per run, so two runs at the same time never load each other's half-written bundles. DIR must
// be inside the repository: the bundles load mocha from its node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const at = process.argv.indexOf('--outdir');
const outRoot = at >= 0 ? process.argv[at + 1] : 'out';
if (!outRoot) throw new Error('--outdir needs a folder');

const suites = [
  { dir: 'test/integration', out: 'integration', runner: 'test/integration/index.ts' },
  { dir: 'test/integration-untrusted', out: 'integration-untrusted', runner: 'test/integration/index.ts' },
];

for (const suite of suites) {
  const outdir = join(outRoot, suite.out);
  // Start empty: a test file renamed or deleted must not keep running from an old bundle.
  rmSync(outdir, { recursive: true, force: true });
  const tests = readdirSync(suite.dir).filter((f) => f.endsWith('.ts') && f !== 'helpers.ts' && f !== 'index.ts').map((f) => `${suite.dir}/${f}`);
  const entryPoints = [...tests.map((file) => ({ in: file, out: file.slice(suite.dir.length + 1, -3) })), { in: suite.runner, out: 'index' }];
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
    sourcemap: 'inline',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  console.log(`built ${tests.length} test modules and the runner into ${outdir}`);
}
