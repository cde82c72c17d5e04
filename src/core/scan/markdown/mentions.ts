// Mentions: configured IDs in prose that neither define an item nor sit in an attribute value. They are
// references a reader can follow, never coverage. Code blocks, raw HTML (comments) and front matter are
// not prose, so the walk in index.ts never reaches their IDs.
import type { ScanContext } from './context';
import { rangeOf } from './context';
import { locateIds, type TextLeaf } from './text';

export function readMentions(ctx: ScanContext, leaf: TextLeaf): void {
  for (const { id, start, end } of locateIds(ctx, leaf)) {
    if (!ctx.definingOffsets.has(start)) ctx.mentions.push({ id, range: rangeOf(ctx, start, end) });
  }
}
