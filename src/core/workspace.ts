// The engine's only door to files. Hosts implement it: Node's fs for the CLI, `vscode.workspace.fs` plus
// open editor buffers for the extension, an in-memory map for tests. Paths are workspace-relative with `/`.
// @implements ST-5

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface WorkspaceEntry {
  readonly name: string;
  readonly type: EntryType;
}

export interface FileStat {
  readonly type: EntryType;
  readonly size: number;
  /** Modification time in milliseconds; used to skip unchanged files on re-index. */
  readonly mtime: number;
}

export interface Workspace {
  /** A human-readable name of the workspace root, for reports. Never used to build paths. */
  readonly name: string;
  /** Lists a directory (`''` is the root). Hosts must not follow symbolic links out of the workspace. */
  readDirectory(dir: string): Promise<readonly WorkspaceEntry[]>;
  /**
   * Reads a file's bytes. May reject (deleted, unreadable); the engine turns that into a finding. Never
   * follows a symbolic link: a link rejects with code `ELOOP`. With `limit`, a larger file rejects with
   * code `EFBIG` and its `size`, before its bytes are read.
   */
  readFile(path: string, limit?: number): Promise<Uint8Array>;
  stat(path: string): Promise<FileStat>;
}

/** Cooperative cancellation, shaped like VS Code's token so the extension can pass its own. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface Progress {
  /** Called now and then during long work; `total` is known once the file list is. */
  report(done: number, total: number): void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
