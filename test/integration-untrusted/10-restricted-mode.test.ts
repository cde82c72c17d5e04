// The extension in Restricted Mode, inside the real extension host of a window whose folder is NOT trusted:
// scripts/e2e/run.sh starts code-server without --disable-workspace-trust, with the trust setting on and no
// start-up prompt, and opens a copy of the fixture that was never trusted. A hostile repository must not
// make the extension write or run anything there: reading features work, every writing feature refuses
// and leaves the bytes on disk as they were, and git (which a repository's own configuration can turn into
// a program launcher) is never started. The trusted suite (test/integration) checks that the same inputs do
// get the quick fixes and edits refused here, so each refusal below is a difference, not an absence.
// @verifies STM-5
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StarterResult } from '../../src/vscode/features/starter';
import { api, codes, markdownText, open, positionOf, revertAll, root, uri, waitFor } from '../integration/helpers';

const PINNED = 'src/pinned.ts';
const PINNED_TEXT = '\uFEFF// A link pinned to an older text of SR-1.\r\n\t// @implements SR-1#000000\r\n\texport const pinned = true;\r\n';
const ROUTE = 'src/api.ts';
const ROUTE_TEXT = "import express from 'express';\n\nconst app = express();\napp.get('/metrics', (_req, res) => res.send('ok'));\n";
const RESTRICTED = 'Renaming is disabled in untrusted workspaces.';

const read = async (file: string) => Buffer.from(await vscode.workspace.fs.readFile(uri(file)));
const exists = (file: string) => vscode.workspace.fs.stat(uri(file)).then(() => true, () => false);

/**
 * Puts a `git` first on the PATH of this extension host (the extension runs git through Node's
 * child_process, which reads PATH at each call) that records its working folder and arguments and then
 * fails. Returns the calls made in the workspace folder since.
 */
function spyOnGit(): { calls(): string[]; restore(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sectrace-git-spy-'));
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(log, '');
  fs.writeFileSync(path.join(dir, 'git'), `#!/bin/sh\nprintf '%s\\t%s\\n' "$(pwd -P)" "$*" >> '${log}'\nexit 1\n`, { mode: 0o755 });
  const saved = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${saved ?? ''}`;
  const folder = fs.realpathSync(root().fsPath);
  return {
    calls: () => fs.readFileSync(log, 'utf8').split('\n').filter((line) => line && fs.realpathSync(line.split('\t')[0]).startsWith(folder)),
    restore: () => {
      process.env.PATH = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a command that must answer at once; a dialog or picker left waiting for a person is a failure. */
async function answersAtOnce<T>(what: string, run: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} waited for input instead of refusing`)), 5000)));
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
}

describe('Restricted Mode: an untrusted workspace is read, never written or run', () => {
  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(uri(PINNED), new TextEncoder().encode(PINNED_TEXT));
    await vscode.workspace.fs.writeFile(uri(ROUTE), new TextEncoder().encode(ROUTE_TEXT));
    await waitFor('the suspect link', () => codes(vscode.languages.getDiagnostics(uri(PINNED))).includes('suspect-link'));
    await waitFor('the interface without context', () => codes(vscode.languages.getDiagnostics(uri(ROUTE))).includes('interface-missing-context'));
  });
  after(revertAll);

  it('the folder is untrusted, and the extension is active in limited mode with the whole trace', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the e2e stage must open the folder in Restricted Mode');
    const sectrace = await api();
    const items = [...(sectrace.snapshot()?.graph.items.keys() ?? [])].sort();
    assert.deepEqual(items, ['AST-1', 'IF-1', 'MIT-1', 'SR-1', 'SR-2', 'SR-3', 'THR-1', 'THR-2']);
  });

  it('reading features work: diagnostics, hover, definition, the trees and the report', async () => {
    assert.ok(codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('unmitigated-threat'));
    const document = await open('src/commands.ts');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'SR-1', 1));
    assert.match(markdownText(hovers), /Reject commands with an old counter/);
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'SR-1', 1));
    assert.ok(definitions.some((d) => ('targetUri' in d ? d.targetUri : d.uri).path.endsWith('/specs/security.md')));
    const threats = await (await api()).treeChildren('sectrace.threats');
    assert.ok(threats.length >= 2, 'the Threats view lists the threats');
    const html = await vscode.commands.executeCommand<string>('sectrace.openReport');
    assert.match(html, /Tampered drug library/);
    const buttons = html.match(/<button[^>]*data-export[^>]*>/g) ?? [];
    assert.equal(buttons.length, 5, 'the five export buttons are shown');
    assert.ok(buttons.every((b) => / disabled\b/.test(b)), `every export button is disabled: ${buttons.join(' ')}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('rename is refused with the documented message, and no file changes', async () => {
    const document = await open('src/commands.ts');
    const before = await read('src/commands.ts');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'SR-2'))),
      (error: Error) => error.message.includes(RESTRICTED),
    );
    let edit: vscode.WorkspaceEdit | undefined;
    try {
      edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'SR-2'), 'SR-20');
    } catch (error) {
      assert.match(String(error), new RegExp(RESTRICTED.replace(/\./g, '\\.')));
    }
    assert.ok(!edit || edit.size === 0, 'no rename edit');
    assert.deepEqual(await read('src/commands.ts'), before);
  });

  it('offers no quick fix that writes: no security-context annotation, no re-pin', async () => {
    for (const [file, code] of [[ROUTE, 'interface-missing-context'], [PINNED, 'suspect-link']]) {
      const document = await vscode.workspace.openTextDocument(uri(file));
      const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => d.code === code);
      assert.ok(diagnostic, `${code} in ${file}`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const ours = actions.filter((a) => a.kind?.value.startsWith('quickfix.sectrace') || /re-pin|security context/i.test(a.title));
      assert.deepEqual(ours.map((a) => a.title), [], `${file}: no sectrace fix`);
    }
  });

  it('shows "What changed" on a suspect link but no re-pin CodeLens', async () => {
    const document = await vscode.workspace.openTextDocument(uri(PINNED));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles.some((title) => /What changed/.test(title)), `lenses: ${titles.join(' | ')}`);
    assert.deepEqual(titles.filter((title) => /re-pin/i.test(title)), []);
  });

  it('every writing command refuses at once and writes nothing: starter files, export, re-pin, record review', async () => {
    const pinned = await read(PINNED);
    const starter = await answersAtOnce('Create Starter Files', vscode.commands.executeCommand<StarterResult | undefined>('sectrace.createStarterFiles'));
    assert.equal(starter, undefined);
    assert.equal(await exists('docs/security-spec.md'), false);
    for (const format of ['md', 'html', undefined]) {
      assert.equal(await answersAtOnce(`export ${format}`, vscode.commands.executeCommand('sectrace.exportReport', format)), undefined);
    }
    assert.equal(await vscode.commands.executeCommand('sectrace.repinLink', PINNED, 1, 16), 0);
    assert.equal(await vscode.commands.executeCommand('sectrace.repinAll', 'SR-1'), 0);
    assert.equal(await answersAtOnce('Record Review', vscode.commands.executeCommand('sectrace.recordReview', 'SR-1', { by: 'Someone', date: '2026-06-15' })), undefined);
    assert.equal(await exists('.sectrace'), false, 'no review store');
    assert.deepEqual(await read(PINNED), pinned, 'the pinned file is byte for byte as it was');
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.isDirty).length, 0, 'no unsaved edit either');
  });

  it('never starts git: the suspect-link hover, "What changed" and Show Impact stay out of the repository', async () => {
    const git = spyOnGit();
    try {
      // The spy works: git started from this process the way the extension starts it is recorded.
      assert.throws(() => execFileSync('git', ['--version'], { cwd: root().fsPath, stdio: 'ignore' }));
      assert.equal(git.calls().length, 1, 'the spy records a git call in the workspace');
      const document = await open(PINNED);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'SR-1#', 2));
      assert.match(markdownText(hovers), /SR-1 changed after this link was pinned/, 'the hover itself still shows');
      await vscode.commands.executeCommand('sectrace.showChange', PINNED, 1, 16);
      assert.equal(await vscode.commands.executeCommand('sectrace.showImpact'), undefined);
      assert.deepEqual(git.calls().slice(1), [], 'no git call from the extension');
    } finally {
      git.restore();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('logged no errors', async () => {
    assert.deepEqual((await api()).errors(), []);
  });
});
