// Every write of the extension, applied and saved in the real editor, changes only the characters it
// means to: rename across a spec and code with a UTF-8 BOM, CRLF line ends and tabs (and an ID inside a
// string literal, which is no trace, left alone); the interface quick fix in a BOM + CRLF file; re-pinning
// in an executable script, whose mode must stay 0755 after the save; and Create Starter Files next to a
// user's own spec of the same name, which it must leave byte for byte and mode for mode.
// (CRLF, BOM and tabs under the re-pin quick fix, CodeLens and Re-pin All: 70-impact.test.ts.)
// @verifies STM-6
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { itemFingerprint, pinOf } from '../../src/core/impact/fingerprint';
import type { StarterResult } from '../../src/vscode/features/starter';
import { api, revertAll, uri, waitFor } from './helpers';

const BOM = '\uFEFF';
const SPEC = 'specs/zz-bytes.md';
const CODE = 'src/zz-bytes.ts';
const SCRIPT = 'tools/zz-run.sh';
const PINNED_SCRIPT = 'tools/zz-pinned.sh';
const ROUTE = 'src/zz-bom-api.ts';
const USER_SPEC = 'docs/security-spec.md';
const created = [SPEC, CODE, SCRIPT, PINNED_SCRIPT, ROUTE, USER_SPEC];

const SPEC_TEXT = `${BOM}# Bytes fixture\r\n\r\n## SR-40: Keep every byte\r\n\r\nneeds: impl\r\n\r\nMentioned again as SR-40 in prose.\r\n`;
const CODE_TEXT = `${BOM}// Kept byte for byte.\r\n\t// @implements SR-40\r\n\texport const label = 'SR-40 in a string is no trace';\r\n`;
const SCRIPT_TEXT = '#!/bin/sh\n# @implements SR-40\necho "rename me in the comment only: SR-40"\n';
const PINNED_TEXT = '#!/bin/sh\n\t# @implements SR-3#000000\n\techo pinned\n';
const ROUTE_TEXT = `${BOM}import express from 'express';\r\n\r\nconst app = express();\r\n\tapp.get('/zz-status', (_req, res) => res.send('ok'));\r\n`;
const USER_SPEC_TEXT = `${BOM}# Our own spec, not sectrace's starter\r\n\r\n\tIndented with a tab.\r\n`;

const abs = (file: string) => uri(file).fsPath;
const bytes = (file: string) => fs.readFileSync(abs(file));
const modeOf = (file: string) => fs.statSync(abs(file)).mode & 0o777;

function writeExact(file: string, text: string, mode = 0o644): void {
  fs.mkdirSync(abs(file).replace(/[\\/][^\\/]+$/, ''), { recursive: true });
  fs.writeFileSync(abs(file), text);
  // The mode given to open is masked by the umask; set it exactly.
  fs.chmodSync(abs(file), mode);
}

async function saveAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) assert.ok(await document.save(), `${document.uri.path} saved`);
  await (await api()).whenIdle();
}

describe('edits keep bytes and modes', () => {
  before(async () => {
    await api();
    writeExact(SPEC, SPEC_TEXT);
    writeExact(CODE, CODE_TEXT);
    writeExact(SCRIPT, SCRIPT_TEXT, 0o755);
    writeExact(PINNED_SCRIPT, PINNED_TEXT, 0o755);
    writeExact(ROUTE, ROUTE_TEXT);
    const sectrace = await api();
    await waitFor('the fixture files to be traced', () => {
      const graph = sectrace.snapshot()?.graph;
      return graph?.items.has('SR-40') && graph.implementationsOf('SR-40').length === 2 && graph.fileFacts(PINNED_SCRIPT) && graph.interfaces().some((i) => i.file === ROUTE);
    });
  });

  after(async () => {
    await revertAll();
    for (const file of created) await vscode.workspace.fs.delete(uri(file)).then(undefined, () => undefined);
    for (const folder of ['tools', 'docs']) await vscode.workspace.fs.delete(uri(folder), { recursive: true }).then(undefined, () => undefined);
    await waitFor('the fixture files to be forgotten', async () => !(await api()).snapshot()?.graph.items.has('SR-40'));
  });

  it('rename, applied and saved: only the ID changes, in BOM + CRLF + tab files and an executable script that stays 0755', async () => {
    const spec = await vscode.workspace.openTextDocument(uri(SPEC));
    const at = spec.positionAt(spec.getText().indexOf('SR-40'));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', spec.uri, at, 'SR-41');
    const files = edit.entries().map(([u, edits]) => `${vscode.workspace.asRelativePath(u)}:${edits.length}`).sort();
    assert.deepEqual(files, [`${SPEC}:2`, `${CODE}:1`, `${SCRIPT}:1`]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await saveAll();
    const renamed = (text: string) => text.replace(/SR-40(?! in a string)(?!")/g, 'SR-41');
    assert.deepEqual(bytes(SPEC), Buffer.from(renamed(SPEC_TEXT), 'utf8'));
    assert.deepEqual(bytes(CODE), Buffer.from(renamed(CODE_TEXT), 'utf8'), 'the string literal keeps SR-40');
    assert.deepEqual(bytes(SCRIPT), Buffer.from(SCRIPT_TEXT.replace('# @implements SR-40', '# @implements SR-41'), 'utf8'));
    assert.equal(bytes(SPEC)[0], 0xef, 'the BOM is still there');
    assert.equal(modeOf(SCRIPT), 0o755, 'the script is still executable');
  });

  it('re-pin, applied and saved in an executable script: only the pin changes, the mode stays 0755', async () => {
    const item = (await api()).snapshot()?.graph.items.get('SR-3');
    assert.ok(item);
    const pin = pinOf(itemFingerprint(item));
    assert.equal(await vscode.commands.executeCommand('sectrace.repinAll', 'SR-3'), 1);
    await saveAll();
    assert.deepEqual(bytes(PINNED_SCRIPT), Buffer.from(PINNED_TEXT.replace('SR-3#000000', `SR-3#${pin}`), 'utf8'));
    assert.equal(modeOf(PINNED_SCRIPT), 0o755);
  });

  it('the interface quick fix in a BOM + CRLF file inserts whole lines only; the BOM and line ends stay', async () => {
    const document = await vscode.workspace.openTextDocument(uri(ROUTE));
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor('the missing context', () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'interface-missing-context'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.kind?.value === 'quickfix.sectrace');
    assert.ok(fix?.edit, actions.map((a) => a.title).join('; '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await vscode.commands.executeCommand('leaveSnippet');
    await saveAll();
    const after = bytes(ROUTE).toString('utf8');
    assert.ok(after.startsWith(BOM), 'the BOM is kept');
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'every line still ends in CRLF');
    const lines = after.slice(1).split('\r\n');
    const original = ROUTE_TEXT.slice(1).split('\r\n');
    // The original lines, in order, with whole annotation lines (indented like the route) inserted above the route.
    assert.deepEqual(lines.filter((l) => !l.startsWith('\t// ')), original);
    const inserted = lines.filter((l) => l.startsWith('\t// '));
    assert.ok(inserted.some((l) => l.startsWith('\t// @exposure ')), inserted.join(' | '));
    assert.equal(lines.indexOf(original[3]), lines.indexOf(inserted[inserted.length - 1]) + 1, 'the annotation sits right above the route');
  });

  it('Create Starter Files keeps a user\'s own file of the same name byte for byte and mode for mode', async () => {
    writeExact(USER_SPEC, USER_SPEC_TEXT, 0o600);
    const config = bytes('.sectrace.yaml');
    const result = await vscode.commands.executeCommand<StarterResult>('sectrace.createStarterFiles');
    assert.deepEqual(result, { created: [], kept: ['.sectrace.yaml', USER_SPEC] });
    assert.deepEqual(bytes(USER_SPEC), Buffer.from(USER_SPEC_TEXT, 'utf8'));
    assert.equal(modeOf(USER_SPEC), 0o600);
    assert.deepEqual(bytes('.sectrace.yaml'), config);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.isDirty).length, 0, 'no pending edit either');
  });
});
