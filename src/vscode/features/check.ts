// "Run Traceability Check" re-indexes and sums up in a notification with a button to the report;
// "Refresh" only re-indexes. Both resolve when the new snapshot is published.
import * as vscode from 'vscode';
import type { Summary } from '../../core/index';
import { Commands, type Deps } from '../deps';

export interface CheckResult {
  readonly summary: Summary;
  readonly message: string;
}

export function registerCheckCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.check, () => runCheck(deps)),
    vscode.commands.registerCommand(Commands.refresh, () => deps.controller.reindex()),
  );
}

async function runCheck(deps: Deps): Promise<CheckResult | undefined> {
  if (!deps.controller.paths) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace: open a folder to check its traceability.'));
    return undefined;
  }
  await deps.controller.reindex();
  await deps.controller.whenIdle();
  const snapshot = deps.controller.snapshot();
  if (!snapshot) return undefined;
  const { summary } = snapshot;
  const message = summaryMessage(summary);
  const openReport = vscode.l10n.t('Open Report');
  // Not awaited: the command finishes now; the notification stays until the user dismisses it.
  const shown = summary.verdict === 'pass' ? vscode.window.showInformationMessage(message, openReport) : vscode.window.showWarningMessage(message, openReport);
  void shown.then((choice) => choice === openReport && vscode.commands.executeCommand(Commands.openReport));
  return { summary, message };
}

export function summaryMessage(summary: Summary): string {
  const items = summary.kinds.reduce((sum, kind) => sum + kind.total, 0);
  const { error, warning, info } = summary.findings;
  const verdict = summary.verdict === 'pass' ? vscode.l10n.t('passed') : vscode.l10n.t('failed');
  return vscode.l10n.t('Traceability check {0}: {1} items, {2} errors, {3} warnings, {4} notes.', verdict, items, error, warning, info);
}
