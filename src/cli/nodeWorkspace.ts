// The Workspace seam over Node's fs, rooted at one folder. Synchronous fs calls behind promises: for
// the many small reads of a trace they are faster than libuv's thread pool, and the CLI has nothing
// else to do meanwhile. Paths are checked to stay inside the root.
// @implements STM-3
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntryType, FileStat, Workspace, WorkspaceEntry } from '../core';

export function createNodeWorkspace(rootDir: string): Workspace {
  const root = path.resolve(rootDir);
  const resolve = (relative: string) => {
    const absolute = path.resolve(root, relative);
    if (absolute !== root && !absolute.startsWith(root + path.sep)) throw Object.assign(new Error(`outside the workspace: ${relative}`), { code: 'EOUTSIDE' });
    return absolute;
  };
  return {
    name: path.basename(root),
    async readDirectory(dir) {
      return fs.readdirSync(resolve(dir), { withFileTypes: true }).map((d): WorkspaceEntry => ({ name: d.name, type: entryType(d) }));
    },
    async readFile(file) {
      return fs.readFileSync(resolve(file));
    },
    async stat(file): Promise<FileStat> {
      const stat = fs.lstatSync(resolve(file));
      return { type: entryType(stat), size: stat.size, mtime: stat.mtimeMs };
    },
  };
}

function entryType(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}
