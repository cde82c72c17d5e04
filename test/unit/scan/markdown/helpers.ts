// Shared helpers for the Markdown scanner tests: expectations are written compactly, with ranges as
// `line:character-line:character` (zero-based, as the scanner reports them).
import { createIdMatcher, type IdMatcher } from '../../../../src/core/ids';
import type { AttributeFact, IdRef, ItemFact, Range } from '../../../../src/core/model';
import { scanMarkdown, type MarkdownScanResult } from '../../../../src/core/scan/markdown';
import { LineIndex } from '../../../../src/core/text/lines';

export const ids: IdMatcher = createIdMatcher({ SR: 'requirement', THR: 'threat', MIT: 'mitigation' });

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

export function scan(text: string, matcher: IdMatcher = ids): MarkdownScanResult {
  return scanMarkdown(text, matcher);
}

export function at(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** `SR-1@0:3-0:7` */
export function ref(r: IdRef): string {
  return `${r.id}@${at(r.range)}`;
}

export function attribute(a: AttributeFact): [string, string, string, ...string[]] {
  return [a.key, a.value, at(a.range), ...a.refs.map(ref)];
}

/** An item without its attributes and description, which tests check separately where they matter. */
export function item(i: ItemFact): { id: string; idRange: string; title: string; range: string; form: string } {
  return { id: i.id, idRange: at(i.idRange), title: i.title, range: at(i.range), form: i.form };
}

export function mentions(text: string): string[] {
  return scan(text).mentions.map(ref);
}

/** The document's characters inside a range: how tests prove a range is exact. */
export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}
