// CodeLens above each spec item: `2 implementations · 1 test · mitigates THR-1`. Clicking lists the traces.
import * as vscode from 'vscode';
import { Commands, type Deps } from '../deps';
import { lensText } from '../describe';
import { lensTarget } from '../host/lensTarget';
import { toRange } from '../host/paths';

export function registerCodeLensSupport(deps: Deps): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      const target = await lensTarget(deps, document);
      const facts = target && deps.controller.facts(target.file);
      if (!target || !facts) return [];
      const { file, snapshot } = target;
      return facts.items.flatMap((fact) => {
        const item = snapshot.graph.items.get(fact.id);
        // A duplicate definition gets no lens: the counts belong to the first one.
        if (!item || item.idLocation.file !== file || item.idLocation.range.start.line !== fact.idRange.start.line) return [];
        const title = lensText(snapshot, item);
        return [new vscode.CodeLens(toRange(fact.range), { title, command: Commands.showTraces, arguments: [item.id] })];
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(deps.selector, provider),
    deps.controller.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sectrace.codeLens') && changed.fire()),
  );
}
