// Attributes of a heading item: the first block under the heading, when it is a paragraph made only of
// `key: value` lines or a fenced `yaml` block. Anything else under the heading is description, so a
// paragraph with a single line that is not `key: value` is left alone entirely (all or nothing).
import type { Nodes, Paragraph } from 'mdast';
import type { AttributeFact } from '../../model';
import { endOf, rangeOf, startOf, type ScanContext } from './context';
import { collapse, findIds, leavesOf, locateIds, normalizeKey, type LocatedId } from './text';
import { readYamlBlock } from './yaml';

/**
 * One `key: value` line. The key may be wrapped in `**`/`__`/`*`/`_` with the colon inside or outside; the
 * value must be non-empty and follow whitespace, so prose ending in a colon or a bare URL is not an
 * attribute. Blockquote markers may precede continuation lines when the heading sits inside a quote.
 * The value is matched greedily and trimmed by `valueEnd`, which keeps the match linear on long lines.
 */
const KEY_VALUE = /^[ \t>]*(?<open>\*\*|__|\*|_)?(?<key>[A-Za-z][A-Za-z0-9 _-]{0,39}?)[ \t]*(?:\k<open>:|:\k<open>)[ \t]+(?<value>\S.*)$/d;

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

/** Reads the block's attributes and claims the block, or returns undefined when it is not an attribute block. */
export function readAttributeBlock(ctx: ScanContext, block: Nodes | undefined, itemId: string): AttributeFact[] | undefined {
  if (!block) return undefined;
  let attributes: AttributeFact[] | undefined;
  if (block.type === 'paragraph') attributes = readKeyValueParagraph(ctx, block);
  else if (block.type === 'code' && /^ya?ml$/i.test(block.lang ?? '')) attributes = readYamlBlock(ctx, block, itemId);
  if (attributes) ctx.claimed.add(block);
  return attributes;
}

function readKeyValueParagraph(ctx: ScanContext, paragraph: Paragraph): AttributeFact[] | undefined {
  const start = startOf(paragraph);
  const slice = ctx.source.slice(start, endOf(paragraph));
  const lines: { key: string; from: number; to: number }[] = [];
  for (const line of slice.matchAll(LINE)) {
    if (line[0] === '') break;
    const match = KEY_VALUE.exec(line[0].replace(/[\r\n]+$/, ''));
    const groups = match?.indices?.groups;
    if (!match?.groups || !groups?.value || findIds(match.groups.key, ctx.ids).length) return undefined;
    const from = start + line.index + groups.value[0];
    lines.push({ key: normalizeKey(match.groups.key), from, to: valueEnd(ctx.source, from, start + line.index + groups.value[1]) });
  }
  if (!lines.length) return undefined;
  const leaves = leavesOf(paragraph);
  const located = leaves.flatMap((leaf) => locateIds(ctx, leaf));
  return lines.map(({ key, from, to }) => ({
    key,
    value: collapse(valueText(ctx, leaves, from, to)),
    range: rangeOf(ctx, from, to),
    refs: located.filter((found) => within(found, from, to)).map(({ id, start: s, end: e }) => ({ id, range: rangeOf(ctx, s, e) })),
  }));
}

/**
 * The plain text of the source range [from, to) of a paragraph: the parts of its text leaves inside it, so
 * emphasis, links and code spans in a value lose their markup. A leaf whose value differs from its source
 * (escapes) and straddles the range falls back to the source with backslash escapes removed.
 */
function valueText(ctx: ScanContext, leaves: readonly Nodes[], from: number, to: number): string {
  let text = '';
  for (const leaf of leaves) {
    if (leaf.type !== 'text' && leaf.type !== 'inlineCode') continue;
    const start = startOf(leaf);
    const end = endOf(leaf);
    if (end <= from || start >= to) continue;
    if (end - start === leaf.value.length) text += leaf.value.slice(Math.max(from, start) - start, Math.min(to, end) - start);
    else if (start >= from && end <= to) text += leaf.value;
    else text += ctx.source.slice(Math.max(from, start), Math.min(to, end)).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  }
  return text;
}

/** Where a value ends without trailing blanks and the backslash of a hard line break, which is not part of it. */
function valueEnd(source: string, from: number, to: number): number {
  let end = to;
  while (end > from && isBlank(source.charCodeAt(end - 1))) end--;
  if (end - 1 > from && source.charCodeAt(end - 1) === 92 /* backslash */) end--;
  while (end > from && isBlank(source.charCodeAt(end - 1))) end--;
  return end;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function within(found: LocatedId, from: number, to: number): boolean {
  return found.start >= from && found.end <= to;
}
