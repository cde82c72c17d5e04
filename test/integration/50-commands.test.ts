import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckResult } from '../../src/vscode/features/check';
import type { StarterResult } from '../../src/vscode/features/starter';
import { parseMessage } from '../../src/vscode/report/messages';
import { api, revertAll, uri } from './helpers';

describe('commands', () => {
  before(api);
  after(revertAll);

  it('Run Traceability Check re-indexes and sums up', async () => {
    const result = await vscode.commands.executeCommand<CheckResult>('sectrace.check');
    assert.ok(result);
    assert.equal(result.summary.verdict, 'fail');
    assert.deepEqual(result.summary.findings, { error: 2, warning: 1, info: 0 });
    assert.equal(result.message, 'Traceability check failed: 8 items, 2 errors, 1 warnings, 0 notes.');
  });

  it('Open Traceability Report shows the engine report under a strict policy', async () => {
    const html = await vscode.commands.executeCommand<string>('sectrace.openReport');
    assert.ok(html);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-[0-9a-f]{36}'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    // Resources come only from the webview's own resource origin (`webview.cspSource`), never from the web.
    const sources = policy.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1));
    const remote = sources.filter((s) => /^https?:/.test(s) && !/vscode-cdn\.net|vscode-resource/.test(s));
    assert.deepEqual(remote, []);
    assert.match(html, /THR-2/);
    assert.match(html, /Tampered drug library/);
    assert.doesNotMatch(html, /<script(?![^>]*nonce=)/, 'every script carries the nonce');
  });

  it('the report webview may only open known workspace files and export known formats', async () => {
    const snapshot = (await api()).snapshot();
    assert.deepEqual(parseMessage({ type: 'open', file: 'src/commands.ts', line: 3 }, snapshot), { type: 'open', file: 'src/commands.ts', line: 3 });
    assert.deepEqual(parseMessage({ type: 'export', format: 'sarif' }, snapshot), { type: 'export', format: 'sarif' });
    for (const bad of [
      { type: 'open', file: '../outside.ts', line: 1 },
      { type: 'open', file: '/etc/passwd', line: 1 },
      { type: 'open', file: 'src/missing.ts', line: 1 },
      { type: 'open', file: 'src\\commands.ts', line: 1 },
      { type: 'export', format: 'exe' },
      { type: 'run', command: 'workbench.action.terminal.new' },
      'open',
      null,
    ]) {
      assert.equal(parseMessage(bad, snapshot), undefined, JSON.stringify(bad));
    }
  });

  it('Create Starter Files writes what is missing and never overwrites', async () => {
    const spec = uri('docs/security-spec.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('.sectrace.yaml')));
    try {
      const first = await vscode.commands.executeCommand<StarterResult>('sectrace.createStarterFiles');
      assert.deepEqual(first, { created: ['docs/security-spec.md'], kept: ['.sectrace.yaml'] });
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(spec)), /## THR-1: Unauthorised read of patient data/);
      const second = await vscode.commands.executeCommand<StarterResult>('sectrace.createStarterFiles');
      assert.deepEqual(second, { created: [], kept: ['.sectrace.yaml', 'docs/security-spec.md'] });
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('.sectrace.yaml'))), before);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri('docs'), { recursive: true });
    }
  });
});
