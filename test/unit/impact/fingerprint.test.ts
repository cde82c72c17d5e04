// Item fingerprints: FNV-1a 64 over normalised text; formatting does not count, content does.
// @verifies ST-50
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fingerprintOf, fnv1a64, itemText, normaliseText, pinMatches, pinOf } from '../../../src/core/impact/fingerprint';
import { specFingerprint } from './helpers';

const BASE = [
  '## SR-1: Lock the pump after failed logins',
  'clause: 5.2 security requirements',
  'refines: MIT-1, MIT-2',
  '',
  'The pump locks after three failed attempts and stays locked for 10 minutes.',
  '',
  'Only a biomed engineer can unlock it.',
  '',
].join('\n');

describe('impact: fingerprints', () => {
  it('FNV-1a 64 gives the published test vectors', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
    assert.match(fnv1a64('ünïcödé ✓ 𝄞'), /^[0-9a-f]{16}$/);
  });

  it('is 16 lower-case hex digits and stable', () => {
    const fingerprint = specFingerprint(BASE);
    assert.match(fingerprint, /^[0-9a-f]{16}$/);
    assert.equal(specFingerprint(BASE), fingerprint);
    assert.equal(pinOf(fingerprint), fingerprint.slice(0, 6));
    assert.equal(pinOf(fingerprint, 'abcdef12'), fingerprint.slice(0, 8));
    assert.ok(pinMatches(pinOf(fingerprint), fingerprint));
    assert.ok(!pinMatches(fingerprint.slice(0, 5), fingerprint), 'a pin has at least 6 digits');
  });

  it('ignores whitespace, line wrapping, emphasis, code and strike-through markers', () => {
    const fingerprint = specFingerprint(BASE);
    const variants = [
      BASE.replace('The pump locks after three', 'The   pump locks\nafter three'),
      BASE.replace('Lock the pump', '**Lock** the pump'),
      BASE.replace('three failed attempts', '*three* failed `attempts`'),
      BASE.replace('biomed engineer', '_biomed_ ~~engineer~~'),
      BASE.replace('## SR-1: Lock', '##   SR-1:   Lock').replace('logins', 'logins   '),
      BASE.replace('MIT-1, MIT-2', 'MIT-1,MIT-2'),
      BASE.replace('\nOnly a biomed', 'Only a biomed').replace('minutes.\n', 'minutes. '),
      BASE.replace('clause: 5.2', 'clause:    5.2') + '\n\n\n',
      BASE.replace('three failed attempts', 'three failed attempts\u00a0'),
    ];
    for (const variant of variants) assert.equal(specFingerprint(variant), fingerprint, variant);
  });

  it('ignores the case of attribute keys and their order', () => {
    const fingerprint = specFingerprint(BASE);
    assert.equal(specFingerprint(BASE.replace('clause:', 'Clause:').replace('refines:', 'REFINES:')), fingerprint);
    const swapped = BASE.replace('clause: 5.2 security requirements\nrefines: MIT-1, MIT-2', 'refines: MIT-1, MIT-2\nclause: 5.2 security requirements');
    assert.equal(specFingerprint(swapped), fingerprint);
    const asYaml = BASE.replace('clause: 5.2 security requirements\nrefines: MIT-1, MIT-2', '```yaml\nrefines: MIT-1, MIT-2\nclause: 5.2 security requirements\n```');
    assert.equal(specFingerprint(asYaml), fingerprint);
  });

  it('changes with a changed word, number, attribute or title', () => {
    const fingerprint = specFingerprint(BASE);
    const changes = [
      BASE.replace('three failed', 'five failed'),
      BASE.replace('10 minutes', '15 minutes'),
      BASE.replace('Only a biomed', 'Only the biomed'),
      BASE.replace('refines: MIT-1, MIT-2', 'refines: MIT-1'),
      BASE.replace('clause: 5.2', 'clause: 5.3'),
      BASE.replace('Lock the pump', 'Lock the device'),
      BASE.replace('engineer can', 'engineer cannot'),
      BASE.replace('clause: 5.2 security requirements', 'clause: 5.2 security requirements\nneeds: impl'),
      BASE.replace('unlock it.', 'unlock it'),
    ];
    const seen = new Set([fingerprint]);
    for (const changed of changes) {
      const next = specFingerprint(changed);
      assert.ok(!seen.has(next), `unchanged for: ${changed}`);
      seen.add(next);
    }
  });

  it('keeps parts apart: the same words moved between title and description differ', () => {
    const a = fingerprintOf({ title: 'Lock pump', description: 'after failures', attributes: {} });
    const b = fingerprintOf({ title: 'Lock pump after', description: 'failures', attributes: {} });
    const c = fingerprintOf({ title: 'Lock pump', description: '', attributes: { after: 'failures' } });
    assert.equal(new Set([a, b, c]).size, 3);
  });

  it('keeps underscores inside words (snake_case is content) and drops emphasis underscores', () => {
    assert.equal(normaliseText('use _max_retries_ and max_retries'), 'use max_retries and max_retries');
    assert.notEqual(normaliseText('max_retries'), normaliseText('maxretries'));
  });

  it('shows the item as text: title, sorted attributes, one line per paragraph', () => {
    assert.equal(itemText({ title: 'Lock  it', description: 'First  para.\nSecond.', attributes: { zeta: 'z', alpha: 'a' } }), 'Lock it\nalpha: a\nzeta: z\n\nFirst para.\nSecond.');
    assert.equal(itemText({ title: 'T', description: '', attributes: {} }), 'T');
  });

  describe('properties', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
    const words = fc.array(word, { minLength: 1, maxLength: 12 });
    const space = fc.constantFrom(' ', '  ', '\t', '\n', ' \n ', '\u00a0');
    const wrap = fc.constantFrom((w: string) => w, (w: string) => `*${w}*`, (w: string) => `**${w}**`, (w: string) => `\`${w}\``, (w: string) => `~~${w}~~`, (w: string) => `_${w}_`);

    it('any re-spacing and emphasis of the same words gives the same fingerprint', () => {
      fc.assert(fc.property(words, words, fc.array(space, { minLength: 24, maxLength: 24 }), fc.array(wrap, { minLength: 24, maxLength: 24 }), (title, body, spaces, wraps) => {
        const plain = fingerprintOf({ title: title.join(' '), description: body.join(' '), attributes: { note: body.slice(0, 2).join(' ') } });
        const styled = fingerprintOf({
          title: `  ${title.map((w, i) => wraps[i](w)).join(spaces[0])} `,
          description: body.map((w, i) => wraps[(i + 5) % 24](w)).join(spaces[(body.length + 1) % 24]),
          attributes: { ' Note ': body.slice(0, 2).join(spaces[3]) },
        });
        return plain === styled;
      }), { numRuns: 300, seed: 7 });
    });

    it('changing, adding or removing a word changes the fingerprint', () => {
      fc.assert(fc.property(words, fc.nat(), word, fc.constantFrom('change', 'add', 'remove'), (body, at, other, how) => {
        const i = at % body.length;
        const next = [...body];
        if (how === 'change') {
          if (next[i] === other) return true;
          next[i] = other;
        } else if (how === 'add') next.splice(i, 0, other);
        else {
          if (body.length < 2) return true;
          next.splice(i, 1);
        }
        const before = fingerprintOf({ title: 'T', description: body.join(' '), attributes: {} });
        const after = fingerprintOf({ title: 'T', description: next.join(' '), attributes: {} });
        return before !== after;
      }), { numRuns: 500, seed: 11 });
    });

    it('attribute order never matters', () => {
      fc.assert(fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), word), { selector: ([k]) => k, maxLength: 6 }), (pairs) => {
        const forward = Object.fromEntries(pairs);
        const backward = Object.fromEntries([...pairs].reverse().map(([k, v]) => [k.toUpperCase(), v]));
        return fingerprintOf({ title: 'T', description: 'D', attributes: forward }) === fingerprintOf({ title: 'T', description: 'D', attributes: backward });
      }), { numRuns: 200, seed: 3 });
    });
  });
});
