// An in-memory Workspace for tests: files from a plain object, every call recorded so tests can assert
// what the engine read (for example, that an excluded folder was never listed).
import type { EntryType, FileStat, Workspace, WorkspaceEntry } from '../../src/core';

export interface MemoryWorkspace extends Workspace {
  readonly calls: string[];
  write(path: string, content: string | Uint8Array): void;
  remove(path: string): void;
  /** Makes reading this path fail with the given error code. */
  failOn(path: string, code: string): void;
}

export function createMemoryWorkspace(files: Record<string, string | Uint8Array>, name = 'memory'): MemoryWorkspace {
  const contents = new Map<string, Uint8Array>();
  const failures = new Map<string, string>();
  const links = new Set<string>();
  const calls: string[] = [];
  const encode = (c: string | Uint8Array) => (typeof c === 'string' ? new TextEncoder().encode(c) : c);
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith('@link:')) links.add(path.slice(6));
    else contents.set(path, encode(content));
  }
  const error = (code: string, path: string) => Object.assign(new Error(`${code}: ${path}`), { code });
  const entryType = (path: string): EntryType | undefined => {
    if (links.has(path)) return 'symlink';
    if (contents.has(path)) return 'file';
    const prefix = path ? `${path}/` : '';
    for (const key of [...contents.keys(), ...links]) if (key.startsWith(prefix)) return 'directory';
    return undefined;
  };
  return {
    name,
    calls,
    async readDirectory(dir) {
      calls.push(`readDirectory ${dir}`);
      if (failures.has(dir)) throw error(failures.get(dir) as string, dir);
      const prefix = dir ? `${dir}/` : '';
      const names = new Set<string>();
      for (const key of [...contents.keys(), ...links]) if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]);
      if (!names.size && dir) throw error('ENOENT', dir);
      return [...names].sort().map((n): WorkspaceEntry => ({ name: n, type: entryType(prefix + n) as EntryType }));
    },
    async readFile(path, limit) {
      calls.push(`readFile ${path}`);
      if (failures.has(path)) throw error(failures.get(path) as string, path);
      if (links.has(path)) throw error('ELOOP', path);
      const content = contents.get(path);
      if (!content) throw error('ENOENT', path);
      if (limit !== undefined && content.length > limit) throw Object.assign(error('EFBIG', path), { size: content.length });
      return content;
    },
    async stat(path): Promise<FileStat> {
      const type = entryType(path);
      if (!type) throw error('ENOENT', path);
      return { type, size: contents.get(path)?.length ?? 0, mtime: 0 };
    },
    write(path, content) {
      contents.set(path, encode(content));
    },
    remove(path) {
      contents.delete(path);
    },
    failOn(path, code) {
      failures.set(path, code);
    },
  };
}
