// Where OpenFastTrace content is read: Markdown specs (items, forwarding lines, tags in HTML comment
// lines) and the comments of source files whose extension OFT's tag importer reads. OFT IDs written
// anywhere else in those comments or specs become mentions, so hover and go-to-definition find them.
// @implements ST-31
import type { FileRole, IdRef, Range } from '../../model';
import type { CommentSpan } from '../../scan/code';
import { linesIn, type ImportOutput, type TextCursor } from '../text';
import { OFT_ID } from './ids';
import { readOftMarkdown } from './markdown';
import { readTagsOnLine } from './tags';

/** The extensions OFT's tag importer reads by default (case-sensitive, as in OFT). */
const TAG_EXTENSIONS = new Set([
  'bat', 'c', 'C', 'cc', 'cpp', 'c++', 'h', 'H', 'h++', 'hh', 'hpp', 'c#', 'cs', 'cfg', 'conf', 'ini', 'feature', 'go', 'groovy',
  'json', 'htm', 'html', 'xhtml', 'yaml', 'yml', 'java', 'clj', 'kt', 'scala', 'js', 'ts', 'lua', 'm', 'mm', 'php', 'pl', 'pm', 'py',
  'robot', 'pu', 'puml', 'plantuml', 'r', 'rs', 'sh', 'bash', 'zsh', 'swift', 'toml', 'tf', 'tfvars', 'sql', 'pls',
]);

const ANY_ID = new RegExp(OFT_ID, 'gu');

/** Both start with a literal, which the regex engine finds by a fast search. */
const SOME_ID = /~\p{Alphabetic}[^~\s]*~\d/u;
const SOME_TAG = /->\s*[A-Za-z]+~/;

/**
 * A cheap test that a text may hold an OFT ID or something meant as a coverage tag: most files with a `~`
 * (C++ destructors, `~/` paths, `~0UL` in C) hold neither. It looks only around each `~`, which is rare:
 * a `SOME_ID` match ends in `~<digit>` after a run of non-space characters that starts with `~<letter>`;
 * a `SOME_TAG` match has `~` after letters after `->`. Only then do the regexes run (they would otherwise
 * try at every `->` of C code).
 */
export function mayHoldOftId(text: string): boolean {
  for (let i = text.indexOf('~'); i !== -1; i = text.indexOf('~', i + 1)) {
    if (endsOftId(text, i) || endsArrowWord(text, i)) return SOME_ID.test(text) || SOME_TAG.test(text);
  }
  return false;
}

/** Whether the `~` at `at` is followed by a digit and closes a run `~<letter>...` without spaces or `~`. */
function endsOftId(text: string, at: number): boolean {
  if (!isDigit(text.charCodeAt(at + 1))) return false;
  let i = at - 1;
  while (i >= 0 && text[i] !== '~' && !/\s/.test(text[i])) i--;
  // `i` is at the opening `~` (or at a space, or before the start); at least one character lies between.
  return i >= 0 && i < at - 1 && text[i] === '~' && mayBeAlphabetic(text.charCodeAt(i + 1));
}

/** Whether the `~` at `at` follows `->`, optional whitespace and ASCII letters. */
function endsArrowWord(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isAsciiLetter(text.charCodeAt(i))) i--;
  if (i === at - 1) return false;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 1 && text[i] === '>' && text[i - 1] === '-';
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** ASCII letters, and any non-ASCII character (the regex decides whether it is alphabetic). */
function mayBeAlphabetic(code: number): boolean {
  return isAsciiLetter(code) || code > 127;
}

export function oftReadsTagsIn(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') + 1 && TAG_EXTENSIONS.has(path.slice(dot + 1));
}

export function readOftSpec(cursor: TextCursor, out: ImportOutput): void {
  readOftMarkdown(cursor, out);
  addMentions(cursor, [{ start: 0, end: cursor.text.length }], out);
}

export function readOftComments(cursor: TextCursor, comments: readonly CommentSpan[], role: FileRole, out: ImportOutput): void {
  const spans: CommentSpan[] = [];
  for (const comment of comments) {
    if (cursor.text.indexOf('~', comment.start) === -1) break;
    const body = cursor.text.slice(comment.start, comment.end);
    if (!body.includes('~')) continue;
    spans.push(comment);
    for (const line of linesIn(cursor.text, comment.start, comment.end)) readTagsOnLine(cursor, line, role, out);
  }
  addMentions(cursor, spans, out);
}

/** OFT IDs in the given spans that are not already an item's ID, a covered ID or a reference. */
function addMentions(cursor: TextCursor, spans: readonly CommentSpan[], out: ImportOutput): void {
  const taken = new Set<string>();
  const key = (r: Range) => `${r.start.line}:${r.start.character}`;
  for (const item of out.items) {
    taken.add(key(item.idRange));
    for (const attribute of item.attributes) for (const ref of attribute.refs) taken.add(key(ref.range));
  }
  for (const tag of out.tags) for (const ref of tag.refs) taken.add(key(ref.range));
  for (const { start, end } of spans) {
    const body = cursor.text.slice(start, end);
    if (!body.includes('~')) continue;
    for (const match of body.matchAll(ANY_ID)) {
      const at = start + match.index;
      const mention: IdRef = { id: match[0], range: cursor.range(at, at + match[0].length) };
      if (!taken.has(key(mention.range))) out.mentions.push(mention);
    }
  }
}
