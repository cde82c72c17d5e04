// The OpenFastTrace prefilter rejects most texts with a cheap scan for `~`; it must never reject a text
// that the precise patterns would accept, or OFT items and malformed coverage tags would go unread.
// @verifies ST-31
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mayHoldOftId } from '../../../src/core/importers/oft/read';

const SOME_ID = /~\p{Alphabetic}[^~\s]*~\d/u;
const SOME_TAG = /->\s*[A-Za-z]+~/;

describe('importers: the OpenFastTrace prefilter', () => {
  it('accepts exactly the texts the precise patterns accept', () => {
    const pieces = fc.constantFrom('~', '~1', 'req', '~req~', 'é', '->', ' ', 'x', '7', '\n', 'dsn', '[impl->', ']', '::~Foo', '~0UL', 'a~', '(~0', '\t', '-> ', '~é', '~1~2', '.');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(mayHoldOftId(text), SOME_ID.test(text) || SOME_TAG.test(text), JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects C code full of `->`, `~0UL` and destructors, and accepts OFT IDs and tags', () => {
    assert.equal(mayHoldOftId('p->next = ~0UL; Foo::~Foo() {} x = a ->b;'), false);
    assert.equal(mayHoldOftId('// [impl->dsn~parse-header~1]'), true);
    assert.equal(mayHoldOftId('// [impl->dsn~parse-header]'), true);
    assert.equal(mayHoldOftId('`req~login~2`'), true);
  });
});
