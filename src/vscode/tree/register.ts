// The four views of the "Security Traceability" container, plus the context keys their welcome
// content depends on (`sectrace.indexed`, `sectrace.hasItems`).
import * as vscode from 'vscode';
import { ViewIds, type Deps, type ViewId } from '../deps';
import type { ViewKind } from './nodes';
import { TraceTreeProvider } from './provider';

const VIEWS: readonly [ViewId, ViewKind][] = [
  [ViewIds.threats, 'threats'],
  [ViewIds.requirements, 'requirements'],
  [ViewIds.gaps, 'gaps'],
  [ViewIds.interfaces, 'interfaces'],
];

export function registerTreeViews(deps: Deps): vscode.Disposable {
  const disposables: vscode.Disposable[] = VIEWS.map(([id, kind]) => registerView(deps, id, kind));
  const updateContext = () => {
    const snapshot = deps.controller.snapshot();
    void vscode.commands.executeCommand('setContext', 'sectrace.indexed', snapshot !== undefined);
    void vscode.commands.executeCommand('setContext', 'sectrace.hasItems', (snapshot?.graph.items.size ?? 0) > 0);
  };
  updateContext();
  disposables.push(deps.controller.onDidChange(updateContext));
  return vscode.Disposable.from(...disposables);
}

function registerView(deps: Deps, id: ViewId, kind: ViewKind): vscode.Disposable {
  const provider = new TraceTreeProvider(kind, deps.controller, deps.viewState);
  const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
  deps.trees.add(id, { provider, view });
  const updateBadge = () => {
    if (kind !== 'gaps') return;
    const count = deps.controller.snapshot()?.findings.length ?? 0;
    view.badge = count ? { value: count, tooltip: vscode.l10n.t('{0} gaps', count) } : undefined;
  };
  updateBadge();
  return vscode.Disposable.from(provider, view, deps.controller.onDidChange(updateBadge), { dispose: () => deps.trees.remove(id) });
}
