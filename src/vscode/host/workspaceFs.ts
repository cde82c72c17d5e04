// The engine's `Workspace` over `vscode.workspace.fs`, rooted at one workspace folder. All file access of
// the extension goes through here, which is what lets it run in virtual and remote workspaces.
import * as vscode from 'vscode';
import type { EntryType, FileStat, Workspace, WorkspaceEntry } from '../../core/index';
import type { WorkspacePaths } from './paths';

export class VscodeWorkspace implements Workspace {
  constructor(
    readonly name: string,
    private readonly paths: WorkspacePaths,
  ) {}

  async readDirectory(dir: string): Promise<readonly WorkspaceEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(this.uri(dir));
    return entries.map(([name, type]) => ({ name, type: entryType(type) }));
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  async stat(path: string): Promise<FileStat> {
    const stat = await vscode.workspace.fs.stat(this.uri(path));
    return { type: entryType(stat.type), size: stat.size, mtime: stat.mtime };
  }

  private uri(path: string): vscode.Uri {
    return path === '' ? this.paths.root : this.paths.toUri(path);
  }
}

/** A symbolic link is reported as such (even when it points to a file) so the engine can refuse to follow it. */
function entryType(type: vscode.FileType): EntryType {
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}
