// Shared by the language features: which traceability ID sits under the cursor, after pending edits
// have reached the engine (so answers match what the user sees, not the text of 300 ms ago).
import type * as vscode from 'vscode';
import type { IdAtPosition, TraceSnapshot } from '../../core/index';
import type { Deps } from '../deps';
import { fromPosition } from '../host/paths';

export interface Lookup {
  readonly file: string;
  readonly at: IdAtPosition;
  readonly snapshot: TraceSnapshot;
}

export async function idUnderCursor(deps: Deps, document: vscode.TextDocument, position: vscode.Position): Promise<Lookup | undefined> {
  const file = deps.controller.paths?.toFile(document.uri);
  if (!file) return undefined;
  await deps.controller.settled();
  const service = deps.controller.service;
  const snapshot = deps.controller.snapshot();
  if (!service || !snapshot) return undefined;
  const at = service.idAt(file, fromPosition(position));
  return at ? { file, at, snapshot } : undefined;
}
