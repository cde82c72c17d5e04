// Which files to trace: walk the workspace through the Workspace seam, pruning excluded and
// .gitignore'd folders before listing them (an ignored node_modules is never read), and never following
// symbolic links, so a link loop or a link out of the workspace cannot be walked into.
// @implements ST-7, STM-3
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE } from './config';
import { isTraceable, type ScanContext } from './scan/file';
import { CancelledError, type CancellationToken, type Workspace } from './workspace';

export interface WalkResult {
  /** Traceable files, sorted. */
  readonly files: string[];
  readonly skipped: { readonly file: string; readonly reason: string }[];
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
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
  const subdirectories: string[] = [];
  const files: string[] = [];
  for (const entry of entries) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    const isDirectory = entry.type === 'directory';
    const excluded = isDirectory ? context.isExcluded(path) || context.isExcluded(`${path}/`) : context.isExcluded(path);
    if (excluded) continue;
    if (isIgnored(path, isDirectory, active)) continue;
    if (isDirectory) subdirectories.push(path);
    else if (entry.type === 'file') {
      if (isTraceable(path, context)) files.push(path);
    } else if (entry.type === 'symlink') {
      // Every link is listed, whatever its name: a link to a folder of specs would otherwise leave the
      // whole folder out without a word.
      result.skipped.push({ file: path, reason: 'symbolic link (not followed)' });
    }
  }
  for (const file of files) result.files.push(file);
  if (found && files.length) await found(files);
  await Promise.all(subdirectories.map((path) => walkDirectory(workspace, context, path, active, result, token, found)));
}

async function readGitignore(workspace: Workspace, dir: string, entries: readonly { name: string; type: string }[], result: WalkResult): Promise<IgnoreScope | undefined> {
  if (!entries.some((e) => e.name === '.gitignore' && e.type === 'file')) return undefined;
  const path = dir ? `${dir}/.gitignore` : '.gitignore';
  let text: string;
  try {
    text = new TextDecoder().decode(await workspace.readFile(path));
  } catch (error) {
    result.skipped.push({ file: path, reason: `not readable, its rules were not applied: ${messageOf(error)}` });
    return undefined;
  }
  const { rules, dropped } = gitignoreRules(text);
  if (dropped.length) result.skipped.push({ file: path, reason: `${dropped.length === 1 ? 'the rule on line' : 'the rules on lines'} ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} longer than ${MAX_RULE_LENGTH} characters and not applied` });
  return { base: dir, rules };
}

/**
 * Longer than any path (Linux's PATH_MAX), so such a rule is no real rule; from about 15,000 characters on
 * the matcher's regular expression is too large to run, and it would throw on every path of the walk.
 */
const MAX_RULE_LENGTH = 4096;

/** The rules of a `.gitignore`, without any rule longer than MAX_RULE_LENGTH; `dropped` holds their lines (1-based). */
function gitignoreRules(text: string): { rules: Ignore; dropped: number[] } {
  if (text.length <= MAX_RULE_LENGTH) return { rules: ignore().add(text), dropped: [] };
  const kept: string[] = [];
  const dropped: number[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.length > MAX_RULE_LENGTH) dropped.push(i + 1);
    else kept.push(line);
  }
  return { rules: ignore().add(kept), dropped };
}

function isIgnored(path: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  // The configuration file itself is never ignored, whatever .gitignore says.
  if (path === CONFIG_FILE) return false;
  for (const scope of scopes) {
    const relative = scope.base ? path.slice(scope.base.length + 1) : path;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
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
    const dir = parts.slice(0, depth).join('/');
    if (context.isExcluded(dir) || context.isExcluded(`${dir}/`)) return true;
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
    if (isDirectory ? context.isExcluded(current) || context.isExcluded(`${current}/`) : context.isExcluded(current)) return false;
    if (isIgnored(current, isDirectory, scopes)) return false;
  }
  return true;
}

async function readGitignoreAt(workspace: Workspace, dir: string): Promise<IgnoreScope | undefined> {
  try {
    const bytes = await workspace.readFile(dir ? `${dir}/.gitignore` : '.gitignore');
    return { base: dir, rules: gitignoreRules(new TextDecoder().decode(bytes)).rules };
  } catch {
    return undefined;
  }
}
