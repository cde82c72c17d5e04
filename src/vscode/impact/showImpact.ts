// "Show Impact of Uncommitted Changes": runs git in the extension host (Node; it runs where the folder is,
// also in remote windows) to compare the working tree with HEAD, maps the changes onto the trace, and opens
// the result as a Markdown document: items whose text changed, code and tests whose blocks changed, links
// to re-review and tests to re-run. Without git, or outside a repository, it says so.
// @implements ST-56
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { computeImpact, specFilesToCompare, type ImpactReport } from '../../core/impact/since';
import { changesSince, GitError, gitRunner, resolveRevision, textAt } from '../../cli/since';
import { impactMarkdown } from '../../core/report/impact';
import type { Deps } from '../deps';
import { ImpactCommands } from './commands';

export function registerShowImpact(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand(ImpactCommands.showImpact, () => showImpact(deps));
}

export async function showImpact(deps: Deps): Promise<ImpactReport | undefined> {
  const paths = deps.controller.paths;
  if (!paths) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace: open a folder to see the impact of its changes.'));
    return undefined;
  }
  // git obeys the repository's own configuration, which can name programs for it to start (`git diff`
  // runs a configured file-system monitor): an untrusted folder gets no git at all.
  // @implements STM-5
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace does not run git in untrusted workspaces. Trust the workspace to see the impact of its changes.'));
    return undefined;
  }
  if (paths.root.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace: the impact of changes needs git and a folder on disk; this folder is {0}.', paths.root.scheme));
    return undefined;
  }
  await deps.controller.whenIdle();
  const snapshot = deps.controller.snapshot();
  if (!snapshot) return undefined;
  const root = paths.root.fsPath;
  const git = gitRunner(root, true);
  let report: ImpactReport;
  try {
    const commit = await resolveRevision(git, 'HEAD');
    const changes = await changesSince(git, commit);
    const oldSpecs = new Map<string, string | undefined>();
    for (const file of specFilesToCompare(snapshot, changes)) oldSpecs.set(file, await textAt(git, commit, file));
    const currentText = (file: string) => {
      const open = vscode.workspace.textDocuments.find((d) => paths.toFile(d.uri) === file);
      if (open) return open.getText();
      try {
        return fs.readFileSync(path.join(root, ...file.split('/')), 'utf8');
      } catch {
        return undefined;
      }
    };
    report = computeImpact({ since: 'HEAD', commit, snapshot, changes, oldSpecs, currentText });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t('sectrace: cannot show the impact of changes: {0}', error.message));
    return undefined;
  }
  const lines = impactMarkdown(report, '');
  const content = [`# ${vscode.l10n.t('Impact of uncommitted changes')}`, '', ...lines.slice(1)].join('\n');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: content.trimEnd() + '\n' });
  await vscode.window.showTextDocument(document, { preview: true });
  return report;
}
