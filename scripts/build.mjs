// Bundles the hosts with esbuild. The ESM-only Markdown stack (unified, remark) is bundled into CommonJS
// output, which is what VS Code's extension host and a plain `node` both load without flags.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'src/vscode/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/cli/scanWorker.ts', out: 'scan-worker' },
  { in: 'src/cli/engine.ts', out: 'engine' },
].filter((entry) => existsSync(entry.in));

await esbuild.build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Packages that ship ESM only can still be `import`ed by the CommonJS bundle: esbuild inlines them.
  mainFields: ['module', 'main'],
});
console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
