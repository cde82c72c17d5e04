// `check --json` is written in pieces, one array element per line; it must parse to exactly the document.
// @verifies ST-13
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { writeJson } from '../../../src/cli/jsonOut';
import type { LazyList } from '../../../src/core/export/checkJson';

function lazy<T>(values: readonly T[]): LazyList<T> {
  return { lazy: true, elements: () => values };
}

function written(document: Record<string, unknown>): string {
  const parts: string[] = [];
  writeJson(document, (text) => parts.push(text));
  return parts.join('');
}

describe('cli: JSON output in pieces', () => {
  it('parses to the same value as JSON.stringify, for any document', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined))), (document) => {
        assert.deepEqual(JSON.parse(written(document)), JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: 500 },
    );
  });

  it('puts each element of a top-level array on its own line, and splits a large document into chunks', () => {
    const traces = Array.from({ length: 30_000 }, (_, i) => ({ id: `SR-${i}`, location: { file: 'src/a.ts', line: i + 1 } }));
    const parts: string[] = [];
    writeJson({ schemaVersion: 1, traces }, (text) => parts.push(text));
    const text = parts.join('');
    assert.ok(parts.length > 1, 'written in more than one piece');
    assert.equal(text.split('\n').filter((line) => line.startsWith('    {"id":"SR-')).length, 30_000);
    assert.deepEqual(JSON.parse(text).traces[29_999], traces[29_999]);
  });

  it('writes a lazy list as the array of its elements, an empty one as []', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.array(fc.jsonValue())), (document) => {
        const withLazy = Object.fromEntries(Object.entries(document).map(([key, value]) => [key, lazy(value)]));
        assert.deepEqual(JSON.parse(written(withLazy)), JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: 300 },
    );
    assert.equal(written({ items: lazy([]) }), '{\n  "items": []\n}\n');
  });
});
