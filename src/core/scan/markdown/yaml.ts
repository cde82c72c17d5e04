// A fenced `yaml` attribute block. YAML reports offsets into the block's content, which the parser has
// already stripped of the fence and of container prefixes (`> `, list indentation); each content line is
// therefore the tail of its source line, which is how offsets are mapped back into the document.
import type { Code } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { AttributeFact, IdRef } from '../../model';
import { LineIndex } from '../../text/lines';
import { nodeRange, rangeOf, sourceLine, type ScanContext } from './context';
import { findIds, normalizeKey } from './text';

/** Reads the block's mapping. Problems are reported and yield no attributes; the item stays defined. */
export function readYamlBlock(ctx: ScanContext, block: Code, itemId: string): AttributeFact[] {
  const content = block.value;
  const toSource = contentMapper(ctx, block);
  // Node ranges of block collections and block scalars run on over the line break; ranges end at the text.
  const span = (from: number, to: number) => rangeOf(ctx, toSource(from), toSource(trimmedEnd(content, from, to)));
  // The failsafe schema keeps every scalar a string, so `version: 1.10` stays `1.10` and `no` stays `no`.
  const doc = parseDocument(content, { schema: 'failsafe', prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const message = `Malformed YAML in the attribute block of ${itemId}: ${error.message.split('\n')[0]}`;
    ctx.problems.push({ code: 'parse-error', message, range: span(error.pos[0], error.pos[1]) });
    return [];
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) {
    ctx.problems.push({ code: 'invalid-attribute', message: `The attribute block of ${itemId} is not a YAML mapping of keys to values`, range: nodeRange(ctx, block) });
    return [];
  }
  const attributes: AttributeFact[] = [];
  for (const pair of doc.contents.items) {
    const attribute = readPair(ctx, pair, content, span, itemId);
    if (attribute) attributes.push(attribute);
  }
  return attributes;
}

type Span = (from: number, to: number) => AttributeFact['range'];

function readPair(ctx: ScanContext, pair: Pair, content: string, span: Span, itemId: string): AttributeFact | undefined {
  const key = pair.key as YamlNode | null;
  const value = pair.value as YamlNode | null;
  const keyRange = key?.range ?? [0, 0, 0];
  if (!isScalar(key) || String(key.value ?? '').trim() === '') {
    ctx.problems.push({ code: 'invalid-attribute', message: `The attribute block of ${itemId} has a key that is not plain text`, range: span(keyRange[0], keyRange[1]) });
    return undefined;
  }
  const name = String(key.value).trim();
  if (isMap(value)) {
    const at = value.range ?? keyRange;
    ctx.problems.push({ code: 'invalid-attribute', message: `Attribute \`${name}\` of ${itemId} must be a value or a list, not a mapping`, range: span(at[0], at[1]) });
    return undefined;
  }
  // A list becomes one comma-separated value; each element keeps its own ID ranges.
  const parts = isSeq(value) ? (value.items as (YamlNode | null)[]) : value ? [value] : [];
  const texts = parts.map((part) => partText(part, content)).filter((text) => text !== '');
  const refs = parts.flatMap((part) => partRefs(ctx, part, content, span));
  const at = valueSpan(value) ?? [keyRange[1], keyRange[1]];
  return { key: normalizeKey(name), value: texts.join(', '), range: span(at[0], at[1]), refs };
}

/** A block list's own range runs on over trailing comments, so a list spans its first to its last element. */
function valueSpan(value: YamlNode | null): readonly number[] | undefined {
  if (!isSeq(value) || value.flow) return value?.range ?? undefined;
  const items = value.items as (YamlNode | null)[];
  const last = items[items.length - 1]?.range;
  return value.range && last ? [value.range[0], last[1]] : value.range ?? undefined;
}

function partText(part: YamlNode | null, content: string): string {
  if (!part) return '';
  if (isScalar(part)) return String(part.value ?? '').trim();
  return part.range ? content.slice(part.range[0], part.range[1]).replace(/\s+/g, ' ').trim() : '';
}

function partRefs(ctx: ScanContext, part: YamlNode | null, content: string, span: Span): IdRef[] {
  if (!part?.range) return [];
  const [from, to] = part.range;
  return findIds(content.slice(from, to), ctx.ids).map(({ id, index }) => ({ id, range: span(from + index, from + index + id.length) }));
}

function trimmedEnd(content: string, from: number, to: number): number {
  let end = Math.min(to, content.length);
  while (end > from && /\s/.test(content[end - 1])) end--;
  return end;
}

/** Maps an offset in the block's content to a source offset. */
function contentMapper(ctx: ScanContext, block: Code): (offset: number) => number {
  const content = block.value;
  const index = new LineIndex(content);
  const lines = content.split(/\r\n|\r|\n/);
  // mdast lines are 1-based and the fence is on the first, so this is the zero-based first content line.
  const firstLine = block.position?.start.line ?? 1;
  return (offset) => {
    const { line, character } = index.positionAt(Math.max(0, Math.min(offset, content.length)));
    const source = sourceLine(ctx, firstLine + line);
    const text = lines[line] ?? '';
    const prefix = source.text.endsWith(text) ? source.text.length - text.length : 0;
    return source.start + Math.min(prefix + character, source.text.length);
  };
}
