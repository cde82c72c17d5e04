// Runs the integration suite in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (the e2e script uses code-server instead, which needs only the npm registry).
//   node scripts/e2e/build-tests.mjs && node out/integration/runDesktop.js
// The fixture is copied first because the tests create and delete files in the workspace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sectrace-it-'));
  fs.cpSync(path.join(repo, 'test', 'fixtures', 'vscode-workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
