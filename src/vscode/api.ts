// What `activate` returns: a small read-only window into the extension, used by the integration tests
// (and usable by other extensions). It exposes data the UI shows, never a way around the UI.
import * as vscode from 'vscode';
import type { TraceSnapshot } from '../core/index';
import type { Deps, ViewId } from './deps';
import type { TraceNode } from './tree/nodes';

export interface TreeEntry {
  readonly node: TraceNode;
  readonly item: vscode.TreeItem;
}

export interface SectraceApi {
  /** The latest snapshot, or undefined before the first index finished. */
  snapshot(): TraceSnapshot | undefined;
  /** Resolves when no edit is waiting to be indexed and the engine is idle. */
  whenIdle(): Promise<void>;
  /** The children a view shows under `node` (its roots without one), with their rendered tree items. */
  treeChildren(viewId: ViewId, node?: TraceNode): Promise<TreeEntry[]>;
  /** Errors the extension logged since activation. */
  errors(): readonly string[];
}

export function createApi(deps: Deps): SectraceApi {
  return {
    snapshot: () => deps.controller.snapshot(),
    whenIdle: () => deps.controller.whenIdle(),
    async treeChildren(viewId, node) {
      const tree = deps.trees.get(viewId);
      if (!tree) throw new Error(`unknown view ${viewId}`);
      const nodes = (await tree.provider.getChildren(node)) ?? [];
      return Promise.all(nodes.map(async (child) => ({ node: child, item: await tree.provider.getTreeItem(child) })));
    },
    errors: () => deps.log.errors(),
  };
}
