// GFM tables, and nothing else of GFM. Specs need tables (the threat register, asset lists); the rest of
// GFM (autolink literals, footnotes, strikethrough, task lists) changes nothing sectrace reads, and the
// full extension set made parsing about four times slower in our measurements.
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

interface ExtensionData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

export function remarkGfmTable(this: Processor): void {
  const data = this.data() as ExtensionData;
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
