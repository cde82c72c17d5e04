// Conversions between the engine's world (workspace-relative '/' paths, zero-based plain ranges) and
// VS Code's (URIs, Range objects). Only documents inside the indexed folder map to a path.
import * as vscode from 'vscode';
import type { Location, Position, Range } from '../../core/index';

export class WorkspacePaths {
  constructor(readonly root: vscode.Uri) {}

  /** The workspace-relative path of a URI inside the root, or undefined for anything else. */
  toFile(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority) return undefined;
    const base = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    if (!uri.path.startsWith(base)) return undefined;
    const file = uri.path.slice(base.length);
    return file && !file.split('/').includes('..') ? file : undefined;
  }

  /** The URI of a workspace-relative path. Refuses paths that climb out of the root. */
  toUri(file: string): vscode.Uri {
    const parts = file.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..')) throw new Error(`path outside the workspace: ${file}`);
    return vscode.Uri.joinPath(this.root, ...parts);
  }

  location(location: Location): vscode.Location {
    return new vscode.Location(this.toUri(location.file), toRange(location.range));
  }
}

export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}
