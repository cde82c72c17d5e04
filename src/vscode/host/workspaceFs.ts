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

  /**
   * `vscode.workspace.fs` follows links, so the type is looked at first: a link (or a file swapped for one
   * after the walk) is refused, as is a file over the limit, before its bytes are read.
   */
  async readFile(path: string, limit?: number): Promise<Uint8Array> {
    const uri = this.uri(path);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.SymbolicLink) throw Object.assign(new Error(`ELOOP: ${path}`), { code: 'ELOOP' });
    if (limit !== undefined && stat.size > limit) throw Object.assign(new Error(`EFBIG: ${path}`), { code: 'EFBIG', size: stat.size });
    return vscode.workspace.fs.readFile(uri);
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
