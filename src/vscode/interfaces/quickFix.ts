// Quick fix for interfaces without security context (IEC 81001-5-1 §5.4.3). On an
// `interface-missing-context` diagnostic it writes the annotation template above the interface (above
// its decorator stack); on `interface-incomplete-context` it adds only the missing fields to the
// interface's own comment block. The text comes from the engine (core/interfaces/fix.ts), in the file's
// comment syntax, indentation and line break; this file finds the interface behind a diagnostic and turns
// the fix into an edit that leaves the cursor on the first field's value.
// @implements ST-60
import * as vscode from 'vscode';
import { annotationFix, annotationFixSnippet, annotationFixText, firstValueRange, type AnnotationFix } from '../../core/interfaces/index';
import type { Deps } from '../deps';
import { resolvedInterfaces } from './resolved';

/** A quick fix (`quickfix.sectrace`), so `editor.action.codeAction` can ask for exactly this one. */
export const INTERFACE_FIX_KIND = vscode.CodeActionKind.QuickFix.append('sectrace');

const FIXABLE: ReadonlySet<string> = new Set(['interface-missing-context', 'interface-incomplete-context']);

/** Internal: selects the first value after a plain-text fix (hosts before 1.98). Not in the palette. */
const SELECT_VALUE_COMMAND = 'sectrace.interfaces.selectFixValue';

/**
 * VS Code re-indents the lines of a snippet edit to the editor's tab settings unless the edit says
 * `keepWhitespace`, which hosts understand from 1.98 on. Older hosts get a plain text edit and a command
 * that selects the first value, so the file's own whitespace is never changed.
 */
const SNIPPETS_KEEP_WHITESPACE = versionAtLeast(vscode.version, [1, 98]);

export function registerInterfaceQuickFix(deps: Deps): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions: (document, _range, context) => {
      // Restricted Mode only reads: like rename, the fix is not offered in an untrusted workspace.
      if (!vscode.workspace.isTrusted || (context.only && !context.only.contains(INTERFACE_FIX_KIND))) return [];
      return interfaceFixes(deps, document, context.diagnostics);
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(deps.selector, provider, { providedCodeActionKinds: [INTERFACE_FIX_KIND] }),
    vscode.commands.registerCommand(SELECT_VALUE_COMMAND, selectValue),
  );
}

async function interfaceFixes(deps: Deps, document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): Promise<vscode.CodeAction[]> {
  const ours = diagnostics.filter((d) => d.source === 'sectrace' && FIXABLE.has(codeOf(d)));
  const file = ours.length ? deps.controller.paths?.toFile(document.uri) : undefined;
  if (!file) return [];
  // The fix is computed from the engine's facts: they must be those of the text in the editor now.
  const version = document.version;
  await deps.controller.settled();
  const snapshot = deps.controller.snapshot();
  if (!snapshot || document.version !== version) return [];
  const inFile = resolvedInterfaces(snapshot).filter((r) => r.fact.file === file);
  const lineAt = (line: number) => (line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined);
  const actions: vscode.CodeAction[] = [];
  for (const diagnostic of ours) {
    const start = diagnostic.range.start;
    const resolved = inFile.find((r) => r.fact.range.start.line === start.line && r.fact.range.start.character === start.character);
    const fix = resolved && annotationFix(resolved, lineAt, snapshot.config.interfaces.required);
    if (fix) actions.push(toAction(document, fix, diagnostic));
  }
  return actions;
}

function toAction(document: vscode.TextDocument, fix: AnnotationFix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const title = fix.mode === 'template'
    ? vscode.l10n.t('Add the security context annotation (IEC 81001-5-1 §5.4.3)')
    : vscode.l10n.t('Add the missing {0} to the annotation', fix.fields.map((f) => `@${f}`).join(', '));
  const action = new vscode.CodeAction(title, INTERFACE_FIX_KIND);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const at = new vscode.Position(fix.line, 0);
  action.edit = new vscode.WorkspaceEdit();
  if (SNIPPETS_KEEP_WHITESPACE) {
    const edit = vscode.SnippetTextEdit.insert(at, new vscode.SnippetString(annotationFixSnippet(fix, eol)));
    // Not in the 1.90 typings this extension builds against; read by the host from 1.98 on.
    (edit as vscode.SnippetTextEdit & { keepWhitespace?: boolean }).keepWhitespace = true;
    action.edit.set(document.uri, [edit]);
  } else {
    action.edit.insert(document.uri, at, annotationFixText(fix, eol));
    const value = firstValueRange(fix);
    action.command = { command: SELECT_VALUE_COMMAND, title, arguments: [document.uri.toString(), value.line, value.character, value.length] };
  }
  return action;
}

async function selectValue(uri: unknown, line: unknown, character: unknown, length: unknown): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor || !isCount(line) || !isCount(character) || !isCount(length)) return;
  const range = new vscode.Range(line, character, line, character + length);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function versionAtLeast(version: string, wanted: readonly number[]): boolean {
  const parts = version.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < wanted.length; i++) {
    const part = Number.isNaN(parts[i]) || parts[i] === undefined ? 0 : parts[i];
    if (part !== wanted[i]) return part > wanted[i];
  }
  return true;
}
