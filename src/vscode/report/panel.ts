// "Open Traceability Report": one webview panel showing the engine's HTML report, re-rendered when the
// snapshot changes while it is visible. "Export Traceability Report" writes any format through a save
// dialog (also reachable from the panel's toolbar). Export writes, so it is off in untrusted workspaces.
import * as vscode from 'vscode';
import { CONFIG_FILE, type TraceSnapshot } from '../../core/index';
import { Commands, type Deps } from '../deps';
import { openLocation } from '../features/navigation';
import { parseMessage } from './messages';
import { pageHtml } from './page';
import { isReportFormat, REPORT_FORMATS, renderSnapshot, type RenderOptions, type ReportFormat } from './renderer';

const EXPORT_COMMAND = 'sectrace.exportReport';

export function registerReportPanel(deps: Deps): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  const mediaRoot = vscode.Uri.joinPath(deps.extensionUri, 'media');
  const render = async () => {
    const snapshot = deps.controller.snapshot();
    if (!panel || !snapshot) return;
    const { text, error } = await renderText(deps, snapshot, 'html', '');
    if (panel) panel.webview.html = pageHtml({ webview: panel.webview, mediaRoot, reportHtml: text, error, canExport: vscode.workspace.isTrusted });
  };
  const open = async (): Promise<string | undefined> => {
    await deps.controller.whenIdle();
    if (!panel) {
      panel = vscode.window.createWebviewPanel('sectrace.report', vscode.l10n.t('Traceability Report'), vscode.ViewColumn.Active, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [mediaRoot],
      });
      panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'activity.svg');
      panel.onDidDispose(() => (panel = undefined));
      panel.onDidChangeViewState((e) => e.webviewPanel.visible && render());
      panel.webview.onDidReceiveMessage((message: unknown) => onMessage(deps, message));
    }
    await render();
    panel.reveal();
    return panel.webview.html;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openReport, open),
    vscode.commands.registerCommand(EXPORT_COMMAND, (format?: unknown) => exportReport(deps, format)),
    deps.controller.onDidChange(() => panel?.visible && render()),
    { dispose: () => panel?.dispose() },
  );
}

async function onMessage(deps: Deps, raw: unknown): Promise<void> {
  const message = parseMessage(raw, deps.controller.snapshot());
  if (!message) {
    deps.log.info('ignored an unexpected message from the report webview');
    return;
  }
  if (message.type === 'export') await exportReport(deps, message.format);
  else await openLocation(deps, message.file, { start: { line: message.line - 1, character: 0 }, end: { line: message.line - 1, character: 0 } });
}

async function exportReport(deps: Deps, given?: unknown): Promise<vscode.Uri | undefined> {
  const snapshot = deps.controller.snapshot();
  const paths = deps.controller.paths;
  if (!snapshot || !paths) return undefined;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace does not write files in untrusted workspaces.'));
    return undefined;
  }
  const format = isReportFormat(given) ? given : await pickFormat();
  if (!format) return undefined;
  const target = await vscode.window.showSaveDialog({
    defaultUri: paths.toUri(`sectrace-report.${extensionOf(format)}`),
    filters: { [format.toUpperCase()]: [extensionOf(format)] },
  });
  if (!target) return undefined;
  const { text, error } = await renderText(deps, snapshot, format, linkBaseFor(paths.toFile(target)));
  if (text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be rendered: {0}', error ?? ''));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(vscode.l10n.t('sectrace: report saved to {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}

/** Renders a format; a renderer error is logged and returned, so the panel can show it instead of a blank page. */
async function renderText(deps: Deps, snapshot: TraceSnapshot, format: ReportFormat, linkBase: string): Promise<{ text?: string; error?: string }> {
  const options: RenderOptions = { toolVersion: deps.version, configFile: (await hasConfigFile(deps)) ? CONFIG_FILE : undefined, linkBase };
  try {
    return { text: renderSnapshot(snapshot, format, options) };
  } catch (error) {
    deps.log.error('rendering the report failed', error);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function hasConfigFile(deps: Deps): Promise<boolean> {
  const paths = deps.controller.paths;
  if (!paths) return false;
  try {
    await vscode.workspace.fs.stat(paths.toUri(CONFIG_FILE));
    return true;
  } catch {
    return false;
  }
}

/** `../` per folder between a report saved inside the workspace and the root, so its file links work. */
function linkBaseFor(file: string | undefined): string {
  return file ? '../'.repeat(file.split('/').length - 1) : '';
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(REPORT_FORMATS.map((format) => ({ label: format.toUpperCase(), format })), { placeHolder: vscode.l10n.t('Report format') });
  return picked?.format;
}

function extensionOf(format: ReportFormat): string {
  return format === 'sarif' ? 'sarif.json' : format;
}
