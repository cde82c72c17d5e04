// StrictDoc source markers in code comments: the at-sign marker `relation(...)` with requirement IDs, a
// scope (file, class, function, line, or a range_start / range_end pair) and optionally a role, in
// parentheses or braces, possibly split over several comment lines; `skip` as the ID of a range hides the
// markers inside it. (The marker forms are spelled out in docs/importers.md: written here, this comment
// would itself be a marker.)
//
// Each marker is a trace to its requirements: a role that names a test or verification (`Verifies`, `Test`)
// makes it a verifies tag, any other role (or none) an implements tag; tags in test files count as tests
// as always. A range_end closes its range_start; its IDs are references. A marker StrictDoc would refuse
// (no scope, an unknown scope, an unmatched range, an ID it cannot read) is a malformed-tag finding.
// @implements ST-34, ST-36
import type { FileRole, IdRef, Range } from '../model';
import type { CommentSpan } from '../scan/code';
import { commentContent, linesIn, type ImportOutput, type TextCursor } from './text';

const REQ = /^[A-Za-z][A-Za-z0-9_/.\\-]+$/;
const ROLE = /^[A-Za-z][A-Za-z0-9\\-]+$/;
const SCOPES = ['file', 'class', 'function', 'line', 'range_start', 'range_end'] as const;
const MARKER = /@relation[({]/g;

interface OpenRange {
  readonly reqs: string;
  readonly range: Range;
  readonly skip: boolean;
}

export function readStrictDoc(cursor: TextCursor, comments: readonly CommentSpan[], role: FileRole, out: ImportOutput): void {
  const open: OpenRange[] = [];
  for (const comment of comments) {
    const body = cursor.text.slice(comment.start, comment.end);
    if (!body.includes('@relation')) continue;
    MARKER.lastIndex = 0;
    for (const found of body.matchAll(MARKER)) {
      const start = comment.start + found.index;
      const close = body.indexOf(found[0].endsWith('(') ? ')' : '}', found.index);
      const end = close === -1 ? comment.end : comment.start + close + 1;
      readMarker(cursor, start, end, close !== -1, role, open, out);
    }
  }
  for (const unmatched of open) {
    if (unmatched.skip) continue;
    problem(out, unmatched.range, `\`@relation(${unmatched.reqs}, scope=range_start)\` has no matching \`scope=range_end\`; StrictDoc refuses the file`);
  }
}

function readMarker(cursor: TextCursor, start: number, end: number, closed: boolean, role: FileRole, open: OpenRange[], out: ImportOutput): void {
  const whole = cursor.range(start, end);
  out.claimed.push(whole);
  const opener = '@relation('.length;
  if (!closed) return problem(out, whole, 'the `@relation` marker is not closed in this comment');
  // The arguments, split at commas, each with its offset and without comment markers of continuation lines.
  const args: { text: string; start: number }[] = [];
  let argStart = start + opener;
  for (let at = argStart; at <= end - 1; at++) {
    if (at === end - 1 || cursor.text[at] === ',') {
      args.push(clean(cursor, argStart, at));
      argStart = at + 1;
    }
  }
  const reqs: IdRef[] = [];
  let scope: string | undefined;
  let relationRole: string | undefined;
  for (const arg of args) {
    const option = /^(scope|role)\s*=\s*(.*)$/.exec(arg.text);
    if (option) {
      if (option[1] === 'scope') scope = option[2];
      else relationRole = option[2];
      continue;
    }
    if (scope !== undefined) return problem(out, whole, `\`${arg.text}\` after \`scope=\`: requirement IDs come first`);
    if (!REQ.test(arg.text)) return problem(out, whole, `\`${arg.text || '(nothing)'}\` is not a requirement ID StrictDoc accepts`);
    reqs.push({ id: arg.text, range: cursor.range(arg.start, arg.start + arg.text.length) });
  }
  if (!reqs.length) return problem(out, whole, 'the `@relation` marker names no requirement');
  if (scope === undefined) return problem(out, whole, `the \`@relation\` marker has no \`scope=\` (one of ${SCOPES.join(', ')})`);
  if (!(SCOPES as readonly string[]).includes(scope)) return problem(out, whole, `unknown scope \`${scope}\` (one of ${SCOPES.join(', ')})`);
  if (relationRole !== undefined && !ROLE.test(relationRole)) return problem(out, whole, `\`${relationRole}\` is not a relation role StrictDoc accepts`);

  const key = reqs.map((r) => r.id).join(', ');
  const skip = key === 'skip';
  const skipping = open.some((r) => r.skip);
  if (scope === 'range_end') {
    const index = open.map((r) => r.reqs).lastIndexOf(key);
    if (index === -1) return problem(out, whole, `\`@relation(${key}, scope=range_end)\` closes no \`scope=range_start\`; StrictDoc refuses the file`);
    open.splice(index, 1);
    if (!skip && !skipping) out.mentions.push(...reqs);
    return;
  }
  if (scope === 'range_start') open.push({ reqs: key, range: whole, skip });
  if (skip || skipping) return;
  const verifies = relationRole !== undefined && /verif|test|valid/i.test(relationRole);
  const attributes: Record<string, string> = { scope };
  if (relationRole !== undefined) attributes.role = relationRole;
  out.tags.push({ tag: verifies || role === 'test' ? 'verifies' : 'implements', refs: reqs, foreign: [], range: whole, imported: { format: 'strictdoc', attributes } });
}

/** An argument without surrounding spaces and without the comment markers of the lines it continues on. */
function clean(cursor: TextCursor, start: number, end: number): { text: string; start: number } {
  let from = start;
  let to = end;
  const lines = [...linesIn(cursor.text, start, end)];
  if (lines.length > 1) {
    // A multi-line argument: keep the line that holds text, without its comment marker.
    for (const line of lines) {
      const content = line === lines[0] ? line : commentContent(cursor.text, line);
      if (cursor.text.slice(content.start, content.end).trim()) {
        from = content.start;
        to = content.end;
        break;
      }
    }
  }
  const raw = cursor.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), start: from + lead };
}

function problem(out: ImportOutput, range: Range, message: string): void {
  out.problems.push({ code: 'malformed-tag', message, range });
}
