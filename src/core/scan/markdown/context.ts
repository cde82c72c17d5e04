// The state one Markdown scan shares between its readers, and the offset -> range conversion they all use.
// mdast offsets index the text the parser saw; that text lacks a leading byte order mark when the file
// has one, so every range adds `base` back before it becomes a document position.
import type { Nodes } from 'mdast';
import type { IdMatcher } from '../../ids';
import type { IdRef, ItemFact, Range, ScanProblem } from '../../model';
import { LineIndex } from '../../text/lines';

export interface ScanContext {
  /** The text the parser saw: the file without a leading byte order mark. */
  readonly source: string;
  /** How many characters were dropped before `source` (1 with a byte order mark, else 0). */
  readonly base: number;
  readonly lines: LineIndex;
  readonly ids: IdMatcher;
  readonly items: ItemFact[];
  readonly mentions: IdRef[];
  readonly problems: ScanProblem[];
  /** Nodes whose IDs belong to an item (attribute blocks, ID-table rows), so they are not mentions. */
  readonly claimed: Set<Nodes>;
  /** Source offsets of the IDs that headings define, so they are not mentions of themselves. */
  readonly definingOffsets: Set<number>;
}

export function createContext(text: string, ids: IdMatcher): ScanContext {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return {
    source: base ? text.slice(1) : text,
    base,
    lines: new LineIndex(text),
    ids,
    items: [],
    mentions: [],
    problems: [],
    claimed: new Set(),
    definingOffsets: new Set(),
  };
}

/** A range from two source offsets. */
export function rangeOf(ctx: ScanContext, start: number, end: number): Range {
  return ctx.lines.rangeAt(start + ctx.base, end + ctx.base);
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}

export function nodeRange(ctx: ScanContext, node: Nodes): Range {
  return rangeOf(ctx, startOf(node), endOf(node));
}

/** Source offset where zero-based `line` starts, and the line's text without its line break. */
export function sourceLine(ctx: ScanContext, line: number): { start: number; text: string } {
  const start = Math.max(0, ctx.lines.offsetAt({ line, character: 0 }) - ctx.base);
  const next = ctx.lines.offsetAt({ line: line + 1, character: 0 }) - ctx.base;
  const text = ctx.source.slice(start, Math.max(start, next)).replace(/\r?\n$|\r$/, '');
  return { start, text };
}
