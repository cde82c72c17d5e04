// "Create Starter Files": a commented `.sectrace.yaml` and `docs/security-spec.md` with one threat, one
// mitigation and one requirement, so a team sees the format working. Existing files are never
// overwritten (the WorkspaceEdit ignores files that exist), and nothing is written in untrusted workspaces.
// @implements STM-5, STM-6
import * as vscode from 'vscode';
import { Commands, type Deps } from '../deps';

export const STARTER_CONFIG = '.sectrace.yaml';
export const STARTER_SPEC = 'docs/security-spec.md';

export interface StarterResult {
  readonly created: readonly string[];
  readonly kept: readonly string[];
}

export function registerStarterCommand(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.createStarter, () => createStarter(deps));
}

async function createStarter(deps: Deps): Promise<StarterResult | undefined> {
  const paths = deps.controller.paths;
  if (!paths) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace: open a folder first.'));
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sectrace does not write files in untrusted workspaces. Trust the workspace to create starter files.'));
    return undefined;
  }
  const files: [string, string][] = [[STARTER_CONFIG, configText()], [STARTER_SPEC, specText()]];
  const exists = await Promise.all(files.map(([file]) => fileExists(paths.toUri(file))));
  const edit = new vscode.WorkspaceEdit();
  files.forEach(([file, text], i) => {
    if (!exists[i]) edit.createFile(paths.toUri(file), { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  });
  // `edit.size` does not count file creations, so the check uses our own list.
  if (exists.includes(false) && !(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The starter files could not be created.'));
  const result = { created: files.filter((_, i) => !exists[i]).map(([f]) => f), kept: files.filter((_, i) => exists[i]).map(([f]) => f) };
  for (const file of result.created) deps.controller.fileChanged(paths.toUri(file));
  await vscode.window.showTextDocument(paths.toUri(STARTER_SPEC), { preview: false });
  const message = result.created.length
    ? vscode.l10n.t('sectrace: created {0}.', result.created.join(', '))
    : vscode.l10n.t('sectrace: the starter files exist already; nothing was changed.');
  void vscode.window.showInformationMessage(message);
  return result;
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function configText(): string {
  return [
    '# sectrace configuration. Every key is optional; these are the defaults worth knowing.',
    'version: 1',
    '# ID prefixes and the kind of item each one names.',
    'prefixes:',
    '  SR: requirement',
    '  THR: threat',
    '  MIT: mitigation',
    '  AST: asset',
    '  IF: interface',
    '# Markdown files that define items (headings such as "## SR-1: Title").',
    'specs:',
    '  - "docs/**/*.md"',
    '# Findings at or above this severity fail `sectrace check`.',
    'fail-on: error',
    '',
  ].join('\n');
}

function specText(): string {
  return [
    '# Security specification',
    '',
    'Each heading defines an item; `key: value` lines below it are its attributes.',
    'Link code to items with comments such as `// @implements SR-1` and tests with `// @verifies SR-1`.',
    '',
    '## AST-1: Patient data',
    '',
    'Personal health information stored by the device.',
    '',
    '## THR-1: Unauthorised read of patient data',
    '',
    'threatens: AST-1',
    'severity: high',
    'likelihood: medium',
    'status: open',
    'mitigated-by: MIT-1',
    '',
    'An attacker with network access reads stored records.',
    '',
    '## MIT-1: Encrypt patient data at rest',
    '',
    'Records are encrypted with a device-unique key.',
    '',
    '## SR-1: Records are encrypted with AES-256-GCM',
    '',
    'refines: MIT-1',
    '',
    'Every record written to storage is encrypted and authenticated.',
    '',
  ].join('\n');
}
