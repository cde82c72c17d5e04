// Shared helpers for the code scanner tests: compact expectations, asserted exactly, positions included.
import * as assert from 'node:assert/strict';
import { createIdMatcher } from '../../../../src/core/ids';
import type { Range } from '../../../../src/core/model';
import { scanCode, type CodeScanResult, type LanguageId } from '../../../../src/core/scan/code';

export const ids = createIdMatcher({ SR: 'requirement', REQ: 'requirement', THR: 'threat', MIT: 'mitigation', AST: 'asset', IF: 'interface' });

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** One tag argument: tag, ID (foreign IDs prefixed with `?`), zero-based line and character of the ID. */
export type TagTuple = readonly [tag: string, id: string, line: number, character: number];
/** A mention: ID, line, character. */
export type MentionTuple = readonly [id: string, line: number, character: number];
/** A problem: message, line and character of its start. */
export type ProblemTuple = readonly [message: string, line: number, character: number];

export interface Expected {
  readonly tags?: readonly TagTuple[];
  readonly mentions?: readonly MentionTuple[];
  readonly problems?: readonly ProblemTuple[];
}

/** Flattens a scan result into tuples; an omitted expectation means "none at all". */
export function actualTuples(result: CodeScanResult): Required<Expected> {
  return {
    tags: result.tags.flatMap((tag) => [
      ...tag.refs.map((ref): TagTuple => [tag.tag, ref.id, ref.range.start.line, ref.range.start.character]),
      ...tag.foreign.map((ref): TagTuple => [tag.tag, `?${ref.id}`, ref.range.start.line, ref.range.start.character]),
    ]),
    mentions: result.mentions.map((ref): MentionTuple => [ref.id, ref.range.start.line, ref.range.start.character]),
    problems: result.problems.map((problem): ProblemTuple => [problem.message, problem.range.start.line, problem.range.start.character]),
  };
}

export function assertScan(language: LanguageId, text: string, expected: Expected): CodeScanResult {
  const result = scanCode(text, language, ids);
  assert.deepEqual(actualTuples(result), { tags: expected.tags ?? [], mentions: expected.mentions ?? [], problems: expected.problems ?? [] });
  return result;
}

/** `[startLine, startChar, endLine, endChar]`, for asserting whole ranges compactly. */
export function rangeTuple(range: Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
