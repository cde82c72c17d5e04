// One TreeDataProvider per view, all alike: roots and children come from the TreeModel of the latest
// snapshot, the look from render.ts. The model is rebuilt only when the snapshot changes.
import * as vscode from 'vscode';
import type { TraceController } from '../host/controller';
import { TreeModel, type TraceNode, type ViewKind } from './nodes';
import { toTreeItem } from './render';
import type { ViewState } from './viewState';

export class TraceTreeProvider implements vscode.TreeDataProvider<TraceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TraceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: TreeModel | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly view: ViewKind,
    private readonly controller: TraceController,
    private readonly viewState: ViewState,
  ) {
    this.subscriptions = [controller.onDidChange(() => this.changed.fire(undefined)), viewState.onDidChange(() => this.changed.fire(undefined))];
  }

  getTreeItem(node: TraceNode): vscode.TreeItem {
    const model = this.currentModel();
    return model ? toTreeItem(node, model) : new vscode.TreeItem(node.key);
  }

  getChildren(node?: TraceNode): TraceNode[] {
    const model = this.currentModel();
    if (!model) return [];
    const onlyGaps = this.viewState.showOnlyGaps;
    return node ? model.children(node, onlyGaps) : model.roots(this.view, onlyGaps);
  }

  getParent(node: TraceNode): TraceNode | undefined {
    return node.parent;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private currentModel(): TreeModel | undefined {
    const snapshot = this.controller.snapshot();
    if (!snapshot) return undefined;
    if (this.model?.snapshot !== snapshot) this.model = new TreeModel(snapshot);
    return this.model;
  }
}
