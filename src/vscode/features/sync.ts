// Feeds the controller: open buffers (opened, typed in, saved, closed), files changed on disk (a watcher
// on the indexed folder; renames arrive as delete + create) and the choice of folder (the first one).
import * as vscode from 'vscode';
import type { Deps } from '../deps';

export function registerDocumentSync(deps: Deps): vscode.Disposable {
  const { controller } = deps;
  let watcher = watch(deps);
  const reopen = () => {
    watcher.dispose();
    void controller.open(vscode.workspace.workspaceFolders?.[0]);
    watcher = watch(deps);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((document) => controller.documentChanged(document)),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && controller.documentChanged(event.document)),
    vscode.workspace.onDidSaveTextDocument((document) => controller.documentChanged(document)),
    vscode.workspace.onDidCloseTextDocument((document) => controller.documentClosed(document)),
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      // Only the first folder is indexed: reload only when that one changed.
      const first = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
      if (first !== controller.paths?.root.toString() || event.removed.length) reopen();
    }),
    { dispose: () => watcher.dispose() },
  );
}

function watch(deps: Deps): vscode.Disposable {
  const root = deps.controller.paths?.root;
  if (!root) return new vscode.Disposable(() => undefined);
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*'));
  const changed = (uri: vscode.Uri) => deps.controller.fileChanged(uri);
  return vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
}
