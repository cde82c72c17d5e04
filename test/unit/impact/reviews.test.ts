// The review store: parsed without throwing, written sorted and diff-friendly, read back unchanged.
// @verifies ST-53
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReviews, reviewStatusOf, reviewStatusText, serializeReviews, withStamps, type ReviewStamp } from '../../../src/core/impact/reviews';

const A: ReviewStamp = { id: 'SR-10', fingerprint: '0123456789abcdef', by: 'Dana Reviewer', date: '2026-06-01', text: 'Title\nrefines: MIT-1\n\nFirst paragraph: with a colon # and a hash.\nSecond.' };
const B: ReviewStamp = { id: 'SR-2', fingerprint: 'fedcba9876543210', by: 'Ö. O\'Brien-Łukasz', date: '2026-05-31' };

describe('impact: review store', () => {
  it('writes one entry per item in ID order (SR-2 before SR-10), one field per line, text as a block', () => {
    const text = serializeReviews([A, B]);
    const body = text.split('\n').filter((l) => !l.startsWith('#'));
    assert.deepEqual(body, [
      'version: 1',
      'reviews:',
      '  SR-2:',
      '    fingerprint: fedcba9876543210',
      '    by: "Ö. O\'Brien-Łukasz"',
      '    date: 2026-05-31',
      '  SR-10:',
      '    fingerprint: 0123456789abcdef',
      '    by: Dana Reviewer',
      '    date: 2026-06-01',
      '    text: |-',
      '      Title',
      '      refines: MIT-1',
      '',
      '      First paragraph: with a colon # and a hash.',
      '      Second.',
      '',
    ]);
  });

  it('reads back exactly what it wrote', () => {
    const parsed = parseReviews(serializeReviews([A, B]));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.stamps.get('SR-10'), A);
    assert.deepEqual(parsed.stamps.get('SR-2'), B);
  });

  it('keeps fingerprints that look like numbers as text', () => {
    for (const fingerprint of ['0000000000000000', '1234567890123456', '12e4567812345678', '0123456789e01234']) {
      const text = serializeReviews([{ ...B, fingerprint }]);
      assert.equal(parseReviews(text).stamps.get('SR-2')?.fingerprint, fingerprint);
      assert.match(text, new RegExp(`fingerprint: "${fingerprint}"`));
    }
  });

  it('round-trips any reviewer name and text', () => {
    const stamp = fc.record({
      id: fc.constantFrom('SR-1', 'MIT-2', 'THR-3.1'),
      fingerprint: fc.stringMatching(/^[0-9a-f]{16}$/),
      by: fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== ''),
      date: fc.constantFrom('2026-01-01', '1999-12-31'),
      text: fc.string({ maxLength: 80 }),
    });
    fc.assert(fc.property(stamp, (s) => {
      const back = parseReviews(serializeReviews([s])).stamps.get(s.id);
      return back !== undefined && back.by === s.by && back.text === s.text && back.fingerprint === s.fingerprint && back.date === s.date;
    }), { numRuns: 300, seed: 5 });
  });

  it('a new stamp replaces the item\'s old one and keeps the others', () => {
    const store = parseReviews(serializeReviews([A, B]));
    const next = withStamps(store, [{ ...B, by: 'Someone Else', date: '2026-06-15' }]);
    assert.deepEqual(next.map((s) => [s.id, s.by]).sort(), [['SR-10', 'Dana Reviewer'], ['SR-2', 'Someone Else']]);
  });

  it('never throws: bad entries are problems with lines, good ones are kept', () => {
    const store = parseReviews('version: 2\nreviews:\n  SR-1:\n    fingerprint: abc\n    by: x\n    date: 2026-01-01\n  SR-2: nope\n  SR-3:\n    by: x\n  SR-4:\n    fingerprint: abcdef\n    by: x\n    date: 2026-01-01\n    colour: red\nextra: 1\n');
    assert.deepEqual(store.problems.map((p) => [p.message.replace(/^[^:]+: /, ''), p.range.start.line]), [
      ['`version` must be 1', 0],
      ['`SR-1`: fingerprint `abc` is not 6 to 16 lower-case hex digits', 3],
      ['`SR-2`: a stamp needs `fingerprint`, `by` and `date`', 6],
      ['`SR-3`: missing fingerprint, date', 8],
      ['`SR-4`: unknown field `colour` (known: fingerprint, by, date, text)', 13],
      ['unknown key `extra` (known keys: version, reviews)', 14],
    ]);
    assert.deepEqual([...store.stamps.keys()], ['SR-4']);
    assert.equal(parseReviews('').stamps.size, 0);
    assert.match(parseReviews('reviews: [').problems[0].message, /invalid YAML/);
  });

  it('states each item\'s review status', () => {
    const store = parseReviews(serializeReviews([A]));
    assert.deepEqual(reviewStatusOf(store, 'SR-10', A.fingerprint), { status: 'reviewed', by: 'Dana Reviewer', date: '2026-06-01', fingerprint: A.fingerprint });
    assert.equal(reviewStatusText(reviewStatusOf(store, 'SR-10', A.fingerprint)), 'reviewed 2026-06-01 by Dana Reviewer');
    assert.equal(reviewStatusText(reviewStatusOf(store, 'SR-10', '1111111111111111')), 'changed since review (2026-06-01, Dana Reviewer)');
    assert.equal(reviewStatusText(reviewStatusOf(store, 'SR-11', A.fingerprint)), 'not reviewed');
  });
});
