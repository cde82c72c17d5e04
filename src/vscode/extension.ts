// Entry point of the VS Code extension. `activate` only wires: it builds the shared dependencies, registers
// each feature (one file, one `register…` function each) and starts indexing the first workspace folder.
import * as vscode from 'vscode';
import { createApi, type SectraceApi } from './api';
import type { Deps } from './deps';
import { registerCheckCommands } from './features/check';
import { registerCodeLensSupport } from './features/codeLens';
import { registerCompletionSupport } from './features/completion';
import { registerDefinitionSupport } from './features/definition';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentLinkSupport } from './features/documentLinks';
import { registerHoverSupport } from './features/hover';
import { registerNavigationCommands } from './features/navigation';
import { registerReferenceSupport } from './features/references';
import { registerRenameSupport } from './features/rename';
import { registerRevealCommands } from './features/reveal';
import { registerStarterCommand } from './features/starter';
import { registerStatusBar } from './features/statusBar';
import { registerWorkspaceSymbolSupport } from './features/symbols';
import { registerDocumentSync } from './features/sync';
import { TraceController } from './host/controller';
import { Logger } from './host/log';
import { readSettings } from './host/settings';
import { registerImpactFeatures } from './impact';
import { registerInterfaceQuickFix } from './interfaces/quickFix';
import { registerReportPanel } from './report/panel';
import { TreeRegistry } from './tree/registry';
import { registerTreeViews } from './tree/register';
import { ViewState } from './tree/viewState';

export function activate(context: vscode.ExtensionContext): SectraceApi {
  const log = new Logger();
  const controller = new TraceController(log, () => readSettings().debounceMs);
  const viewState = new ViewState(readSettings().showOnlyGaps);
  const deps: Deps = {
    extensionUri: context.extensionUri,
    version: String(context.extension.packageJSON.version ?? ''),
    controller,
    log,
    settings: readSettings,
    viewState,
    trees: new TreeRegistry(),
    selector: documentSelector(),
  };
  void controller.open(vscode.workspace.workspaceFolders?.[0]);
  context.subscriptions.push(
    log,
    controller,
    viewState,
    vscode.Disposable.from(
      registerDocumentSync(deps),
      registerTreeViews(deps),
      registerDiagnostics(deps),
      registerStatusBar(deps),
      registerHoverSupport(deps),
      registerDefinitionSupport(deps),
      registerReferenceSupport(deps),
      registerWorkspaceSymbolSupport(deps),
      registerDocumentLinkSupport(deps),
      registerCompletionSupport(deps),
      registerCodeLensSupport(deps),
      registerRenameSupport(deps),
      registerNavigationCommands(deps),
      registerCheckCommands(deps),
      registerRevealCommands(deps),
      registerStarterCommand(deps),
      registerReportPanel(deps),
      registerImpactFeatures(deps),
      registerInterfaceQuickFix(deps),
    ),
  );
  return createApi(deps);
}

/**
 * Local files plus the scheme of the first folder (a virtual workspace has its own). Features answer only
 * for documents inside the indexed folder.
 */
function documentSelector(): vscode.DocumentFilter[] {
  const schemes = new Set(['file', vscode.workspace.workspaceFolders?.[0]?.uri.scheme ?? 'file']);
  return [...schemes].map((scheme) => ({ scheme }));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; disposing the controller cancels indexing.
}
