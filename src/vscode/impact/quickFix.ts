// Quick fixes on change-impact diagnostics: "Reviewed: re-pin" on a suspect link (and "Pin to the current
// text" on an unpinned one), plus "Re-pin all links to SR-12". Each is a WorkspaceEdit of the pin's
// characters only, so it can be undone like any edit.
// @implements ST-57
import * as vscode from 'vscode';
import { itemFingerprint } from '../../core/impact/fingerprint';
import type { Deps } from '../deps';
import { addRepin, traceAt } from './links';
import { ImpactCommands } from './commands';

const CODES = new Set(['suspect-link', 'unpinned-link']);

export function registerImpactQuickFixes(deps: Deps): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const paths = deps.controller.paths;
      const snapshot = deps.controller.snapshot();
      const file = paths?.toFile(document.uri);
      if (!paths || !snapshot || !file || !vscode.workspace.isTrusted) return [];
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
        if (diagnostic.source !== 'sectrace' || !CODES.has(String(code))) continue;
        const trace = traceAt(snapshot, file, diagnostic.range.start);
        const item = trace && snapshot.graph.items.get(trace.id);
        if (!trace || !item) continue;
        const suspect = code === 'suspect-link';
        const title = suspect ? vscode.l10n.t('Reviewed: re-pin {0} to its current text', item.id) : vscode.l10n.t('Pin {0} to its current text', item.id);
        const edit = new vscode.WorkspaceEdit();
        if (!addRepin(edit, paths, trace, itemFingerprint(item), !suspect, title)) continue;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
        if (suspect) {
          const all = new vscode.CodeAction(vscode.l10n.t('Reviewed: re-pin all links to {0}', item.id), vscode.CodeActionKind.QuickFix);
          all.command = { command: ImpactCommands.repinAll, title: all.title, arguments: [item.id] };
          all.diagnostics = [diagnostic];
          actions.push(all);
        }
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider(deps.selector, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
