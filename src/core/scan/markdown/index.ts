// The Markdown spec scanner: items from ID headings and ID tables, their attributes, and mentions of IDs in
// prose. It parses with remark (CommonMark + GFM tables + front matter) and reads positions from the syntax
// tree, so what counts as a heading, a table or a code block is exactly what a Markdown viewer shows.
// It never throws: a document the parser cannot handle becomes a `parse-error` problem.
// @implements ST-16, ST-6
import type { Nodes, Parents, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { IdMatcher } from '../../ids';
import type { IdRef, ItemFact, ScanProblem } from '../../model';
import { createContext, rangeOf, type ScanContext } from './context';
import { remarkGfmTable } from './gfmTable';
import { readHeading } from './headings';
import { readMentions } from './mentions';
import { findExcessiveNesting, hideExcessiveNesting, MAX_NESTING } from './nesting';
import { readTable } from './tables';

export interface MarkdownScanResult {
  items: ItemFact[];
  mentions: IdRef[];
  problems: ScanProblem[];
}

/** Nodes whose text is not prose: code examples, raw HTML and comments, front matter, link definitions. */
const NOT_PROSE = new Set<string>(['code', 'html', 'yaml', 'toml', 'definition']);

let parser: ReturnType<typeof createParser> | undefined;

function createParser() {
  return unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
}

export function scanMarkdown(text: string, ids: IdMatcher): MarkdownScanResult {
  // Most Markdown in a repository names no ID at all, and parsing is the expensive part.
  if (!ids.prefilter.test(text)) return { items: [], mentions: [], problems: [] };
  let ctx = createContext(text, ids);
  try {
    const deep = findExcessiveNesting(ctx.source);
    if (deep >= 0) {
      // Only the deep lines are left out; every other line keeps its number and characters.
      const message = `Markdown nested more than ${MAX_NESTING} levels deep (block quotes or lists) is not scanned: this line and any other that deep were skipped, the rest of the file was read`;
      const problem: ScanProblem = { code: 'parse-error', message, range: rangeOf(ctx, deep, deep) };
      ctx = createContext(`${ctx.base ? '\uFEFF' : ''}${hideExcessiveNesting(ctx.source)}`, ids);
      ctx.problems.push(problem);
    }
    parser ??= createParser();
    walk(ctx, parser.parse(ctx.source));
  } catch (error) {
    ctx.problems.push({ code: 'parse-error', message: failureMessage(error), range: rangeOf(ctx, 0, 0) });
  }
  return { items: ctx.items, mentions: ctx.mentions, problems: ctx.problems };
}

function failureMessage(error: unknown): string {
  if (error instanceof RangeError) return 'Markdown nested too deeply to parse; the file was not scanned';
  return `Could not parse Markdown: ${error instanceof Error ? error.message : String(error)}`;
}

interface Frame {
  readonly node: Nodes;
  readonly parent: Parents | undefined;
  readonly index: number;
}

/**
 * Visits every node in document order with an explicit stack. Readers run before the walk reaches a
 * node's following siblings and children, so the blocks they claim (attribute blocks, ID-table rows)
 * are skipped by the time the walk gets there.
 */
function walk(ctx: ScanContext, root: Root): void {
  const stack: Frame[] = [{ node: root, parent: undefined, index: 0 }];
  while (stack.length) {
    const { node, parent, index } = stack.pop() as Frame;
    if (NOT_PROSE.has(node.type) || ctx.claimed.has(node)) continue;
    if (node.type === 'heading' && parent) readHeading(ctx, node, parent.children, index);
    else if (node.type === 'table') readTable(ctx, node);
    else if (node.type === 'text' || node.type === 'inlineCode') readMentions(ctx, node);
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], parent: node, index: i });
    }
  }
}
