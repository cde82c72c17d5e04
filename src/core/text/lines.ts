// Offset <-> position conversion. Scanners work on offsets (fast regex scans over the whole text) and only
// turn the few offsets they report into positions, so the line table is built lazily, once per file.
import type { Position, Range } from '../model';

export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + position.character, lineEnd);
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    // A `\r\n` pair ends one line; a lone `\r` ends one too (old Mac files), as in VS Code. indexOf runs
    // natively and is several times faster than a per-character loop, which matters for large files.
    const found: number[] = [0];
    const text = this.text;
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    } else {
      const breaks = /\r\n?|\n/g;
      for (let m = breaks.exec(text); m; m = breaks.exec(text)) found.push(m.index + m[0].length);
    }
    this.starts = Uint32Array.from(found);
    return this.starts;
  }
}

/**
 * Positions for offsets asked for in (mostly) increasing order, as a scanner reports what it finds: line
 * breaks are counted only up to the last offset asked for, instead of indexing the whole file first.
 * Asking for an earlier line starts counting again from the top; text with `\r` uses a full index.
 */
export class LineCursor {
  private line = 0;
  private lineStart = 0;
  private nextBreak: number;
  private readonly full: LineIndex | undefined;

  constructor(private readonly text: string) {
    this.full = text.indexOf('\r') === -1 ? undefined : new LineIndex(text);
    this.nextBreak = text.indexOf('\n');
  }

  positionAt(offset: number): Position {
    if (this.full) return this.full.positionAt(offset);
    if (offset < this.lineStart) {
      this.line = 0;
      this.lineStart = 0;
      this.nextBreak = this.text.indexOf('\n');
    }
    while (this.nextBreak !== -1 && this.nextBreak < offset) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.text.indexOf('\n', this.lineStart);
    }
    return { line: this.line, character: offset - this.lineStart };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
