// LOBSTER tracing tags in code comments (docs/importers.md): `lobster-trace: package.requirement` (a
// trace; several names separated by commas; `name@version` allowed) and `lobster-exclude: reason` (this
// code is deliberately not traced; the reason is required). A tag starts its comment line.
//
// A trace is an implements tag, or a verifies tag in a test file. An exclusion names no requirement, so it
// adds nothing to the graph; one without a reason, a trace without a name, or a `lobster-` tag word that
// is neither (a typo such as `lobster-traces`) is a malformed-tag finding.
// @implements ST-35, ST-36
import type { FileRole, IdRef } from '../model';
import type { CommentSpan } from '../scan/code';
import { commentContent, linesIn, type ImportOutput, type TextCursor } from './text';

const WORD = /lobster-([A-Za-z]+)\b(\s*:)?/g;
const NAME = /^([A-Za-z0-9_.-]+)(?:@(\d+))?$/;

export function readLobster(cursor: TextCursor, comments: readonly CommentSpan[], role: FileRole, out: ImportOutput): void {
  for (const comment of comments) {
    if (!cursor.text.slice(comment.start, comment.end).includes('lobster-')) continue;
    for (const raw of linesIn(cursor.text, comment.start, comment.end)) {
      const line = commentContent(cursor.text, raw);
      const text = cursor.text.slice(line.start, line.end);
      WORD.lastIndex = 0;
      const match = WORD.exec(text);
      if (!match || match.index !== 0) continue;
      const whole = cursor.range(line.start, line.end);
      const [, verb, colon] = match;
      if (verb !== 'trace' && verb !== 'exclude') {
        if (colon) problem(out, whole, `\`lobster-${verb}\` is not a LOBSTER tag (use \`lobster-trace:\` or \`lobster-exclude:\`)`);
        continue;
      }
      out.claimed.push(whole);
      if (!colon) {
        problem(out, whole, `\`lobster-${verb}\` needs a colon: \`lobster-${verb}: ${verb === 'trace' ? 'package.requirement' : 'reason'}\``);
        continue;
      }
      const restStart = line.start + match[0].length;
      const rest = cursor.text.slice(restStart, line.end);
      if (verb === 'exclude') {
        if (!rest.trim()) problem(out, whole, '`lobster-exclude:` needs a reason: LOBSTER requires a justification for every exclusion');
        continue;
      }
      readTrace(cursor, restStart, rest, whole, role, out);
    }
  }
}

function readTrace(cursor: TextCursor, start: number, rest: string, whole: ReturnType<TextCursor['range']>, role: FileRole, out: ImportOutput): void {
  const refs: IdRef[] = [];
  const versions: string[] = [];
  let offset = 0;
  for (const part of rest.split(',')) {
    const name = part.trim();
    const at = start + offset + (part.length - part.trimStart().length);
    offset += part.length + 1;
    const match = NAME.exec(name);
    if (!match) {
      problem(out, whole, name ? `\`${name}\` is not a LOBSTER requirement name (letters, digits, \`_\`, \`.\`, \`-\`, optionally \`@version\`)` : '`lobster-trace:` names no requirement');
      return;
    }
    refs.push({ id: match[1], range: cursor.range(at, at + match[1].length) });
    if (match[2]) versions.push(`${match[1]}@${match[2]}`);
  }
  const attributes: Record<string, string> = versions.length ? { versions: versions.join(', ') } : {};
  out.tags.push({ tag: role === 'test' ? 'verifies' : 'implements', refs, foreign: [], range: whole, imported: { format: 'lobster', attributes } });
}

function problem(out: ImportOutput, range: ReturnType<TextCursor['range']>, message: string): void {
  out.problems.push({ code: 'malformed-tag', message, range });
}
