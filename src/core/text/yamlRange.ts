// Turns a YAML node's offsets into a zero-based range, for problems that point at the exact value.
import type { LineCounter, Node as YamlNode } from 'yaml';
import type { Range } from '../model';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function yamlRange(lineCounter: LineCounter, node: YamlNode | null | undefined): Range {
  const offsets = node?.range;
  if (!offsets) return ZERO;
  const start = lineCounter.linePos(offsets[0]);
  const end = lineCounter.linePos(offsets[1]);
  return { start: { line: start.line - 1, character: start.col - 1 }, end: { line: end.line - 1, character: end.col - 1 } };
}
