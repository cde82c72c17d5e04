// Plain text and ID positions from mdast nodes. Every walk here is iterative: a document may nest
// thousands of levels deep, and the scanner must not be the part that overflows the stack.
import type { InlineCode, Nodes, Text } from 'mdast';
import type { IdMatcher } from '../../ids';
import { endOf, startOf, type ScanContext } from './context';

/** The nodes that carry visible text: IDs are looked for in these only. */
export type TextLeaf = Text | InlineCode;

/** An ID found in the source, by source offsets. */
export interface LocatedId {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** `Mitigated by` -> `mitigated-by`: lower case, runs of spaces and underscores become one dash. */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Configured IDs in a string, with their indexes. */
export function findIds(text: string, ids: IdMatcher): { id: string; index: number }[] {
  const found: { id: string; index: number }[] = [];
  for (const match of text.matchAll(ids.pattern)) found.push({ id: match[0], index: match.index });
  return found;
}

/** The text leaves under a node, in document order. Raw HTML, images and code blocks are not among them. */
export function leavesOf(node: Nodes): TextLeaf[] {
  const leaves: TextLeaf[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const current = stack.pop() as Nodes;
    if (current.type === 'text' || current.type === 'inlineCode') leaves.push(current);
    else if ('children' in current) pushChildren(stack, current.children);
  }
  return leaves;
}

/** The node's text with inline formatting removed (not collapsed: callers decide about whitespace). */
export function plainText(node: Nodes): string {
  return leavesOf(node).map((leaf) => leaf.value).join('');
}

/**
 * The IDs in a leaf with their exact source offsets. When the leaf's source is as long as its value the two
 * are the same characters; otherwise escapes, entities, backticks or container prefixes (`> `) sit in
 * between, so the same IDs are looked up again, in order, in the source slice. An ID that only exists in
 * the value (written with an entity, say) gets the whole leaf as its range: close enough to navigate to.
 */
export function locateIds(ctx: ScanContext, leaf: TextLeaf): LocatedId[] {
  const found = findIds(leaf.value, ctx.ids);
  if (!found.length) return [];
  const start = startOf(leaf);
  const end = endOf(leaf);
  if (end - start === leaf.value.length) {
    return found.map(({ id, index }) => ({ id, start: start + index, end: start + index + id.length }));
  }
  const inSource = findIds(ctx.source.slice(start, end), ctx.ids);
  let cursor = 0;
  return found.map(({ id }) => {
    const next = inSource.findIndex((match, k) => k >= cursor && match.id === id);
    if (next < 0) return { id, start, end };
    cursor = next + 1;
    const index = start + inSource[next].index;
    return { id, start: index, end: index + id.length };
  });
}

export function pushChildren(stack: Nodes[], children: readonly Nodes[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}
