// The walk asks .gitignore rules the cheap way (names instead of paths, no parent checks); it must give
// exactly the answers of the plain way: every path asked of every .gitignore above it, the nearest one with
// a rule for the path itself deciding (as in git), and of git itself.
// @verifies ST-7
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import ignoreRules, { type Ignore } from 'ignore';

/** As git reads .gitignore files, case included (`core.ignorecase=false`, git's default). */
const ignore = (): Ignore => ignoreRules({ ignorecase: false });
import { CONFIG_FILE, parseConfig } from '../../../src/core/config';
import { createIdMatcher } from '../../../src/core/ids';
import { parseGitignore } from '../../../src/core/ignoreRules';
import { createScanContext, isTraceable, type ScanContext } from '../../../src/core/scan/file';
import { isPathWalked, walkWorkspace, type WalkResult } from '../../../src/core/walk';
import type { Workspace } from '../../../src/core/workspace';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';

/**
 * The last rule that matches the path itself, its folders not checked: how git reads a .gitignore for an
 * entry of a folder it walked into. `ignore` has no public call for it; its rule list is asked directly.
 */
function ownAnswer(rules: Ignore, path: string): { ignored: boolean; unignored: boolean } {
  return (rules as unknown as { _rules: { test(path: string, mode: string): { ignored: boolean; unignored: boolean } } })._rules.test(path, 'regex');
}

/** The plain walk: every entry's path asked of every .gitignore above it, in full, the nearest one deciding. */
async function referenceWalk(workspace: Workspace, context: ScanContext): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  const visit = async (dir: string, scopes: readonly { base: string; rules: Ignore }[]): Promise<void> => {
    const entries = await workspace.readDirectory(dir);
    const active = [...scopes];
    if (context.config.gitignore && entries.some((e) => e.name === '.gitignore' && e.type === 'file')) {
      const text = new TextDecoder().decode(await workspace.readFile(dir ? `${dir}/.gitignore` : '.gitignore'));
      active.push({ base: dir, rules: ignore().add(text) });
    }
    // As in git: the nearest .gitignore with a rule for the path itself decides.
    const isIgnored = (path: string, isDirectory: boolean) => {
      if (path === CONFIG_FILE) return false;
      for (const { base, rules } of [...active].reverse()) {
        const { ignored, unignored } = ownAnswer(rules, `${base ? path.slice(base.length + 1) : path}${isDirectory ? '/' : ''}`);
        if (ignored || unignored) return ignored;
      }
      return false;
    };
    for (const { name, type } of entries) {
      const path = dir ? `${dir}/${name}` : name;
      const isDirectory = type === 'directory';
      if (isDirectory ? context.isExcluded(path) || context.isExcluded(`${path}/`) : context.isExcluded(path)) continue;
      if (isIgnored(path, isDirectory)) continue;
      if (isDirectory) await visit(path, active);
      else if (type === 'file' && isTraceable(path, context)) result.files.push(path);
      else if (type === 'symlink') result.skipped.push({ file: path, reason: 'symbolic link (not followed)' });
    }
  };
  await visit('', []);
  result.files.sort();
  result.skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return result;
}

// Few names, so that rules and paths meet often; `A` against `a` because the rules do not ignore case.
const FOLDER: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'A', 'x.ts');
const FILE: fc.Arbitrary<string> = fc.constantFrom('x.ts', 'A.ts', 'a.ts', 'b.md', 'z.png');
const PART = fc.constantFrom('a', 'b', 'A', 'x.ts', 'b.md', '*', '?', '*.ts', 'a*', 'x.*');
// Parts the walk treats with care: brackets and backslashes (which may hold a slash), `**`.
const ODD_PART = fc.constantFrom('[ab]', '[!a]', '[^/]', '[!/]', '**', 'a**', '\\*', 'a\\', '\\#a', '\\!a');

const rule = (part: fc.Arbitrary<string>, trail: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', '', '!'), fc.constantFrom('', '', '/', '**/'), fc.array(part, { minLength: 1, maxLength: 4 }), trail)
    .map(([not, lead, parts, end]) => `${not}${lead}${parts.join('/')}${end}`);

/** A rule of a common shape: a name, or a path from the .gitignore's folder, either one maybe negated. */
const RULE = rule(PART, fc.constantFrom('', '', '/'));

/** Any line: rules of every shape, with odd parts, spaces, carriage returns or byte-order marks in them. */
const LINE = fc.oneof(
  { weight: 3, arbitrary: RULE },
  { weight: 3, arbitrary: rule(fc.oneof(PART, ODD_PART), fc.constantFrom('', '/', '/**', ' ', '/ ', '\r', '/\r')) },
  { weight: 1, arbitrary: RULE.map((line) => `\uFEFF${line}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# a/b', '#a', '!', '/', '//a', 'a//b', '/**/a', '**', '***/a', 'a/**/b', 'a /b') },
);

/** Mostly files of common rules (which the walk asks the cheap way), now and then one with anything in it. */
const GITIGNORE = fc.tuple(fc.oneof({ weight: 2, arbitrary: fc.array(RULE, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(LINE, { maxLength: 6 }) }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '', '\uFEFF'))
  .map(([lines, newline, bom]) => bom + lines.join(newline));

const TREE = fc.record({
  files: fc.array(fc.tuple(fc.array(FOLDER, { maxLength: 4 }), FILE), { minLength: 1, maxLength: 30 }),
  gitignores: fc.array(fc.tuple(fc.array(FOLDER, { maxLength: 3 }), GITIGNORE), { maxLength: 4 }),
  links: fc.array(fc.tuple(fc.array(FOLDER, { maxLength: 2 }), fc.constantFrom('x.ts', 'link', 'a')), { maxLength: 2 }),
  configFile: fc.boolean(),
  config: fc.constantFrom('', '', '', 'gitignore: false', 'exclude: ["**/b/**"]', 'exclude: ["b/", "**/*.md"]'),
});

type Tree = typeof TREE extends fc.Arbitrary<infer T> ? T : never;

/** The tree as files for the in-memory workspace; a path at or under another one's place is left out. */
function filesOf(tree: Tree): Record<string, string> {
  const files = new Map<string, string>();
  for (const [folders, name] of tree.files) files.set([...folders, name].join('/'), '');
  for (const [folders, text] of tree.gitignores) files.set([...folders, '.gitignore'].join('/'), text);
  for (const [folders, name] of tree.links) {
    const path = [...folders, name].join('/');
    if (!files.has(path)) files.set(`@link:${path}`, '');
  }
  if (tree.configFile) files.set(CONFIG_FILE, '');
  const paths = [...files.keys()].map((key) => key.replace(/^@link:/, ''));
  const fits = (path: string) => !paths.some((other) => path.startsWith(`${other}/`));
  return Object.fromEntries([...files].filter(([key]) => fits(key.replace(/^@link:/, ''))));
}

const example = (files: [string[], string][], gitignores: [string[], string][]): Tree => ({ files, gitignores, links: [], configFile: false, config: '' });

/** Lines the walk reads in a particular way, each with a tree where reading it wrongly shows. */
const EXAMPLES: Tree[] = [
  example([[['a', 'b'], 'x.ts']], [[[], 'a/[^/]']]), // a bracket never matches a slash, nor makes one
  example([[['a', 'b'], 'x.ts']], [[[], 'a\\/b']]), // an escaped slash is a slash
  example([[['b', 'a'], 'x.ts']], [[[], 'a/ ']]), // the trailing space goes, the rule is for folders named a
  example([[['a', 'b', 'a', 'b'], 'x.ts']], [[[], 'a/**/b\n!a/b/']]), // `**` matches any number of folders
  example([[['b', 'a'], 'x.ts']], [[[], 'x\na/\r']]), // the carriage return at the very end goes
  example([[['b', 'a'], 'x.ts']], [[[], '/x/y\n\uFEFFa/']]), // a byte-order mark is a character, except before the first rule
  example([[['a'], 'b.md']], [[[], 'b.md\n!a/b.md']]), // a negated rule of a fixed depth
  example([[['a', 'b'], 'x.ts']], [[['a'], 'b/\n!/b/']]), // a negated rule anchored at a nested .gitignore
  example([[['a'], '#x.ts']], [[[], '\\#x.ts\n# x.ts']]), // only a line that starts with # is a comment
  example([[['a'], 'x.ts'], [['b'], 'x.ts']], [[[], '*.ts'], [['a'], '!x.ts']]), // a nearer .gitignore brings a file back
  example([[['a', 'b'], 'x.ts'], [['b'], 'x.ts']], [[[], 'b/'], [['a'], '!b/']]), // and a folder, with what it holds
];

describe('walk: .gitignore answers are the plain ones', () => {
  it('walks random trees with random nested .gitignore files exactly like every .gitignore asked about full paths', async () => {
    await fc.assert(fc.asyncProperty(TREE, async (tree) => {
      const files = filesOf(tree);
      const { config } = parseConfig(tree.config);
      const context = createScanContext(config, createIdMatcher(config.prefixes));
      const expected = await referenceWalk(createMemoryWorkspace(files), context);
      const workspace = createMemoryWorkspace(files);
      assert.deepEqual(await walkWorkspace(workspace, context), expected);
      // Checking one path on its own (after an edit) agrees with the walk.
      for (const path of Object.keys(files).filter((p) => !p.startsWith('@link:') && isTraceable(p, context))) {
        assert.equal(await isPathWalked(workspace, context, path), expected.files.includes(path), path);
      }
    }), { numRuns: 1000, seed: 17, examples: EXAMPLES.map((tree) => [tree]) });
  });

  it('asks one .gitignore about an entry of a walked folder exactly like ignore().test() on its full path', () => {
    // Two names only, so that nearly every rule meets nearly every path.
    const NAME = fc.constantFrom('a', 'b');
    const DENSE_PART = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', '*', '?') }, { weight: 1, arbitrary: fc.constantFrom('[^/]', '[ab]', '**', 'a\\', '\\*') });
    const DENSE_LINE = fc.tuple(fc.constantFrom('', '!'), fc.constantFrom('', '/', '**/', '\uFEFF'), fc.array(DENSE_PART, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '/', ' ', '/ ', '/**', '\r', '/\r'))
      .map(([not, lead, parts, end]) => `${not}${lead}${parts.join('/')}${end}`);
    const DENSE = fc.tuple(fc.array(DENSE_LINE, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n')).map(([lines, newline]) => lines.join(newline));
    fc.assert(fc.property(DENSE, fc.array(NAME, { maxLength: 4 }), NAME, fc.boolean(), (text, folders, name, isDirectory) => {
      const reference = ignore().add(text);
      // The walk only asks about the entries of folders it walked into.
      fc.pre(folders.every((_, i) => !reference.ignores(`${folders.slice(0, i + 1).join('/')}/`)));
      const rules = parseGitignore(text);
      const path = [...folders, name].join('/');
      const { ignored, unignored } = reference.test(isDirectory ? `${path}/` : path);
      const expected = ignored ? 'ignored' : unignored ? 'unignored' : undefined;
      assert.equal(rules.inFolder(folders.join('/'))(name, isDirectory), expected);
      assert.equal(rules.test(path, isDirectory), expected);
    }), { numRuns: 20000, seed: 23 });
  });

  it('traces the same files that git leaves untracked and unignored, in random trees with nested .gitignore files', async () => {
    // Lower-case names only (on a file system that ignores case, `a` and `A` would be one file) and rules
    // of common shapes: this is about which .gitignore decides, not about reading odd lines.
    const LOWER_FOLDER = fc.constantFrom('a', 'b', 'x.ts');
    const LOWER_FILE = fc.constantFrom('x.ts', 'a.ts', 'b.md', 'z.png');
    const LOWER_RULE = rule(fc.constantFrom('a', 'b', 'x.ts', 'b.md', '*', '*.ts', 'a*', 'x.*'), fc.constantFrom('', '', '/'));
    const LOWER_TREE: fc.Arbitrary<Tree> = fc.record({
      files: fc.array(fc.tuple(fc.array(LOWER_FOLDER, { maxLength: 3 }), LOWER_FILE), { minLength: 1, maxLength: 20 }),
      gitignores: fc.array(fc.tuple(fc.array(LOWER_FOLDER, { maxLength: 2 }), fc.array(LOWER_RULE, { maxLength: 4 }).map((lines) => lines.join('\n'))), { maxLength: 4 }),
      links: fc.constant([] as Tree['links']),
      configFile: fc.constant(false),
      config: fc.constant(''),
    });
    const { config } = parseConfig('');
    const context = createScanContext(config, createIdMatcher(config.prefixes));
    await fc.assert(fc.asyncProperty(LOWER_TREE, async (tree) => {
      const files = filesOf(tree);
      const dir = mkdtempSync(join(tmpdir(), 'sectrace-gitignore-'));
      try {
        for (const [path, text] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
        }
        execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore' });
        const untracked = execFileSync('git', ['-c', 'core.ignorecase=false', 'ls-files', '--others', '--exclude-standard'], { cwd: dir }).toString('utf8').split('\n').filter(Boolean);
        const expected = untracked.filter((path) => isTraceable(path, context)).sort();
        assert.deepEqual((await walkWorkspace(createMemoryWorkspace(files), context)).files, expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: 60, seed: 29, examples: EXAMPLES.slice(-2).map((tree) => [tree]) });
  });
});
