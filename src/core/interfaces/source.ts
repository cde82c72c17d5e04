// One file's text as the interface detectors see it: which offsets are code (not comment, not string),
// its lines, the comment block directly above a line, and decorator stacks. Built only for files that
// passed a detector's prefilter; the lexing happens on first need.
// @implements ST-17
import type { LanguageId } from '../scan/code/languages';
import { lexSpans, type LexedSpan } from '../scan/code/lexer';
import { LineIndex } from '../text/lines';

export interface Span {
  readonly start: number;
  readonly end: number;
}

const BLANK = /^[ \t]*$/;
const LINE_GAP = /^[ \t]*(?:\r\n|\n|\r)[ \t]*$/;
const SAME_LINE_GAP = /^[ \t]*$/;
/** Longer whitespace between two comments is not one line break plus indentation. */
const MAX_GAP = 512;
/**
 * Bounds on every walk that starts from one match, so that no crafted file (a million decorator lines,
 * one endless comment block, a chain of a million `.get(` lines) makes the work per match grow with the
 * file: the detectors stay linear in the file's size.
 */
const MAX_STACK_LINES = 100;
const MAX_CHAIN_LINES = 50;
const MAX_BLOCK_COMMENTS = 500;

export class SourceText {
  readonly lines: LineIndex;
  private spans: LexedSpan[] | undefined;
  private commentList: Span[] | undefined;
  private pairs: Map<number, number> | undefined;

  constructor(
    readonly text: string,
    readonly language: LanguageId | undefined,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Whether the offset lies in code: not in a comment, not in a string literal. */
  inCode(offset: number): boolean {
    return this.spanAt(offset) === undefined;
  }

  /** Whether the offset lies in a comment. */
  inComment(offset: number): boolean {
    return this.spanAt(offset)?.comment === true;
  }

  comments(): readonly Span[] {
    return (this.commentList ??= this.lexed().filter((s) => s.comment));
  }

  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line;
  }

  lineStart(line: number): number {
    return this.lines.offsetAt({ line, character: 0 });
  }

  /** The end of the line's text, before its line break. */
  lineEnd(line: number): number {
    let end = line + 1 < this.lines.lineCount ? this.lineStart(line + 1) : this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  indentOf(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))?.[0] ?? '';
  }

  isBlank(line: number): boolean {
    return BLANK.test(this.lineText(line));
  }

  /** A line that holds nothing but comments (and whitespace). */
  isCommentLine(line: number): boolean {
    const start = this.lineStart(line);
    const text = this.lineText(line);
    const first = start + (text.length - text.trimStart().length);
    if (first >= start + text.length) return false;
    const span = this.spanAt(first);
    return span?.comment === true && span.start === first && span.end >= start + text.trimEnd().length;
  }

  /**
   * The comment block that ends on the line directly above `line`: comments on their own lines, with no
   * blank line between them or below them. Top-down; empty when there is none.
   */
  commentBlockAbove(line: number): Span[] {
    if (line <= 0 || line >= this.lineCount) return [];
    const comments = this.comments();
    let index = lastStartingBefore(comments, this.lineStart(line));
    const block: Span[] = [];
    let cursor = this.lineStart(line);
    for (; index >= 0 && block.length < MAX_BLOCK_COMMENTS; index--) {
      const span = comments[index];
      if (cursor - span.end > MAX_GAP || !LINE_GAP.test(this.text.slice(span.end, cursor)) || !this.startsItsLine(span)) break;
      block.push(span);
      cursor = span.start;
    }
    return block.reverse();
  }

  /** The first line below a comment block that starts with the comment containing `offset`, if it is code. */
  lineBelowBlock(offset: number): number | undefined {
    const comments = this.comments();
    let index = lastStartingBefore(comments, offset + 1);
    if (index < 0 || comments[index].end <= offset) return undefined;
    for (let walked = 0; index + 1 < comments.length && walked < MAX_BLOCK_COMMENTS; index++, walked++) {
      const next = comments[index + 1];
      if (!LINE_GAP.test(this.text.slice(comments[index].end, next.start)) || !this.startsItsLine(next)) break;
    }
    const after = this.text.slice(comments[index].end);
    const gap = /^[ \t]*(?:\r\n|\n|\r)/.exec(after);
    if (!gap) return undefined;
    const line = this.lineOf(comments[index].end + gap[0].length);
    return this.isBlank(line) || this.isCommentLine(line) ? undefined : line;
  }

  /**
   * The decorator stack (annotations, attributes) around `line`: lines that start with `prefix` (`@`, or
   * `[` for C#), including the lines of a decorator whose arguments span several lines.
   */
  decoratorStack(line: number, prefix: '@' | '['): { top: number; bottom: number } {
    let top = line;
    let depth = 0;
    for (let i = line - 1; i >= 0 && line - i <= MAX_STACK_LINES; i--) {
      const trimmed = this.lineText(i).trim();
      if (trimmed === '' || this.isCommentLine(i)) break;
      depth += bracketBalanceUp(trimmed);
      if (depth < 0) break;
      if (depth === 0 && trimmed.startsWith(prefix)) top = i;
      // With depth above zero the line is inside a decorator's arguments only if a decorator line above
      // closes the count; until then it is not part of the stack.
      else if (depth === 0) break;
    }
    let bottom = line;
    depth = Math.max(0, -bracketBalanceUp(this.lineText(line).trim()));
    for (let i = line + 1; i < this.lineCount && i - line <= MAX_STACK_LINES; i++) {
      const trimmed = this.lineText(i).trim();
      if (trimmed === '' || this.isCommentLine(i)) break;
      if (depth === 0 && !trimmed.startsWith(prefix)) break;
      bottom = i;
      depth = Math.max(0, depth - bracketBalanceUp(trimmed));
    }
    return { top, bottom };
  }

  /** The text of lines `from` to `to`, inclusive. */
  linesText(from: number, to: number): string {
    return this.text.slice(this.lineStart(from), this.lineEnd(Math.min(to, this.lineCount - 1)));
  }

  /**
   * The line a statement starts on: a call chain continued on lines that start with `.` belongs to the
   * line above, unless a comment block sits right above the continuation (then that block is its own).
   */
  statementLine(offset: number): number {
    let line = this.lineOf(offset);
    const first = line;
    while (line > 0 && first - line < MAX_CHAIN_LINES && this.lineText(line).trimStart().startsWith('.') && !this.isBlank(line - 1) && !this.isCommentLine(line - 1)) line--;
    return line;
  }

  /** The offset of the bracket closing the one at `open` (comments and strings skipped), within `limit` characters. */
  matchingBracket(open: number, limit = 100_000): number | undefined {
    const close = this.bracketPairs().get(open);
    return close !== undefined && close - open <= limit ? close : undefined;
  }

  /** Every bracket pair of the code, found in one pass: any closer closes the innermost opener. */
  private bracketPairs(): Map<number, number> {
    if (this.pairs) return this.pairs;
    const pairs = new Map<number, number>();
    const stack: number[] = [];
    const spans = this.lexed();
    const brackets = /[()[\]{}]/g;
    let next = 0;
    let match: RegExpExecArray | null;
    while ((match = brackets.exec(this.text)) !== null) {
      while (next < spans.length && spans[next].end <= match.index) next++;
      if (next < spans.length && spans[next].start <= match.index) {
        brackets.lastIndex = spans[next].end;
        continue;
      }
      const c = match[0];
      if (c === '(' || c === '[' || c === '{') stack.push(match.index);
      else if (stack.length) pairs.set(stack.pop() as number, match.index);
    }
    this.pairs = pairs;
    return pairs;
  }

  private startsItsLine(span: Span): boolean {
    const lineStart = this.lineStart(this.lineOf(span.start));
    return SAME_LINE_GAP.test(this.text.slice(lineStart, span.start));
  }

  private spanAt(offset: number): LexedSpan | undefined {
    const spans = this.lexed();
    const index = lastStartingBefore(spans, offset + 1);
    return index >= 0 && spans[index].end > offset ? spans[index] : undefined;
  }

  private lexed(): LexedSpan[] {
    if (this.spans) return this.spans;
    this.spans = this.language ? lexSpans(this.text, this.language, this.text.length, true) : [];
    return this.spans;
  }
}


/** Index of the last span starting before `offset` (spans sorted by start); -1 if none. */
function lastStartingBefore(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (spans[mid].start < offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Closing minus opening parentheses and square brackets of a line, outside quotes. Braces do not count:
 * they open bodies, and a decorator's arguments always sit inside parentheses or brackets.
 */
function bracketBalanceUp(line: string): number {
  const bare = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '');
  let balance = 0;
  for (const c of bare) {
    if (c === ')' || c === ']') balance++;
    else if (c === '(' || c === '[') balance--;
  }
  return balance;
}

/** The line comment of a language, for quick fixes. */
export function lineCommentPrefix(language: LanguageId | undefined): string | undefined {
  switch (language) {
    case undefined:
    case 'html':
    case 'xml':
    case 'css':
      return undefined;
    case 'python': case 'ruby': case 'shell': case 'dockerfile': case 'makefile': case 'yaml': case 'toml': case 'r': case 'powershell':
      return '#';
    case 'sql': case 'lua':
      return '--';
    default:
      return '//';
  }
}
