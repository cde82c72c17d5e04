// Text helpers shared by the importers: lines as offsets, comment lines without their comment markers,
// and the result every importer fills in.
import type { IdRef, ItemFact, Range, ScanProblem, TagFact } from '../model';
import { LineIndex } from '../text/lines';

/** What an importer read from one file. */
export interface ImportOutput {
  readonly items: ItemFact[];
  readonly tags: TagFact[];
  readonly mentions: IdRef[];
  readonly problems: ScanProblem[];
  /**
   * Text an importer read as one of its annotations: what the native comment scanner found inside it
   * (a `@mitigates` tag with no ID, a bare ID) is replaced by what the importer made of it.
   */
  readonly claimed: Range[];
}

export function emptyOutput(): ImportOutput {
  return { items: [], tags: [], mentions: [], problems: [], claimed: [] };
}

/** Offsets and positions in one file's text; the line table is built on first need. */
export class TextCursor {
  private lines: LineIndex | undefined;

  constructor(readonly text: string) {}

  range(start: number, end: number): Range {
    this.lines ??= new LineIndex(this.text);
    return this.lines.rangeAt(start, end);
  }

  /** Zero-based line of an offset. */
  line(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line;
  }
}

export interface LineSpan {
  readonly start: number;
  /** Before the line break. */
  readonly end: number;
}

/** The lines of `text` between two offsets (the first and last may be partial). */
export function* linesIn(text: string, start: number, end: number): Generator<LineSpan> {
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    yield { start: lineStart, end: contentEnd };
    if (lineEnd >= end) return;
    lineStart = lineEnd + 1;
  }
}

/** Comment openers and continuation marks at the start of a comment line, with the spaces after them. */
const LEADING = /^[ \t]*(?:\/\/+!?|\/\*+!?|\*+(?!\/)|#+|--+|;+|<!--|'''|"""|%+|\{-|\(\*|REM\b)?[ \t]*/;
/** Comment closers at the end of a line, with the spaces before them. */
const TRAILING = /[ \t]*(?:\*+\/|-->|-\}|\*\)|'''|""")?[ \t]*$/;

/** The part of a comment line after its comment marker and before a closing marker. */
export function commentContent(text: string, line: LineSpan): LineSpan {
  const raw = text.slice(line.start, line.end);
  const lead = LEADING.exec(raw)?.[0].length ?? 0;
  const rest = raw.slice(lead);
  const trail = TRAILING.exec(rest)?.[0].length ?? 0;
  return { start: line.start + lead, end: line.end - trail };
}

/** Whether a position lies inside one of the ranges (ends inclusive). */
export function inAny(ranges: readonly Range[], range: Range): boolean {
  return ranges.some((r) => before(r.start, range.start) && before(range.end, r.end));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/**
 * Comments on consecutive lines as one block: the lexer returns each line comment on its own, but an
 * annotation may continue on the next comment line (ThreatSpec's YAML lines, a StrictDoc marker split
 * over several lines).
 */
export function commentBlocks(text: string, comments: readonly { readonly start: number; readonly end: number }[]): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  for (const comment of comments) {
    const last = blocks[blocks.length - 1];
    if (last && isLineGap(text, last.end, comment.start)) last.end = comment.end;
    else blocks.push({ start: comment.start, end: comment.end });
  }
  return blocks;
}

function isLineGap(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) newlines++;
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return newlines <= 1;
}
