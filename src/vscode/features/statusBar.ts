// The number of gaps in the status bar; clicking opens the Gaps view.
import * as vscode from 'vscode';
import { ViewIds, type Deps } from '../deps';

export function registerStatusBar(deps: Deps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sectrace.gaps', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('sectrace gaps');
  item.command = `${ViewIds.gaps}.focus`;
  const update = () => {
    if (!deps.controller.paths) {
      item.hide();
      return;
    }
    const snapshot = deps.controller.snapshot();
    const count = snapshot?.findings.length;
    item.text = count === undefined ? '$(sync~spin) sectrace' : count === 1 ? vscode.l10n.t('$(shield) 1 gap') : vscode.l10n.t('$(shield) {0} gaps', count);
    item.tooltip = count === undefined ? vscode.l10n.t('sectrace is indexing') : vscode.l10n.t('Security traceability gaps: click to open the Gaps view');
    item.backgroundColor = snapshot?.summary.verdict === 'fail' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, deps.controller.onDidChange(update));
}
