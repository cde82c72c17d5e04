// Change impact since a git revision (`sectrace check --since REF`, the editor's "Show impact of
// uncommitted changes"): which items' text changed (fingerprints of the spec files at REF against the
// current ones), which code and tests trace to them, which items' implementing code changed (diff hunks
// mapped to the block each tag speaks for, see blocks.ts), and so which tests to re-run and which links to
// re-review. Pure: the host runs git and passes the diff text and the old spec texts in.
// @implements ST-54
import type { TraceSnapshot } from '../api';
import { jsonLocation, type JsonLocation } from '../export/checkJson';
import { createIdMatcher } from '../ids';
import type { CodeTrace, ItemFact, Kind, TagName, TraceItem } from '../model';
import { compareIds, compareLocations } from '../report/sort';
import { languageForPath } from '../scan/code/languages';
import { createScanContext, isMarkdownPath, scanText } from '../scan/file';
import { BlockFinder } from './blocks';
import { changedParts } from './check';
import { fingerprintOf, itemFingerprint, itemText, type ItemContent } from './fingerprint';

/** Changed lines of the new version of a file, 1-based. `count` 0: lines were deleted after `start`. */
export interface LineChange {
  readonly start: number;
  readonly count: number;
}

export interface FileChange {
  /** Workspace-relative, `/` separators. */
  readonly file: string;
  readonly status: 'added' | 'modified' | 'deleted';
  readonly lines: readonly LineChange[];
}

export interface ImpactInput {
  /** The revision as the user gave it (`HEAD~3`, `main`, `v1.2`). */
  readonly since: string;
  /** The full commit it resolved to, when known. */
  readonly commit?: string;
  readonly snapshot: TraceSnapshot;
  readonly changes: readonly FileChange[];
  /** Text at the revision of each changed spec file (`specFilesToCompare`); undefined: it did not exist. */
  readonly oldSpecs: ReadonlyMap<string, string | undefined>;
  /** The current text of a changed file, for mapping hunks to blocks; undefined when unreadable. */
  readonly currentText: (file: string) => string | undefined;
}

export interface ImpactItem {
  readonly id: string;
  readonly kind: Kind;
  readonly title: string;
  readonly change: 'changed' | 'added' | 'removed';
  /** Where the item is defined now (absent for a removed item). */
  readonly location?: JsonLocation;
  readonly before?: string;
  readonly after?: string;
  /** `title`, `description` and attribute keys that differ (for a changed item). */
  readonly parts: readonly string[];
  readonly oldText?: string;
  readonly newText?: string;
}

export interface ImpactCode {
  readonly id: string;
  readonly kind: Kind;
  readonly title: string;
  readonly tag: TagName;
  readonly role: 'code' | 'test';
  /** The tag's ID. */
  readonly location: JsonLocation;
  /** The lines the tag speaks for (1-based, inclusive) that a change touched. */
  readonly block: { readonly start: number; readonly end: number };
}

export interface ImpactLink {
  readonly id: string;
  readonly tag: TagName;
  readonly role: 'code' | 'test';
  readonly location: JsonLocation;
  readonly pin?: string;
}

export interface ImpactTests {
  readonly file: string;
  readonly ids: readonly string[];
  readonly locations: readonly JsonLocation[];
}

export interface ImpactReport {
  readonly since: string;
  readonly commit?: string;
  readonly files: { readonly changed: number; readonly specs: number };
  /** Items whose text changed, or that were added or removed, in ID order. */
  readonly changedItems: readonly ImpactItem[];
  /** Tags whose block was touched by a change, in file order. */
  readonly changedCode: readonly ImpactCode[];
  /** Code and tests that trace to a changed item: the links to re-review. */
  readonly linksToReview: readonly ImpactLink[];
  /** Tests of changed items and of items whose implementing code changed, by file. */
  readonly testsToRerun: readonly ImpactTests[];
}

/** The changed files whose text at the revision the host must read: specs now, or Markdown that was deleted. */
export function specFilesToCompare(snapshot: TraceSnapshot, changes: readonly FileChange[]): string[] {
  const context = createScanContext(snapshot.config, createIdMatcher(snapshot.config.prefixes));
  return changes.filter((c) => context.isSpec(c.file) && isMarkdownPath(c.file)).map((c) => c.file);
}

export function computeImpact(input: ImpactInput): ImpactReport {
  const { snapshot } = input;
  const graph = snapshot.graph;
  const changedItems = compareSpecs(input);
  const changedCode = touchedTags(input);
  const changedIds = new Set(changedItems.filter((i) => i.change !== 'removed').map((i) => i.id));
  const linksToReview = [...changedIds].flatMap((id) => graph.tracesOf(id).map(impactLink)).sort((a, b) => compareLocations(a.location, b.location));
  const rerun = new Set([...changedIds, ...changedCode.filter((c) => c.role === 'code').map((c) => c.id)]);
  const tests = new Map<string, { ids: Set<string>; locations: JsonLocation[] }>();
  for (const id of rerun) {
    for (const trace of graph.testsOf(id)) {
      const entry = tests.get(trace.location.file) ?? { ids: new Set<string>(), locations: [] };
      entry.ids.add(id);
      entry.locations.push(jsonLocation(trace.location));
      tests.set(trace.location.file, entry);
    }
  }
  const testsToRerun = [...tests]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, entry]) => ({ file, ids: [...entry.ids].sort(compareIds), locations: entry.locations.sort(compareLocations) }));
  return {
    since: input.since,
    ...(input.commit ? { commit: input.commit } : {}),
    files: { changed: input.changes.length, specs: input.oldSpecs.size },
    changedItems,
    changedCode,
    linksToReview,
    testsToRerun,
  };
}

function compareSpecs(input: ImpactInput): ImpactItem[] {
  const graph = input.snapshot.graph;
  const config = input.snapshot.config;
  const context = createScanContext(config, createIdMatcher(config.prefixes));
  const before = new Map<string, ItemContent>();
  for (const [file, text] of input.oldSpecs) {
    if (text === undefined) continue;
    for (const fact of scanText(file, text, context).items) if (!before.has(fact.id)) before.set(fact.id, contentOf(fact));
  }
  const changedSpecs = new Set(input.oldSpecs.keys());
  const result: ImpactItem[] = [];
  const seen = new Set<string>();
  for (const item of graph.items.values()) {
    const old = before.get(item.id);
    if (!old && !changedSpecs.has(item.location.file)) continue;
    seen.add(item.id);
    if (!old) {
      result.push({ ...identity(item), change: 'added', location: jsonLocation(item.idLocation), after: itemFingerprint(item), parts: [], newText: itemText(item) });
      continue;
    }
    const oldFingerprint = fingerprintOf(old);
    const newFingerprint = itemFingerprint(item);
    if (oldFingerprint === newFingerprint) continue;
    const oldText = itemText(old);
    const newText = itemText(item);
    result.push({ ...identity(item), change: 'changed', location: jsonLocation(item.idLocation), before: oldFingerprint, after: newFingerprint, parts: changedParts(oldText, newText), oldText, newText });
  }
  for (const [id, old] of before) {
    if (seen.has(id) || graph.items.has(id)) continue;
    const kind = createIdMatcher(config.prefixes).kindOf(id) ?? 'requirement';
    result.push({ id, kind, title: old.title, change: 'removed', before: fingerprintOf(old), parts: [], oldText: itemText(old) });
  }
  return result.sort((a, b) => compareIds(a.id, b.id));
}

function touchedTags(input: ImpactInput): ImpactCode[] {
  const graph = input.snapshot.graph;
  const result: ImpactCode[] = [];
  for (const change of input.changes) {
    if (change.status === 'deleted') continue;
    const facts = graph.fileFacts(change.file);
    if (!facts || facts.role === 'spec' || !facts.tags.length) continue;
    const language = languageForPath(change.file);
    const text = change.status === 'modified' && language ? input.currentText(change.file) : undefined;
    const finder = text !== undefined && language ? new BlockFinder(text, language) : undefined;
    for (const tag of facts.tags) {
      for (const ref of tag.refs) {
        const item = graph.items.get(ref.id);
        if (!item) continue;
        // A new file, or one the heuristic cannot read: the whole file is the block.
        const span = finder ? finder.blockOf(ref.range.start.line) : { start: 0, end: Number.MAX_SAFE_INTEGER };
        const block = { start: span.start + 1, end: span.end + 1 };
        if (change.status === 'modified' && finder && !change.lines.some((lines) => touches(lines, block))) continue;
        const lastLine = finder ? block.end : Math.max(block.start, (text ?? input.currentText(change.file) ?? '').split(/\r\n|\r|\n/).length);
        result.push({
          ...identity(item),
          tag: tag.tag,
          role: facts.role === 'test' || tag.tag === 'verifies' ? 'test' : 'code',
          location: jsonLocation({ file: change.file, range: ref.range }),
          block: { start: block.start, end: Math.min(block.end, lastLine) },
        });
      }
    }
  }
  return result.sort((a, b) => compareLocations(a.location, b.location) || compareIds(a.id, b.id));
}

/** A hunk touches a block when one of its new lines is inside, or lines were deleted inside it. */
function touches(change: LineChange, block: { start: number; end: number }): boolean {
  if (change.count === 0) return change.start >= block.start && change.start <= block.end;
  return change.start <= block.end && change.start + change.count - 1 >= block.start;
}

function impactLink(trace: CodeTrace): ImpactLink {
  return {
    id: trace.id,
    tag: trace.tag,
    role: trace.role === 'test' || trace.tag === 'verifies' ? 'test' : 'code',
    location: jsonLocation(trace.location),
    ...(trace.pin ? { pin: trace.pin } : {}),
  };
}

function identity(item: TraceItem): { id: string; kind: Kind; title: string } {
  return { id: item.id, kind: item.kind, title: item.title };
}

function contentOf(fact: ItemFact): ItemContent {
  const attributes: Record<string, string> = {};
  for (const attribute of fact.attributes) if (!(attribute.key in attributes)) attributes[attribute.key] = attribute.value;
  return { title: fact.title, description: fact.description, attributes };
}

/**
 * Reads `git diff --unified=0 --no-color --no-renames` output: per file, the changed lines of the new
 * version. Paths come from the `+++ b/...` line (or `--- a/...` for a deleted file), C-quoted or not.
 */
export function parseUnifiedDiff(text: string): FileChange[] {
  const changes: { file: string; status: FileChange['status']; lines: LineChange[] }[] = [];
  let current: (typeof changes)[number] | undefined;
  let oldPath: string | undefined;
  let status: FileChange['status'] = 'modified';
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      oldPath = undefined;
      status = 'modified';
    } else if (line.startsWith('new file mode')) status = 'added';
    else if (line.startsWith('deleted file mode')) status = 'deleted';
    else if (line.startsWith('--- ')) oldPath = stripPrefix(unquote(line.slice(4)), 'a/');
    else if (line.startsWith('+++ ')) {
      const newPath = stripPrefix(unquote(line.slice(4)), 'b/');
      const file = newPath === '/dev/null' ? oldPath : newPath;
      if (file === undefined || file === '/dev/null') continue;
      current = { file, status: newPath === '/dev/null' ? 'deleted' : status, lines: [] };
      changes.push(current);
    } else if (current && line.startsWith('@@')) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (hunk) current.lines.push({ start: Number(hunk[1]), count: hunk[2] === undefined ? 1 : Number(hunk[2]) });
    } else if (line.startsWith('Binary files ') && !current) {
      const match = / and (?:b\/)?(.+) differ$/.exec(line);
      if (match && match[1] !== '/dev/null') changes.push({ file: unquote(match[1]), status, lines: [] });
    }
  }
  return changes;
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Git's C-style quoting of unusual paths: `"a/t\303\244st"` -> `a/täst`. */
function unquote(path: string): string {
  const trimmed = path.replace(/\t$/, '');
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed;
  const bytes: number[] = [];
  const body = trimmed.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...new TextEncoder().encode(ch));
      continue;
    }
    const next = body[i + 1];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
