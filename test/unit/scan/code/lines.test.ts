// The line cursor the code scanner reports positions with must agree with the full line index for any
// text and any order of offsets: forwards (the usual case), backwards, and with every kind of line break.
// @verifies ST-15, ST-6
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineCursor, LineIndex } from '../../../../src/core/text/lines';

describe('code scanner: line cursor', () => {
  it('gives the same position as the line index for every offset, in any order', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', ' ', '\n\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (source, raw, sorted) => {
        const offsets = raw.map((n) => n % (source.length + 1));
        if (sorted) offsets.sort((a, b) => a - b);
        const cursor = new LineCursor(source);
        const index = new LineIndex(source);
        for (const offset of offsets) assert.deepEqual(cursor.positionAt(offset), index.positionAt(offset), `${JSON.stringify(source)} @ ${offset}`);
      }),
      { numRuns: 2000 },
    );
  });
});
