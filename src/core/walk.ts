// Which files to trace: walk the workspace through the Workspace seam, pruning excluded and
// .gitignore'd folders before listing them (an ignored node_modules is never read), and never following
// symbolic links, so a link loop or a link out of the workspace cannot be walked into.
// @implements ST-7, STM-3
import { CONFIG_FILE } from './config';
import { MAX_RULE_LENGTH, parseGitignore, type GitignoreRules, type Verdict } from './ignoreRules';
import { isTraceable, type ScanContext } from './scan/file';
import { CancelledError, type CancellationToken, type Workspace, type WorkspaceEntry } from './workspace';

export interface WalkResult {
  /** Traceable files, sorted. */
  readonly files: string[];
  readonly skipped: { readonly file: string; readonly reason: string }[];
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: GitignoreRules;
}

/** Receives each folder's traceable files as the walk finds them; a returned promise is waited for. */
export type FoundFiles = (files: readonly string[]) => void | Promise<void>;

export async function walkWorkspace(workspace: Workspace, context: ScanContext, token?: CancellationToken, found?: FoundFiles): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  await walkDirectory(workspace, context, '', [], result, token, found);
  result.files.sort();
  result.skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return result;
}

async function walkDirectory(workspace: Workspace, context: ScanContext, dir: string, scopes: IgnoreScope[], result: WalkResult, token?: CancellationToken, found?: FoundFiles): Promise<void> {
  if (token?.isCancellationRequested) throw new CancelledError();
  let entries;
  try {
    entries = await workspace.readDirectory(dir);
  } catch (error) {
    result.skipped.push({ file: dir || '.', reason: `folder not readable: ${messageOf(error)}` });
    return;
  }
  const here = context.config.gitignore ? await readGitignore(workspace, dir, entries, result) : undefined;
  const active = here ? [...scopes, here] : scopes;
  const { files, subdirectories } = sortEntries(dir, entries, active, context, result);
  for (const file of files) result.files.push(file);
  if (found && files.length) await found(files);
  await Promise.all(subdirectories.map((path) => walkDirectory(workspace, context, path, active, result, token, found)));
}

/** A folder's traceable files and the folders to walk next; symbolic links go to `result.skipped`. */
function sortEntries(dir: string, entries: readonly WorkspaceEntry[], scopes: readonly IgnoreScope[], context: ScanContext, result: WalkResult): { files: string[]; subdirectories: string[] } {
  const isIgnored = ignoredInFolder(dir, scopes);
  const files: string[] = [];
  const subdirectories: string[] = [];
  for (const { name, type } of entries) {
    const path = dir ? `${dir}/${name}` : name;
    if (type === 'directory') {
      if (!isExcludedFolder(path, context) && !isIgnored(path, name, true)) subdirectories.push(path);
    } else if (type === 'file') {
      // Whether the file could be traced at all is the cheapest question, so it is asked first.
      if (isTraceable(path, context) && !context.isExcluded(path) && !isIgnored(path, name, false)) files.push(path);
    } else if (type === 'symlink' && !context.isExcluded(path) && !isIgnored(path, name, false)) {
      // Every link is listed, whatever its name: a link to a folder of specs would otherwise leave the
      // whole folder out without a word.
      result.skipped.push({ file: path, reason: 'symbolic link (not followed)' });
    }
  }
  return { files, subdirectories };
}

/**
 * Whether an entry of `dir` is ignored by the .gitignore files of `scopes`. As in git, the .gitignore
 * nearest the entry that has a rule for it decides, so a `!rule` further down brings back what a
 * .gitignore further up ignores. The walk is in `dir`, so none of the folders above the entry is ignored,
 * and each scope tests the entry without checking them again.
 */
function ignoredInFolder(dir: string, scopes: readonly IgnoreScope[]): (path: string, name: string, isDirectory: boolean) => boolean {
  const tests = scopes.map((scope) => scope.rules.inFolder(relativeTo(scope.base, dir))).reverse();
  return (path, name, isDirectory) => {
    // The configuration file itself is never ignored, whatever .gitignore says.
    if (path === CONFIG_FILE) return false;
    return nearestVerdict(tests, (test) => test(name, isDirectory));
  };
}

/** Whether the first scope (nearest first) that has a rule for the path ignores it. */
function nearestVerdict<T>(nearestFirst: readonly T[], ask: (scope: T) => Verdict): boolean {
  for (const scope of nearestFirst) {
    const verdict = ask(scope);
    if (verdict !== undefined) return verdict === 'ignored';
  }
  return false;
}

/** `path` relative to `base`, a folder that holds it or is it (`''` is the workspace root). */
function relativeTo(base: string, path: string): string {
  if (!base) return path;
  return path === base ? '' : path.slice(base.length + 1);
}

async function readGitignore(workspace: Workspace, dir: string, entries: readonly WorkspaceEntry[], result: WalkResult): Promise<IgnoreScope | undefined> {
  if (!entries.some((e) => e.name === '.gitignore' && e.type === 'file')) return undefined;
  const path = dir ? `${dir}/.gitignore` : '.gitignore';
  let text: string;
  try {
    text = new TextDecoder().decode(await workspace.readFile(path));
  } catch (error) {
    result.skipped.push({ file: path, reason: `not readable, its rules were not applied: ${messageOf(error)}` });
    return undefined;
  }
  const rules = parseGitignore(text);
  const { dropped } = rules;
  if (dropped.length) result.skipped.push({ file: path, reason: `${dropped.length === 1 ? 'the rule on line' : 'the rules on lines'} ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} longer than ${MAX_RULE_LENGTH} characters and not applied` });
  return { base: dir, rules };
}

/** Whether a path is ignored by the .gitignore files of `scopes`, each of its folders checked too. */
function isIgnoredPath(path: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  // The configuration file itself is never ignored, whatever .gitignore says.
  if (path === CONFIG_FILE) return false;
  return nearestVerdict([...scopes].reverse(), (scope) => scope.rules.test(relativeTo(scope.base, path), isDirectory));
}

/**
 * Whether the configuration excludes a folder: a glob may name it as it is (`**\/node_modules`) or as a
 * folder (`build/`).
 */
function isExcludedFolder(path: string, context: ScanContext): boolean {
  return context.isExcluded(path) || context.isExcluded(`${path}/`);
}

export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether the configuration excludes the path or one of its folders. Synchronous, for open editor
 * buffers; `.gitignore` needs reads and is checked by `isPathWalked`.
 */
export function isExcludedPath(path: string, context: ScanContext): boolean {
  const parts = path.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    if (isExcludedFolder(parts.slice(0, depth).join('/'), context)) return true;
  }
  return context.isExcluded(path);
}

/**
 * Whether a single path would be walked: not excluded, and not ignored by a .gitignore on the way to it.
 * Used when one file changes, so the whole tree need not be walked again.
 */
export async function isPathWalked(workspace: Workspace, context: ScanContext, path: string): Promise<boolean> {
  const parts = path.split('/');
  const scopes: IgnoreScope[] = [];
  for (let depth = 0; depth < parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/');
    const current = parts.slice(0, depth + 1).join('/');
    const isDirectory = depth < parts.length - 1;
    if (context.config.gitignore) {
      const scope = await readGitignoreAt(workspace, dir);
      if (scope) scopes.push(scope);
    }
    if (isDirectory ? isExcludedFolder(current, context) : context.isExcluded(current)) return false;
    if (isIgnoredPath(current, isDirectory, scopes)) return false;
  }
  return true;
}

async function readGitignoreAt(workspace: Workspace, dir: string): Promise<IgnoreScope | undefined> {
  try {
    const bytes = await workspace.readFile(dir ? `${dir}/.gitignore` : '.gitignore');
    return { base: dir, rules: parseGitignore(new TextDecoder().decode(bytes)) };
  } catch {
    return undefined;
  }
}
