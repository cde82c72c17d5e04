// The block a tag speaks for: brace languages, indentation languages, file headers, enclosing blocks.
// @verifies ST-54
import * as assert from 'node:assert/strict';
import { BlockFinder } from '../../../src/core/impact/blocks';
import type { LanguageId } from '../../../src/core/scan/code/languages';

/** 1-based inclusive [start, end] of the block of the tag on the line that contains `marker`. */
function blockOf(language: LanguageId, text: string, marker: string): [number, number] {
  const line = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(marker));
  assert.ok(line >= 0, marker);
  const span = new BlockFinder(text, language).blockOf(line);
  return [span.start + 1, span.end + 1];
}

const TS = `// File header
// @implements SR-1
import x from 'y';

export class A {
  // @implements SR-2
  run(a: string,
      b: number): void {
    if (a) {
      call("}");
    } else {
      other();
    }
  }

  /** @implements SR-3 */
  @Get('/x')
  get() { return 1; }

  field = 3; // @implements SR-4
  inner() {
    // @implements SR-5

    doIt();
  }
}
// @implements SR-6
app.get('/x', (req, res) => {
  res.send('{');
});
// @implements SR-7
const y = 2
const z = 3
`;

describe('impact: the block a tag speaks for', () => {
  it('TypeScript: header, method with a multi-line signature, decorator, end-of-line tag, enclosing body, call with a callback', () => {
    assert.deepEqual(blockOf('typescript', TS, 'SR-1'), [1, 33], 'a file header covers the file');
    assert.deepEqual(blockOf('typescript', TS, 'SR-2'), [6, 14], 'braces in strings do not count');
    assert.deepEqual(blockOf('typescript', TS, 'SR-3'), [16, 18]);
    assert.deepEqual(blockOf('typescript', TS, 'SR-4'), [20, 20]);
    assert.deepEqual(blockOf('typescript', TS, 'SR-5'), [21, 25], 'a comment that stands apart covers its enclosing block');
    assert.deepEqual(blockOf('typescript', TS, 'SR-6'), [27, 30]);
    assert.deepEqual(blockOf('typescript', TS, 'SR-7'), [31, 32], 'a statement without semicolon ends at its line');
  });

  it('a tag directly above the first declaration of a file covers that declaration only', () => {
    const text = '// @implements SR-1\nexport function a() {\n  return 1;\n}\n\nexport function b() {}\n';
    assert.deepEqual(blockOf('typescript', text, 'SR-1'), [1, 4]);
  });

  it('C: K&R declarations split over lines, nested block comments in Rust', () => {
    const c = '#include <x.h>\n\n/* @implements SR-1 */\nstatic int\nparse(const char *s)\n{\n  if (s) { return 1; }\n  return 0;\n}\nint other(void) { return 2; }\n';
    assert.deepEqual(blockOf('c', c, 'SR-1'), [3, 9]);
    const rust = 'use x;\n\n/* outer /* inner { */ still comment */\n// @implements SR-2\nfn f() -> u8 {\n    1\n}\n';
    assert.deepEqual(blockOf('rust', rust, 'SR-2'), [3, 7], 'the comment lines right above belong to it');
  });

  it('Python: decorators, multi-line signatures, the indented body; a docstring header covers the file', () => {
    const py = '"""Module."""\n# @implements SR-1\n\nimport os\n\n# @implements SR-2\n@decorator\ndef f(a,\n      b):\n    x = 1\n\n    return x\n\ndef g():\n    # @implements SR-3\n\n    pass\ny = 1\n';
    assert.deepEqual(blockOf('python', py, 'SR-1'), [1, 18]);
    assert.deepEqual(blockOf('python', py, 'SR-2'), [6, 12]);
    assert.deepEqual(blockOf('python', py, 'SR-3'), [14, 17]);
  });

  it('Ruby: the body and its closing end', () => {
    const rb = 'require "x"\n\n# @implements SR-1\ndef lock\n  true\nend\n\ndef other\nend\n';
    assert.deepEqual(blockOf('ruby', rb, 'SR-1'), [3, 6]);
  });

  it('Go: a function, and a declaration without semicolon', () => {
    const go = 'package main\n\n// @implements SR-1\nfunc lock() bool {\n\treturn true\n}\n\n// @implements SR-2\nvar limit = 3\n\nfunc other() {}\n';
    assert.deepEqual(blockOf('go', go, 'SR-1'), [3, 6]);
    assert.deepEqual(blockOf('go', go, 'SR-2'), [8, 9]);
  });

  it('CRLF line ends and lone CR count lines as the scanner does', () => {
    const text = 'let a = 1;\r\n// @implements SR-1\r\nfunction f() {\r\n  return 1;\r\n}\r\nlet b = 2;\r\n';
    assert.deepEqual(blockOf('javascript', text, 'SR-1'), [2, 5]);
    assert.deepEqual(blockOf('javascript', text.replace(/\r\n/g, '\r'), 'SR-1'), [2, 5]);
  });
});
