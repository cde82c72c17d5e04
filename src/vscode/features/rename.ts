// Rename an ID everywhere it is written, specs and code alike, as one previewable WorkspaceEdit.
// Refused for anything that is not an ID, for names that are not IDs or already exist, and in
// untrusted workspaces (where the extension does not write). The edit replaces the ID's characters only,
// so the files keep their BOM, line ends and indentation when VS Code saves them.
// @implements STM-5, STM-6
import * as vscode from 'vscode';
import type { TraceSnapshot } from '../../core/index';
import type { Deps } from '../deps';
import { toRange } from '../host/paths';
import { idUnderCursor } from './lookup';

export function registerRenameSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerRenameProvider(deps.selector, {
    async prepareRename(document, position) {
      requireTrust();
      const found = await idUnderCursor(deps, document, position);
      if (!found) throw new Error(vscode.l10n.t('Only traceability IDs (such as SR-1) can be renamed here.'));
      return { range: toRange(found.at.range), placeholder: found.at.id };
    },
    async provideRenameEdits(document, position, newName) {
      requireTrust();
      const found = await idUnderCursor(deps, document, position);
      const paths = deps.controller.paths;
      const service = deps.controller.service;
      if (!found || !paths || !service) return undefined;
      const name = newName.trim();
      checkNewName(found.snapshot, found.at.id, name);
      const edit = new vscode.WorkspaceEdit();
      const metadata: vscode.WorkspaceEditEntryMetadata = { label: vscode.l10n.t('Rename {0} to {1}', found.at.id, name), needsConfirmation: false };
      for (const occurrence of service.occurrences(found.at.id)) {
        edit.replace(paths.toUri(occurrence.file), toRange(occurrence.range), name, metadata);
      }
      return edit;
    },
  });
}

function requireTrust(): void {
  if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('Renaming is disabled in untrusted workspaces.'));
}

function checkNewName(snapshot: TraceSnapshot, oldId: string, name: string): void {
  const prefixes = Object.keys(snapshot.config.prefixes).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const shape = new RegExp(`^(?:${prefixes.join('|') || '(?!)'})-\\d+(?:\\.\\d+)*$`);
  if (!shape.test(name)) throw new Error(vscode.l10n.t('"{0}" is not an ID with a configured prefix ({1}).', name, Object.keys(snapshot.config.prefixes).join(', ')));
  if (name !== oldId && snapshot.graph.items.has(name)) throw new Error(vscode.l10n.t('{0} already exists.', name));
}
