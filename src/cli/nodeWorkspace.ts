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
    async readFile(file, limit) {
      return readFileNoFollow(resolve(file), limit);
    },
    async stat(file): Promise<FileStat> {
      const stat = fs.lstatSync(resolve(file));
      return { type: entryType(stat), size: stat.size, mtime: stat.mtimeMs };
    },
  };
}

/**
 * Reads a regular file without following a symbolic link at its path (O_NOFOLLOW; an lstat first where
 * the platform lacks it), so a file swapped for a link after the walk listed it cannot make the trace
 * read outside the workspace. With `limit`, a larger file is refused (code `EFBIG`) before it is read.
 * O_NONBLOCK keeps a FIFO put in a file's place from blocking the open.
 */
export function readFileNoFollow(file: string, limit?: number, scratch?: ReadScratch): Buffer {
  const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
  if (O_NOFOLLOW === undefined && fs.lstatSync(file).isSymbolicLink()) throw failure('ELOOP', file);
  const fd = fs.openSync(file, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw failure('EISDIR', file);
    if (!stat.isFile()) throw failure('ENOTREG', file);
    if (limit !== undefined && stat.size > limit) throw Object.assign(failure('EFBIG', file), { size: stat.size });
    const buffer = scratch ? scratch.take(stat.size) : Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    // A file that shrank while being read yields what was there.
    return read < stat.size ? buffer.subarray(0, read) : buffer;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One buffer reused for every read of a scan worker, which decodes each file before it reads the next:
 * a fresh buffer per file cost an allocation, page faults on new memory and garbage collection of
 * hundreds of megabytes of short-lived bytes.
 */
export class ReadScratch {
  private buffer = Buffer.allocUnsafe(1 << 20);

  /** A buffer of exactly `size` bytes, valid until the next call. */
  take(size: number): Buffer {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }
}

function failure(code: string, file: string): Error {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

function entryType(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}
