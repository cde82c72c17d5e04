// Tag parsing inside comments: argument lists, foreign IDs, empty tags, whole-word rules and ranges.
// @verifies ST-15
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { assertScan, joinLines, rangeTuple } from './helpers';
import { scanCode } from '../../../../src/core/scan/code';
import { createIdMatcher } from '../../../../src/core/ids';

describe('code scanner: tags', () => {
  it('reads several IDs separated by commas, spaces and `and`, up to the first other token', () => {
    assertScan('typescript', '// @implements SR-1, MIT-2 SR-3 and THR-4.1 then SR-5', {
      tags: [['implements', 'SR-1', 0, 15], ['implements', 'MIT-2', 0, 21], ['implements', 'SR-3', 0, 27], ['implements', 'THR-4.1', 0, 36]],
      mentions: [['SR-5', 0, 49]],
    });
  });

  it('keeps ID-shaped tokens with an unconfigured prefix as foreign', () => {
    const result = assertScan('typescript', '// @verifies XYZ-3, SR-1', {
      tags: [['verifies', 'SR-1', 0, 20], ['verifies', '?XYZ-3', 0, 13]],
    });
    assert.equal(result.tags.length, 1);
  });

  it('spans a tag from its word to the end of its last ID, foreign ones included', () => {
    const result = assertScan('typescript', joinLines('// @implements SR-1, XYZ-2 trailing words', '/* Mitigates: THR-1 */'), {
      tags: [['implements', 'SR-1', 0, 15], ['implements', '?XYZ-2', 0, 21], ['mitigates', 'THR-1', 1, 14]],
    });
    assert.deepEqual(result.tags.map((tag) => rangeTuple(tag.range)), [[0, 3, 0, 26], [1, 3, 1, 19]]);
    assert.deepEqual(rangeTuple(result.tags[0].refs[0].range), [0, 15, 0, 19]);
  });

  it('reports an annotation tag that names no ID, at the tag word; the colon form without ID is prose', () => {
    const result = assertScan('python', joinLines('# @implements nothing yet', '# What this file implements: see below SR-1', 'x = 1  # @mitigates'), {
      mentions: [['SR-1', 1, 39]],
      problems: [['`@implements` names no ID', 0, 2], ['`@mitigates` names no ID', 2, 9]],
    });
    assert.deepEqual(rangeTuple(result.problems[0].range), [0, 2, 0, 13]);
    assert.equal(result.problems[0].code, 'invalid-attribute');
  });

  it('accepts a colon after the annotation form and a lower-case prose form', () => {
    assertScan('typescript', joinLines('// @implements: SR-1', '// verifies: SR-2', '// Mitigates:THR-1'), {
      tags: [['implements', 'SR-1', 0, 16], ['verifies', 'SR-2', 1, 13], ['mitigates', 'THR-1', 2, 13]],
    });
  });

  it('takes tag words only as whole words', () => {
    const lines = ['// @implementsFoo SR-1', '// reimplements: SR-2', '// IMPLEMENTS: SR-3', '// user@implements SR-4', '// @implements-like SR-5', '// iMplements: SR-6'];
    assertScan('typescript', joinLines(...lines), {
      mentions: [['SR-1', 0, 18], ['SR-2', 1, 17], ['SR-3', 2, 15], ['SR-4', 3, 19], ['SR-5', 4, 20], ['SR-6', 5, 15]],
    });
  });

  it('accepts a tag right after a comment delimiter', () => {
    assertScan('lua', '--@implements SR-1', { tags: [['implements', 'SR-1', 0, 14]] });
    assertScan('html', '<!--Verifies: SR-2-->', { tags: [['verifies', 'SR-2', 0, 14]] });
    assertScan('typescript', '/*@mitigates THR-1*/', { tags: [['mitigates', 'THR-1', 0, 13]] });
  });

  it('reads arguments on the tag line only', () => {
    assertScan('java', joinLines('/** @implements SR-1', ' * SR-2 is related', ' * @verifies', ' * SR-3', ' */'), {
      tags: [['implements', 'SR-1', 0, 16]],
      mentions: [['SR-2', 1, 3], ['SR-3', 3, 3]],
      problems: [['`@verifies` names no ID', 2, 3]],
    });
  });

  it('reads several tags in one comment and mentions around them', () => {
    assertScan('typescript', '// SR-1 here; @implements SR-1 @verifies SR-2 and AST-3, see IF-4', {
      tags: [['implements', 'SR-1', 0, 26], ['verifies', 'SR-2', 0, 41], ['verifies', 'AST-3', 0, 50]],
      mentions: [['SR-1', 0, 3], ['IF-4', 0, 61]],
    });
  });

  it('ignores tag words in strings and code, and stops arguments at the comment end', () => {
    assertScan('typescript', joinLines('const a = "@implements"; // SR-1', 'class A implements B {} /* @implements SR-2*/SR-3'), {
      tags: [['implements', 'SR-2', 1, 39]],
      mentions: [['SR-1', 0, 28]],
    });
  });

  it('treats unconfigured ID-shaped tokens outside tags as plain text', () => {
    assertScan('typescript', '// XYZ-1 CVE-2024-1234 UTF-8 sr-1', {});
  });
});

describe('tags: prose about tags', () => {
  it('a tag word in backticks is prose, not a tag and not a problem', () => {
    const ids = createIdMatcher({ SR: 'requirement' });
    const result = scanCode('// code tagged `@mitigates` or `Implements:` is traced; see SR-1\n', 'typescript', ids);
    assert.deepEqual(result.tags, []);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.mentions.map((m) => m.id), ['SR-1']);
  });
});
