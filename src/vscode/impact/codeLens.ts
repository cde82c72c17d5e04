// CodeLens on every suspect link: "Reviewed: re-pin SR-12" (one click re-pins it, undoable) next to
// "what changed", which shows the item's text then and now.
// @implements ST-57
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { lensTarget } from '../host/lensTarget';
import { toRange } from '../host/paths';
import { ImpactCommands } from './commands';
import { suspectLinks } from './links';

export function registerSuspectLinkLenses(deps: Deps): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      const target = await lensTarget(deps, document);
      if (!target) return [];
      return suspectLinks(target.snapshot, target.file).flatMap(({ trace }) => {
        const range = toRange(trace.location.range);
        const at = [trace.location.file, trace.location.range.start.line, trace.location.range.start.character];
        const whatChanged = new vscode.CodeLens(range, { title: vscode.l10n.t('What changed in {0}?', trace.id), command: ImpactCommands.showChange, arguments: at });
        // Re-pinning writes to the file: not offered in Restricted Mode, where it would only refuse.
        if (!vscode.workspace.isTrusted) return [whatChanged];
        return [new vscode.CodeLens(range, { title: vscode.l10n.t('$(check) Reviewed: re-pin {0}', trace.id), command: ImpactCommands.repinLink, arguments: at }), whatChanged];
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(deps.selector, provider),
    deps.controller.onDidChange(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sectrace.codeLens') && changed.fire()),
  );
}
