// Comment spans, line endings, nesting, unterminated constructs and the fast path of the scanner.
// @verifies ST-15
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { IdMatcher } from '../../../../src/core/ids';
import { lexComments, scanCode, type LanguageId } from '../../../../src/core/scan/code';
import { assertScan, ids, joinLines } from './helpers';

function spans(text: string, language: LanguageId): [number, number][] {
  return lexComments(text, language).map(({ start, end }) => [start, end]);
}

describe('code scanner: lexer', () => {
  it('returns whole comments with their delimiters, and skips strings', () => {
    assert.deepEqual(spans('a /* b */ c // d\n"/*" e', 'typescript'), [[2, 9], [12, 16]]);
    assert.deepEqual(spans('x = "#" # y', 'python'), [[8, 11]]);
  });

  it('ends line comments before CR LF and before a lone CR', () => {
    assert.deepEqual(spans('// a\r\nb // c\rd', 'typescript'), [[0, 4], [8, 12]]);
  });

  it('reports positions on CR LF and lone CR lines', () => {
    assertScan('typescript', 'x = 1\r\n// @implements SR-1\r\n/* a\r\n   SR-2 */\rx // THR-1', {
      tags: [['implements', 'SR-1', 1, 15]],
      mentions: [['SR-2', 3, 3], ['THR-1', 4, 5]],
    });
  });

  it('nests block comments where the language does', () => {
    assert.deepEqual(spans('/* a /* b */ c */ d // e', 'rust'), [[0, 17], [20, 24]]);
    assert.deepEqual(spans('/**/ /*/ still */ x', 'swift'), [[0, 4], [5, 17]]);
    assert.deepEqual(spans('/* a /* b */ c */', 'java'), [[0, 12]]);
  });

  it('runs an unterminated block comment to the end of the file', () => {
    assertScan('typescript', joinLines('x /* SR-1', 'SR-2'), { mentions: [['SR-1', 0, 5], ['SR-2', 1, 0]] });
    assertScan('rust', joinLines('/* a /* b */ SR-1', 'SR-2 */'), { mentions: [['SR-1', 0, 13], ['SR-2', 1, 0]] });
    assertScan('html', '<!-- SR-1 --', { mentions: [['SR-1', 0, 5]] });
    assert.deepEqual(spans('/* a *', 'c'), [[0, 6]]);
  });

  it('ends an unterminated single-line string at the end of its line', () => {
    assertScan('typescript', joinLines('const s = "abc // SR-1', "const t = 'x // SR-2", '// SR-3'), { mentions: [['SR-3', 2, 3]] });
    assertScan('c', joinLines("char c = 'ab // SR-1", '// SR-2'), { mentions: [['SR-2', 1, 3]] });
    assertScan('python', joinLines("s = 'abc # SR-1", '# SR-2'), { mentions: [['SR-2', 1, 2]] });
  });

  it('runs unterminated multi-line strings to the end of the file', () => {
    assertScan('typescript', joinLines('const t = `abc', '// SR-1'), {});
    assertScan('rust', joinLines('let s = "abc', '// SR-1'), {});
    assertScan('python', joinLines('"""SR-1', '# SR-2'), { mentions: [['SR-1', 0, 3], ['SR-2', 1, 2]] });
  });

  it('finds nothing, and returns quickly, when the text names no ID and no tag word', () => {
    let patternRead = false;
    const watched: IdMatcher = {
      get pattern() {
        patternRead = true;
        return ids.pattern;
      },
      anyIdPattern: ids.anyIdPattern,
      prefilter: ids.prefilter,
      kindOf: (id) => ids.kindOf(id),
      isId: (text) => ids.isId(text),
    };
    const plain = '/* just a comment */ const x = "text";\n'.repeat(1000);
    assert.deepEqual(scanCode(plain, 'typescript', watched), { tags: [], mentions: [], problems: [] });
    assert.equal(patternRead, false, 'the fast path must not look for IDs');
    assert.deepEqual(scanCode(`${plain}// SR-1`, 'typescript', watched).mentions.length, 1);
    assert.equal(patternRead, true);
  });

  it('returns empty when the candidates all lie outside comments', () => {
    assertScan('typescript', 'const s = "SR-1 @implements"; implements: x;', {});
  });
});
