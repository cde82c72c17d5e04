// The registered tree views by ID: used by "Reveal in tree" and by the API the tests read trees through.
import type * as vscode from 'vscode';
import type { ViewId } from '../deps';
import type { TraceNode } from './nodes';
import type { TraceTreeProvider } from './provider';

export interface RegisteredTree {
  readonly provider: TraceTreeProvider;
  readonly view: vscode.TreeView<TraceNode>;
}

export class TreeRegistry {
  private readonly trees = new Map<ViewId, RegisteredTree>();

  add(id: ViewId, tree: RegisteredTree): void {
    this.trees.set(id, tree);
  }

  remove(id: ViewId): void {
    this.trees.delete(id);
  }

  get(id: ViewId): RegisteredTree | undefined {
    return this.trees.get(id);
  }
}
