// Pins in trace tags: `@implements SR-12#3fa9c1`, parsed with the tag, malformed ones reported.
// @verifies ST-51
import * as assert from 'node:assert/strict';
import { scanCode } from '../../../src/core/scan/code';
import { ids, rangeTuple } from '../scan/code/helpers';

function refs(language: Parameters<typeof scanCode>[1], text: string) {
  const result = scanCode(text, language, ids);
  return {
    refs: result.tags.flatMap((tag) => tag.refs.map((ref) => [tag.tag, ref.id, ref.pin ?? null, ...rangeTuple(ref.range)])),
    problems: result.problems.map((p) => [p.message, ...rangeTuple(p.range)]),
    mentions: result.mentions.map((m) => m.id),
  };
}

describe('impact: pins in trace tags', () => {
  it('reads a pin right after each ID, and the ID range stays the ID', () => {
    const { refs: found, problems } = refs('typescript', '// @implements SR-12#3fa9c1, MIT-2 and SR-3#0123456789abcdef\n');
    assert.deepEqual(found, [
      ['implements', 'SR-12', '3fa9c1', 0, 15, 0, 20],
      ['implements', 'MIT-2', null, 0, 29, 0, 34],
      ['implements', 'SR-3', '0123456789abcdef', 0, 39, 0, 43],
    ]);
    assert.deepEqual(problems, []);
  });

  it('works in every comment style and with the colon form', () => {
    assert.deepEqual(refs('python', 'x = 1  # @verifies SR-1#abcdef\n').refs, [['verifies', 'SR-1', 'abcdef', 0, 19, 0, 23]]);
    assert.deepEqual(refs('c', '/* Implements: SR-2#a1b2c3d4 */\n').refs, [['implements', 'SR-2', 'a1b2c3d4', 0, 15, 0, 19]]);
    assert.deepEqual(refs('sql', '-- @mitigates THR-1#ffffff\n').refs, [['mitigates', 'THR-1', 'ffffff', 0, 14, 0, 19]]);
  });

  it('reports what is glued to an ID with # but is no pin, and keeps the trace unpinned', () => {
    const { refs: found, problems } = refs('typescript', '// @implements SR-1#3FA9C1, SR-2#abc, SR-3#L12, SR-4#\n');
    assert.deepEqual(found.map((r) => [r[1], r[2]]), [['SR-1', null], ['SR-2', null], ['SR-3', null], ['SR-4', null]]);
    assert.equal(problems.length, 4);
    assert.match(String(problems[0][0]), /`#3FA9C1` after `SR-1` is not a pin: a pin is `#` and 6 to 16 lower-case hex digits/);
    assert.deepEqual(problems.map((p) => p.slice(1)), [[0, 19, 0, 26], [0, 32, 0, 36], [0, 42, 0, 46], [0, 52, 0, 53]]);
  });

  it('a pin longer than 16 digits or running into a word is not a pin', () => {
    assert.equal(refs('typescript', '// @implements SR-1#0123456789abcdef0\n').problems.length, 1);
    assert.equal(refs('typescript', '// @implements SR-1#abcdefg\n').problems.length, 1);
  });

  it('a # after a space is prose (a Python comment after the tag), not a pin', () => {
    const { refs: found, problems } = refs('python', '# @implements SR-1 # see below\n');
    assert.deepEqual(found.map((r) => r[2]), [null]);
    assert.deepEqual(problems, []);
  });

  it('the pin never becomes a mention or an ID, and the list goes on after it', () => {
    const { refs: found, mentions } = refs('typescript', '// @implements SR-1#abcdef SR-2 then SR-3\n');
    assert.deepEqual(found.map((r) => r[1]), ['SR-1', 'SR-2']);
    assert.deepEqual(mentions, ['SR-3']);
  });

  it('a pin must end inside the comment', () => {
    const { refs: found } = refs('c', '/* @implements SR-1*/#abcdef\n');
    assert.deepEqual(found.map((r) => r[2]), [null]);
  });
});
