// Packages the .vsix from a staging folder that holds only what ships. vsce walks every file under the
// folder it packages before applying .vscodeignore; in a working copy with node_modules and the cached
// e2e tools that walk takes minutes, in the staging folder it takes a second.
// Usage: node scripts/e2e/package.mjs [output.vsix]   (run `node scripts/build.mjs --production` first)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const output = resolve(process.argv[2] ?? join(root, `${name}-${version}.vsix`));
// One stage per process: two e2e runs (separate WORK_DIRs) may package at the same time.
const stage = join(root, '.work', `package-stage-${process.pid}`);
// The same allowlist as .vscodeignore, which vsce still applies inside the stage.
const shipped = ['package.json', '.vscodeignore', 'dist/extension.js', 'media', 'syntaxes', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs --production` first');
rmSync(stage, { recursive: true, force: true });
for (const entry of shipped.filter((e) => existsSync(join(root, e)))) {
  mkdirSync(dirname(join(stage, entry)), { recursive: true });
  cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// --no-rewrite-relative-links: package.json has no repository URL to rewrite README links against.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', output], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
