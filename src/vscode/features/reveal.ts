// "Reveal in Tree" for the ID under the cursor, and the toggle between all items and only items with gaps.
import * as vscode from 'vscode';
import { Commands, ViewIds, type Deps, type ViewId } from '../deps';
import type { TraceNode } from '../tree/nodes';
import { idUnderCursor } from './lookup';

/** Where to look for an item of each kind, in order. */
const VIEW_ORDER: Readonly<Record<string, readonly ViewId[]>> = {
  threat: [ViewIds.threats],
  mitigation: [ViewIds.threats, ViewIds.requirements],
  requirement: [ViewIds.requirements, ViewIds.threats],
  interface: [ViewIds.interfaces],
};
const SEARCH_DEPTH = 4;

export function registerRevealCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.revealInTree, (id?: unknown) => reveal(deps, id)),
    vscode.commands.registerCommand(Commands.showOnlyGaps, () => deps.viewState.setShowOnlyGaps(true)),
    vscode.commands.registerCommand(Commands.showAllItems, () => deps.viewState.setShowOnlyGaps(false)),
  );
}

async function reveal(deps: Deps, given?: unknown): Promise<boolean> {
  const id = typeof given === 'string' ? given : await idAtCursor(deps);
  const item = id ? deps.controller.snapshot()?.graph.items.get(id) : undefined;
  if (!id || !item) {
    void vscode.window.showInformationMessage(id ? vscode.l10n.t('{0} is not defined in any spec.', id) : vscode.l10n.t('Place the cursor on a traceability ID (such as SR-1) first.'));
    return false;
  }
  for (const viewId of (Object.hasOwn(VIEW_ORDER, item.kind) ? VIEW_ORDER[item.kind] : undefined) ?? [ViewIds.requirements, ViewIds.threats, ViewIds.interfaces]) {
    const tree = deps.trees.get(viewId);
    const node = tree && find(tree.provider, id);
    if (!tree || !node) continue;
    await tree.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }
  const hint = deps.viewState.showOnlyGaps ? vscode.l10n.t(' The views show only items with gaps.') : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not shown in the traceability views.', id) + hint);
  return false;
}

async function idAtCursor(deps: Deps): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  return (await idUnderCursor(deps, editor.document, editor.selection.active))?.at.id;
}

/** Breadth-first, so the shallowest occurrence of the item is the one revealed. */
function find(provider: vscode.TreeDataProvider<TraceNode>, id: string): TraceNode | undefined {
  let level = provider.getChildren() as TraceNode[];
  for (let depth = 0; depth < SEARCH_DEPTH && level.length; depth++) {
    const hit = level.find((node) => node.type === 'item' && node.id === id);
    if (hit) return hit;
    level = level.flatMap((node) => provider.getChildren(node) as TraceNode[]);
  }
  return undefined;
}
