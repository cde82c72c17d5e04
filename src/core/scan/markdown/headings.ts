// Heading items: `## THR-1: Replay of dose commands`. The heading's first text must be a configured ID
// followed by a separator, so `## SR-1's history` or `## Notes on SR-1` stay ordinary headings (whose IDs
// are mentions). The section runs over the following siblings up to the next heading of the same or a
// higher level, or the next heading that defines an item of its own.
import type { Heading, Nodes, TableRow } from 'mdast';
import { nodeRange, rangeOf, type ScanContext } from './context';
import { readAttributeBlock } from './attributes';
import { collapse, findIds, leavesOf, locateIds, plainText, pushChildren, type LocatedId } from './text';

/** What may follow the ID: `:`, a spaced dash (`-`, `–`, `—`), whitespace, or nothing. */
const SEPARATOR = /^(?:[ \t]*:[ \t]*|\s+[-–—](?:\s+|$)|\s+|$)/;

interface HeadingId extends LocatedId {
  readonly title: string;
}

/** Defines the item of a heading whose text starts with an ID; `siblings[index]` is the heading. */
export function readHeading(ctx: ScanContext, heading: Heading, siblings: readonly Nodes[], index: number): void {
  const defined = headingId(ctx, heading);
  if (!defined) return;
  ctx.definingOffsets.add(defined.start);
  const attributes = readAttributeBlock(ctx, siblings[index + 1], defined.id);
  const bodyStart = attributes ? index + 2 : index + 1;
  ctx.items.push({
    id: defined.id,
    idRange: rangeOf(ctx, defined.start, defined.end),
    title: defined.title,
    description: sectionText(siblings.slice(bodyStart, sectionEnd(ctx, heading, siblings, index))),
    attributes: attributes ?? [],
    range: nodeRange(ctx, heading),
    form: 'heading',
  });
}

function headingId(ctx: ScanContext, heading: Heading): HeadingId | undefined {
  const first = leavesOf(heading)[0];
  if (!first) return undefined;
  const lead = first.value.length - first.value.trimStart().length;
  const inValue = findIds(first.value, ctx.ids)[0];
  if (!inValue || inValue.index !== lead) return undefined;
  const text = plainText(heading).trimStart();
  const rest = text.slice(inValue.id.length);
  const separator = SEPARATOR.exec(rest);
  if (!separator) return undefined;
  return { ...locateIds(ctx, first)[0], title: collapse(rest.slice(separator[0].length)) };
}

function sectionEnd(ctx: ScanContext, heading: Heading, siblings: readonly Nodes[], index: number): number {
  for (let i = index + 1; i < siblings.length; i++) {
    const node = siblings[i];
    if (node.type === 'heading' && (node.depth <= heading.depth || headingId(ctx, node))) return i;
  }
  return siblings.length;
}

/**
 * The section's plain text: one line per paragraph, heading, code block or table row, whitespace inside
 * each collapsed. Raw HTML (comments) and front matter are not prose and are left out.
 */
function sectionText(blocks: readonly Nodes[]): string {
  const lines: string[] = [];
  const stack: Nodes[] = [];
  pushChildren(stack, blocks);
  while (stack.length) {
    const node = stack.pop() as Nodes;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') {
      lines.push(node.type === 'tableRow' ? rowText(node) : collapse(plainText(node)));
    } else if (node.type === 'code') lines.push(collapse(node.value));
    else if (node.type !== 'html' && node.type !== 'yaml' && 'children' in node) pushChildren(stack, node.children);
  }
  return lines.filter((line) => line !== '').join('\n');
}

function rowText(row: TableRow): string {
  return row.children.map((cell) => collapse(plainText(cell))).filter((cell) => cell !== '').join(' | ');
}
