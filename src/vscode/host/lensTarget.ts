// What every CodeLens provider needs first: lenses on, a document inside the workspace, and the snapshot
// once indexing has settled.
import type * as vscode from 'vscode';
import type { TraceSnapshot } from '../../core';
import type { Deps } from '../deps';

export async function lensTarget(deps: Deps, document: vscode.TextDocument): Promise<{ file: string; snapshot: TraceSnapshot } | undefined> {
  if (!deps.settings().codeLensEnabled) return undefined;
  const file = deps.controller.paths?.toFile(document.uri);
  if (!file) return undefined;
  await deps.controller.settled();
  const snapshot = deps.controller.snapshot();
  return snapshot ? { file, snapshot } : undefined;
}
