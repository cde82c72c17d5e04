// The rules of one .gitignore, asked about the entries of one folder at a time. The `ignore` package
// decides every answer; this module only picks the cheapest question that has the same answer.
//
// `ignore().ignores(path)` first checks every parent folder of the path and caches each answer under the
// full path, so on a large tree it spends most of its time growing that cache. The walk never enters an
// ignored folder, so when it asks about an entry, every folder above it is known not to be ignored, and
// only the entry itself needs testing. Most rules (`*.o`, `build/`, `!keep.c`) look at the last part of a
// path only; when no other rule can match an entry, asking about its name alone gives the same answer as
// asking about its path, without parent checks and with a cache that holds names, not paths.
import ignoreRules, { type Ignore } from 'ignore';

/**
 * Rules as git reads them with its default `core.ignorecase=false`: `perf` does not ignore a folder named
 * `Perf` (the Linux tree has both). The package compares case-insensitively unless told otherwise.
 */
function ignore(): Ignore {
  return ignoreRules({ ignorecase: false });
}

/**
 * Longer than any path (Linux's PATH_MAX), so such a rule is no real rule; from about 15,000 characters on
 * the matcher's regular expression is too large to run, and it would throw on every path of the walk.
 */
export const MAX_RULE_LENGTH = 4096;

/**
 * What one .gitignore says about a path: the last of its rules that matches decides, `ignored` for a
 * rule, `unignored` for a `!rule`; `undefined` when none matches, so a .gitignore further up decides.
 */
export type Verdict = 'ignored' | 'unignored' | undefined;

/** What one .gitignore says about an entry of one folder: its name, and whether it is a folder itself. */
export type EntryTest = (name: string, isDirectory: boolean) => Verdict;

export interface GitignoreRules {
  /** Lines (1-based) left out because they are longer than MAX_RULE_LENGTH. */
  readonly dropped: readonly number[];
  /**
   * The test for the entries of `folder`, a path relative to the .gitignore's own folder (`''` for that
   * folder). Only for entries whose folders are all known not to be ignored, as in a walk from the top.
   */
  inFolder(folder: string): EntryTest;
  /** What the .gitignore says about a path relative to its folder, each of the path's folders checked too. */
  test(path: string, isDirectory: boolean): Verdict;
}

/** Where a rule can match: on a path's last part, only at one depth, or anywhere (not known). */
type Reach = 'none' | 'name' | 'any' | { readonly depth: number; readonly folders: string };

const NO_RULES: EntryTest = () => undefined;

export function parseGitignore(text: string): GitignoreRules {
  const { kept, dropped } = splitRules(text);
  // The same call as always, so every answer that comes from `all` is the answer there always was.
  const all = ignore().add(text.length <= MAX_RULE_LENGTH ? text : kept);
  // The package drops a byte-order mark before the first rule, and so does the reading of the lines here.
  const lines = kept[0]?.startsWith('\uFEFF') ? [kept[0].slice(1), ...kept.slice(1)] : kept;
  return { dropped, inFolder: folderTests(all, lines), test: (path, isDirectory) => entryVerdict(all, path.slice(0, Math.max(0, path.lastIndexOf('/'))), isDirectory ? `${path}/` : path) };
}

/** Chooses, for each folder, the cheapest test that answers as `all.ignores()` on the entry's full path. */
function folderTests(all: Ignore, lines: readonly string[]): (folder: string) => EntryTest {
  // An entry of the .gitignore's own folder has no folder to check: its name is its path.
  const ownFolder = nameTest(all);
  const fullPaths = (folder: string): EntryTest => (name, isDirectory) => entryVerdict(all, folder, `${folder}/${name}${isDirectory ? '/' : ''}`);
  const reaches = lines.map(reachOf);
  if (reaches.includes('any')) return (folder) => (folder ? fullPaths(folder) : ownFolder);
  const names = lines.filter((_, i) => reaches[i] === 'name');
  const byName = names.length ? nameTest(ignore().add(names)) : NO_RULES;
  const foldersByDepth = folderRulesByDepth(reaches);
  return (folder) => {
    if (!folder) return ownFolder;
    // Rules of a fixed depth are left out of `byName`: where one of them could match, ask in full.
    return foldersByDepth.get(depthOf(folder) + 1)?.ignores(folder) ? fullPaths(folder) : byName;
  };
}

/** Asks about the name alone: right for the .gitignore's own folder, and for rules that look at names only. */
function nameTest(rules: Ignore): EntryTest {
  return (name, isDirectory) => verdict(rules, isDirectory ? `${name}/` : name);
}

function verdict(rules: Ignore, path: string): Verdict {
  return verdictOf(rules.test(path));
}

function verdictOf({ ignored, unignored }: { ignored: boolean; unignored: boolean }): Verdict {
  return ignored ? 'ignored' : unignored ? 'unignored' : undefined;
}

/**
 * What the rules say about an entry of `folder` itself. `test()` answers for a folder's entries with the
 * folder's own answer when the rules ignore the folder; git, which never enters an ignored folder, only
 * gets there when a nearer .gitignore brought the folder back, and then reads the entry by its own
 * rules. The package has no public call for that reading, so its rule list is asked directly, and where
 * that is missing (another version of the package) the folder's answer stands.
 */
function entryVerdict(rules: Ignore, folder: string, path: string): Verdict {
  if (!folder || !rules.test(`${folder}/`).ignored) return verdict(rules, path);
  const own = (rules as unknown as { _rules?: { test?(path: string, mode: string): { ignored: boolean; unignored: boolean } } })._rules;
  return typeof own?.test === 'function' ? verdictOf(own.test(path, 'regex')) : 'ignored';
}

function splitRules(text: string): { kept: string[]; dropped: number[] } {
  const kept: string[] = [];
  const dropped: number[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.length > MAX_RULE_LENGTH) dropped.push(i + 1);
    else kept.push(line);
  }
  return { kept, dropped };
}

/**
 * For each depth that has rules of a fixed depth, a matcher of their folders: it matches the folder
 * (relative to the .gitignore's folder) of every entry such a rule could match, and maybe more. For
 * `/arch/x86/include/generated/` at depth 4 it holds `/arch/x86/include`: only entries of that folder
 * need their full path tested.
 */
function folderRulesByDepth(reaches: readonly Reach[]): Map<number, Ignore> {
  const folders = new Map<number, string[]>();
  for (const reach of reaches) {
    // Rules of depth 1 only reach the .gitignore's own folder, whose entries are always asked in full.
    if (typeof reach !== 'object' || reach.depth < 2) continue;
    const list = folders.get(reach.depth) ?? [];
    list.push(`/${reach.folders}`);
    folders.set(reach.depth, list);
  }
  return new Map([...folders].map(([depth, list]) => [depth, ignore().add(list)]));
}

function depthOf(folder: string): number {
  let depth = 1;
  for (let i = folder.indexOf('/'); i !== -1; i = folder.indexOf('/', i + 1)) depth++;
  return depth;
}

/**
 * Where one line of a .gitignore can match, read the way the `ignore` package reads it, and 'any' for every
 * line this reading is not sure about, so that such a line is always asked about in full.
 *
 * A rule without a slash, or with only a trailing one, is compared with the last part of a path (the
 * `ignore` package itself tests such rules on the base name); a leading `**\/` changes nothing about that.
 * A rule with a slash elsewhere is anchored at the .gitignore's folder; without `**` each of its parts
 * matches exactly one part of a path (`*`, `?` and brackets never match a slash), so it can only match
 * paths of as many parts as it has.
 */
function reachOf(line: string): Reach {
  if (line.startsWith('#')) return 'none';
  // A carriage return or a byte-order mark is read differently depending on how the rules were added.
  if (/[\r\uFEFF]/.test(line)) return 'any';
  const body = line.startsWith('!') ? line.slice(1) : line;
  const name = body.startsWith('**/') ? body.slice(3) : body;
  const slash = name.indexOf('/');
  if (!name.includes('**') && (slash === -1 || slash === name.length - 1)) return 'name';
  // Brackets and backslashes can hide a slash; a space before a slash or at the end may or may not be
  // part of the rule.
  if (name !== body || /\*\*|[[\\]| (?:\/|$)/.test(body)) return 'any';
  const parts = body.replace(/^\//, '').replace(/\/$/, '').split('/');
  return { depth: parts.length, folders: parts.slice(0, -1).join('/') };
}
