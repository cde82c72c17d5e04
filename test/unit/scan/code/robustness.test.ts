// Any input must terminate in about linear time and yield well-formed results: random token soup and
// long repetitions of the openers that could make a careless regex backtrack or rescan.
// @verifies STM-2
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { lexComments, scanCode, type LanguageId } from '../../../../src/core/scan/code';
import { ids } from './helpers';

const LANGUAGES: readonly LanguageId[] = [
  'typescript', 'javascript', 'java', 'kotlin', 'c', 'cpp', 'csharp', 'go', 'rust', 'swift', 'python', 'ruby', 'shell', 'yaml', 'sql', 'html',
  'xml', 'php', 'scala', 'dart', 'lua', 'powershell', 'css', 'scss', 'toml', 'protobuf', 'makefile', 'dockerfile', 'groovy', 'hcl', 'r',
];

const TOKENS = [
  '/*', '*/', '//', '#', '"', "'", '`', '\\', '\n', '\r', '\r\n', '"""', "'''", '--', '[[', ']]', '[=[', '<!--', '-->', '<#', '#>', '@"',
  'R"(', ')"', 'r#"', '"#', '=begin', '=end', '<<EOF\n', '\nEOF\n', '<<<X\n', '${', '}', '/', '[', ']', '(', ')', 'a', ' ', 'x1', "'a",
  'SR-1', '@implements ', 'Verifies: ', ',', 'and ', 'XYZ-2', '$', '?>', 'url(', '<a b="', '>', '<![CDATA[', ']]>', 'return /',
];

/** Units that, repeated, stress one construct each: unclosed classes, escapes, separators, openers. */
const REPEATED = [
  '/[', '\\`', "1'", '<<a\n', 'r#"', "'a", '"""\\', '--[==[', '<!--', '/*', '*/', '@"', '"#', '#"', '=begin\n', '<a "', 'url(', 'R"(',
  "'''", "$'", '\\', "''", 'return /', '<#', '[[', '"\\\n', '@implements ', 'SR-1 ', '#', '$', '"', '*', '=', ' ',
];

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function soup(seed: number, length: number): string {
  const next = random(seed);
  let text = '';
  while (text.length < length) text += TOKENS[Math.floor(next() * TOKENS.length)];
  return text;
}

function assertWellFormed(text: string, language: LanguageId): void {
  let previousEnd = 0;
  for (const { start, end } of lexComments(text, language)) {
    assert.ok(start >= previousEnd && start < end && end <= text.length, `${language}: bad span ${start}-${end}`);
    previousEnd = end;
  }
  const result = scanCode(text, language, ids);
  for (const ref of [...result.mentions, ...result.tags.flatMap((tag) => tag.refs)]) assert.ok(ids.isId(ref.id), ref.id);
}

/** Generous: linear lexing takes a few milliseconds here, a quadratic one takes seconds. */
const LIMIT_MS = 400;

describe('code scanner: robustness', () => {
  for (const language of LANGUAGES) {
    it(`${language}: random token soup and long repetitions stay linear`, () => {
      const inputs = [soup(LANGUAGES.indexOf(language) + 1, 30_000), ...REPEATED.map((unit) => unit.repeat(Math.ceil(30_000 / unit.length)))];
      for (const input of inputs) {
        const started = performance.now();
        assertWellFormed(input, language);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < LIMIT_MS, `${language}: ${JSON.stringify(input.slice(0, 12))}... took ${elapsed.toFixed(0)} ms`);
      }
    });
  }

  it('scans a very long single line', () => {
    const line = `${'x = 1; '.repeat(200_000)}// @implements SR-1 ${'SR-2 '.repeat(1000)}`;
    const result = scanCode(line, 'typescript', ids);
    assert.equal(result.tags[0].refs.length, 1001);
    assert.equal(result.tags[0].range.end.character, line.length - 1);
  });
});
