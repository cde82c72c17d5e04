// Shared by the integration tests. Stateless on purpose: each test file is bundled on its own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SectraceApi } from '../../src/vscode/api';

export const EXTENSION_ID = 'sectrace.sectrace';

export async function api(): Promise<SectraceApi> {
  const extension = vscode.extensions.getExtension<SectraceApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const exports = await extension.activate();
  await exports.whenIdle();
  return exports;
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture folder open');
  return folder.uri;
}

export function uri(file: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...file.split('/'));
}

export async function open(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri(file));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of the `nth` occurrence of `text` in a document (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" not found in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

/** Polls until `probe` returns a value that is not undefined (or false), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function markdownText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
}

export function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();
}

export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
