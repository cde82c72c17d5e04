// Git for change impact, in the Node hosts (the CLI, and the extension host through the same functions):
// what changed since a revision (`check --since REF`), the texts of spec files at that revision, and the
// earlier texts of an item for showing what changed under a suspect link. The engine stays pure: it gets
// the diff text and the old file texts from here.
// @implements ST-54, ST-52
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, TraceSnapshot } from '../core';
import { fingerprintOf, itemText, pinMatches, pinOf } from '../core/impact/fingerprint';
import { reviewedText } from '../core/impact/check';
import { computeImpact, parseUnifiedDiff, specFilesToCompare, type FileChange, type ImpactReport } from '../core/impact/since';
import { formatLineDiff } from '../core/impact/textDiff';
import { createIdMatcher } from '../core/ids';
import { createScanContext, scanText } from '../core/scan/file';
import { UsageError } from './usage';

/** Git could not answer: not installed, not a repository, an unknown revision. The message says which. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

const MAX_BUFFER = 512 * 1024 * 1024;

/** Runs git in `cwd` and returns its stdout; throws GitError with git's own first line of complaint. */
export function runGit(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_BUFFER, timeout: 60_000 }).toString('utf8');
  } catch (error) {
    throw gitError(error);
  }
}

/** The same, without blocking the caller's thread (the extension host). */
export function runGitAsync(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: MAX_BUFFER, timeout: 60_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(gitError(Object.assign(error, { stderr })));
      else resolve(stdout);
    });
  });
}

function gitError(error: unknown): GitError {
  const e = error as NodeJS.ErrnoException & { stderr?: Buffer | string };
  if (e.code === 'ENOENT') return new GitError('git was not found: install git, or make sure it is on the PATH');
  const stderr = String(e.stderr ?? '').trim().split('\n')[0];
  return new GitError(stderr || e.message);
}

/** Which git commands a host runs; sync in the CLI, async in the extension host. */
export interface GitRunner {
  (args: readonly string[]): Promise<string>;
}

export function gitRunner(cwd: string, async = false): GitRunner {
  return async ? (args) => runGitAsync(cwd, args) : async (args) => runGit(cwd, args);
}

/** The commit a revision names; a GitError that says so for an unknown one or outside a repository. */
export async function resolveRevision(git: GitRunner, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitError(`\`${ref}\` is not a revision`);
  await git(['rev-parse', '--is-inside-work-tree']).catch((error: GitError) => {
    throw new GitError(/not a git repository/i.test(error.message) ? 'the folder is not inside a git repository: --since needs git history' : error.message);
  });
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown revision \`${ref}\``);
  }
}

/** Changed files since the revision (working tree against it, untracked files as added), relative to the folder. */
export async function changesSince(git: GitRunner, commit: string): Promise<FileChange[]> {
  const diff = await git(['diff', '--unified=0', '--no-color', '--no-renames', '--no-ext-diff', '--relative', commit, '--', '.']);
  const changes = parseUnifiedDiff(diff);
  const untracked = (await git(['ls-files', '--others', '--exclude-standard', '-z', '--', '.'])).split('\0').filter(Boolean);
  for (const file of untracked) if (!changes.some((c) => c.file === file)) changes.push({ file, status: 'added', lines: [] });
  return changes;
}

/** A file's text at a revision, or undefined when it did not exist there. Paths are relative to the folder. */
export async function textAt(git: GitRunner, commit: string, file: string): Promise<string | undefined> {
  try {
    return await git(['show', `${commit}:./${file}`]);
  } catch {
    return undefined;
  }
}

/** The whole impact report for `check --since` and `report --since`. */
export async function impactSince(root: string, snapshot: TraceSnapshot, ref: string, git: GitRunner = gitRunner(root)): Promise<ImpactReport> {
  const commit = await resolveRevision(git, ref);
  const changes = await changesSince(git, commit);
  const oldSpecs = new Map<string, string | undefined>();
  for (const file of specFilesToCompare(snapshot, changes)) oldSpecs.set(file, await textAt(git, commit, file));
  const currentText = (file: string) => {
    try {
      return fs.readFileSync(path.join(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  return computeImpact({ since: ref, commit, snapshot, changes, oldSpecs, currentText });
}

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
}

/** The impact section of `check --since` in the terminal. */
export function formatImpact(report: ImpactReport, style: TextStyle): string {
  const out: string[] = [style.bold(`Impact since ${report.since}${report.commit ? ` (${report.commit.slice(0, 12)})` : ''}: ${report.files.changed} changed file${report.files.changed === 1 ? '' : 's'}`)];
  out.push(style.bold(`Items whose text changed: ${report.changedItems.length}`));
  for (const item of report.changedItems) {
    const where = item.location ? `  ${item.location.file}:${item.location.line}` : '';
    const what = item.change === 'changed' ? `changed (${item.parts.join(', ') || 'text'}), #${pinOf(item.before ?? '')} -> #${pinOf(item.after ?? '')}` : item.change;
    out.push(`  ${item.id}  ${item.title}  ${what}${style.dim(where)}`);
    if (item.change === 'changed' && item.oldText !== undefined && item.newText !== undefined) out.push(...formatLineDiff(item.oldText, item.newText, '      ').map(style.dim));
  }
  out.push(style.bold(`Items whose implementing code or tests changed: ${new Set(report.changedCode.map((c) => c.id)).size}`));
  for (const code of report.changedCode) {
    out.push(`  ${code.location.file}:${code.location.line}:${code.location.column}  @${code.tag} ${code.id}  ${code.role === 'test' ? 'test' : 'code'} changed in lines ${code.block.start}-${code.block.end}`);
  }
  out.push(style.bold(`Links to re-review (code and tests of changed items): ${report.linksToReview.length}`));
  for (const link of report.linksToReview) {
    out.push(`  ${link.location.file}:${link.location.line}:${link.location.column}  @${link.tag} ${link.id}${link.pin ? `#${link.pin}` : ''}`);
  }
  out.push(style.bold(`Tests to re-run: ${report.testsToRerun.length} file${report.testsToRerun.length === 1 ? '' : 's'}`));
  for (const test of report.testsToRerun) out.push(`  ${test.file}  (${test.ids.join(', ')})`);
  return out.join('\n') + '\n';
}

/** The earlier text of an item that a suspect link pins, or that its review stamp recorded. */
export interface Explanation {
  readonly finding: Finding;
  readonly id: string;
  readonly oldText?: string;
  /** `review` (the stamp's text), `git <commit>` (found in history), or absent when not found. */
  readonly source?: string;
  readonly newText: string;
}

/**
 * For each `suspect-link` and `changed-since-review` finding, the item's text then and now: the review
 * stamp's text when it is of the pinned version, else the newest version in the spec file's git history
 * whose fingerprint the pin matches (up to `depth` commits back).
 */
export async function explainChanges(snapshot: TraceSnapshot, git: GitRunner | undefined, depth = 100): Promise<Explanation[]> {
  const wanted = snapshot.findings.filter((f) => (f.code === 'suspect-link' || f.code === 'changed-since-review') && f.id && snapshot.graph.items.has(f.id));
  if (!wanted.length) return [];
  const history = new Map<string, Promise<Map<string, Map<string, { text: string; commit: string }>>>>();
  const historyOf = (file: string) => {
    let entry = history.get(file);
    if (!entry) history.set(file, (entry = git ? fileHistory(snapshot, git, file, depth) : Promise.resolve(new Map())));
    return entry;
  };
  const result: Explanation[] = [];
  for (const finding of wanted) {
    const item = snapshot.graph.items.get(finding.id as string);
    if (!item) continue;
    const newText = itemText(item);
    const stamp = snapshot.reviews.stamps.get(item.id);
    if (finding.code === 'changed-since-review') {
      result.push({ finding, id: item.id, newText, ...(stamp?.text !== undefined ? { oldText: stamp.text, source: 'review' } : {}) });
      continue;
    }
    const pin = pinOfFinding(snapshot, finding);
    const fromReview = pin ? reviewedText(stamp, pin) : undefined;
    if (fromReview !== undefined || !pin) {
      result.push({ finding, id: item.id, newText, ...(fromReview !== undefined ? { oldText: fromReview, source: 'review' } : {}) });
      continue;
    }
    const versions = (await historyOf(item.location.file)).get(item.id);
    const found = versions && [...versions].find(([fingerprint]) => pinMatches(pin, fingerprint))?.[1];
    result.push({ finding, id: item.id, newText, ...(found ? { oldText: found.text, source: `git ${found.commit.slice(0, 12)}` } : {}) });
  }
  return result;
}

/** The pin a suspect-link finding is about: the trace of that ID at the finding's start. */
function pinOfFinding(snapshot: TraceSnapshot, finding: Finding): string | undefined {
  const start = finding.location.range.start;
  return snapshot.graph.tracesOf(finding.id as string).find((t) => t.location.file === finding.location.file && t.location.range.start.line === start.line && t.location.range.start.character === start.character)?.pin;
}

/** Every version of every item defined in a spec file, newest first: ID -> fingerprint -> text and commit. */
async function fileHistory(snapshot: TraceSnapshot, git: GitRunner, file: string, depth: number): Promise<Map<string, Map<string, { text: string; commit: string }>>> {
  const byId = new Map<string, Map<string, { text: string; commit: string }>>();
  let log: string;
  try {
    log = await git(['log', '--follow', `-n${depth}`, '--format=%x00%H', '--name-only', '--', file]);
  } catch {
    return byId;
  }
  const context = createScanContext(snapshot.config, createIdMatcher(snapshot.config.prefixes));
  for (const entry of log.split('\0').filter((e) => e.trim())) {
    const [commit, ...names] = entry.trim().split('\n').map((l) => l.trim()).filter(Boolean);
    const pathThen = names[0];
    if (!commit || !pathThen) continue;
    let text: string;
    try {
      // `--name-only` paths are relative to the repository root; `:path` in `show` is too.
      text = await git(['show', `${commit}:${pathThen}`]);
    } catch {
      continue;
    }
    for (const fact of scanText(file, text, context).items) {
      const attributes: Record<string, string> = {};
      for (const a of fact.attributes) if (!(a.key in attributes)) attributes[a.key] = a.value;
      const content = { title: fact.title, description: fact.description, attributes };
      const versions = byId.get(fact.id) ?? new Map<string, { text: string; commit: string }>();
      const fingerprint = fingerprintOf(content);
      if (!versions.has(fingerprint)) versions.set(fingerprint, { text: itemText(content), commit });
      byId.set(fact.id, versions);
    }
  }
  return byId;
}

/** The "What changed" section under the summary: each suspect link and changed item with its text diff. */
export function formatExplanations(explanations: readonly Explanation[], style: TextStyle): string {
  if (!explanations.length) return '';
  const out = [style.bold('What changed (suspect links and items changed since their review)')];
  for (const e of explanations) {
    const { line, character } = e.finding.location.range.start;
    out.push(`  ${e.finding.location.file}:${line + 1}:${character + 1}  ${e.finding.code}  ${e.id}${e.source ? style.dim(`  (before: ${e.source})`) : ''}`);
    if (e.oldText === undefined) out.push(style.dim('      the earlier text was not found (no review stamp of that version, and not in the last commits of the spec file)'));
    else out.push(...formatLineDiff(e.oldText, e.newText, '      '));
  }
  return out.join('\n') + '\n';
}

/**
 * What `check` adds to its output: the impact report when `--since` is given (a usage error when git
 * cannot answer), and in text output the diffs of suspect links and items changed since their review.
 */
export async function checkAdditions(root: string, snapshot: TraceSnapshot, since: string | undefined, text: boolean, style: TextStyle): Promise<{ impact?: ImpactReport; text: string }> {
  const git = gitRunner(root);
  let impact: ImpactReport | undefined;
  if (since !== undefined) {
    try {
      impact = await impactSince(root, snapshot, since, git);
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(`--since ${since}: ${error.message}`);
      throw error;
    }
  }
  if (!text) return { ...(impact ? { impact } : {}), text: '' };
  const explained = formatExplanations(await explainChanges(snapshot, git), style);
  const parts = [explained, impact ? formatImpact(impact, style) : ''].filter(Boolean);
  return { ...(impact ? { impact } : {}), text: parts.length ? `\n${parts.join('\n')}` : '' };
}
