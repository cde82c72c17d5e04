// Edge inputs: empty and ID-free files, CRLF and byte order marks, deep nesting, and arbitrary text.
// @verifies ST-16, ST-6
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { IdMatcher } from '../../../../src/core/ids';
import { at, attribute, ids, item, scan, textAt } from './helpers';

describe('markdown scanner: robustness', () => {
  it('returns nothing for an empty file and for a file without IDs', () => {
    const empty = { items: [], mentions: [], problems: [] };
    assert.deepEqual(scan(''), empty);
    assert.deepEqual(scan('# Readme\n\nNo identifiers here, only UTF-8.'), empty);
  });

  it('does not parse when the prefilter rules IDs out', () => {
    // A matcher whose prefilter never matches, although its pattern would: nothing may come back.
    const never: IdMatcher = { ...ids, prefilter: /(?!)/ };
    assert.deepEqual(scan('## SR-1: Title\nSee SR-2.', never), { items: [], mentions: [], problems: [] });
  });

  it('reports the same positions for CRLF as for LF line endings', () => {
    const lines = ['# Spec', '', '## THR-1: Replay', 'Mitigated by: MIT-1', '', 'Body SR-1.', '', '| ID | Title |', '|---|---|', '| SR-2 | Row |'];
    const lf = scan(lines.join('\n'));
    const crlf = scan(lines.join('\r\n'));
    assert.deepEqual(crlf, lf);
    assert.deepEqual(crlf.items.map(item), [
      { id: 'THR-1', idRange: '2:3-2:8', title: 'Replay', range: '2:0-2:16', form: 'heading' },
      { id: 'SR-2', idRange: '9:2-9:6', title: 'Row', range: '9:0-9:14', form: 'table' },
    ]);
    assert.deepEqual(crlf.items[0].attributes.map(attribute), [['mitigated-by', 'MIT-1', '3:14-3:19', 'MIT-1@3:14-3:19']]);
    assert.deepEqual(crlf.mentions.map((m) => at(m.range)), ['5:5-5:9']);
  });

  it('maps YAML block ranges on CRLF lines', () => {
    const valid = scan(['## MIT-1', '```yaml', 'mitigates: THR-1', '```'].join('\r\n'));
    assert.deepEqual(valid.items[0].attributes.map(attribute), [['mitigates', 'THR-1', '2:11-2:16', 'THR-1@2:11-2:16']]);
    const malformed = scan(['## MIT-1', '```yaml', 'mitigates: THR-1', 'owner: a: b', '```'].join('\r\n'));
    assert.deepEqual(malformed.problems.map((p) => [p.code, at(p.range)]), [['parse-error', '3:7-3:8']]);
  });

  it('counts a byte order mark as the character it is', () => {
    const { items } = scan('\uFEFF## SR-1: Title\nSee SR-2.');
    assert.deepEqual(items.map(item), [{ id: 'SR-1', idRange: '0:4-0:8', title: 'Title', range: '0:1-0:15', form: 'heading' }]);
  });

  it('reads items nested moderately deep', () => {
    const text = '> '.repeat(50) + '## SR-1: Deep';
    assert.deepEqual(scan(text).items.map(item), [{ id: 'SR-1', idRange: '0:103-0:107', title: 'Deep', range: '0:100-0:113', form: 'heading' }]);
  });

  const deep: [string, string, string][] = [
    ['10,000 block quotes', '> '.repeat(10_000) + 'SR-1', '0:0-0:0'],
    ['10,000 list items', 'SR-0\n' + '- '.repeat(10_000) + 'SR-1', '1:0-1:0'],
    ['10,000 ordered list items', '1. '.repeat(10_000) + 'SR-1', '0:0-0:0'],
    ['2,000 list items by indentation', Array.from({ length: 2_000 }, (_, depth) => `${'  '.repeat(depth)}- SR-1`).join('\n'), '100:0-100:0'],
  ];
  for (const [what, text, range] of deep) {
    it(`reports ${what} nested in each other as a problem instead of throwing`, () => {
      const result = scan(text);
      assert.deepEqual(result.problems.map((p) => [p.code, at(p.range)]), [['parse-error', range]]);
      assert.match(result.problems[0].message, /nested more than 100 levels/);
    });
  }

  it('turns an exception during the scan into a parse-error at line 0', () => {
    const broken: IdMatcher = { ...ids, get pattern(): RegExp { throw new Error('boom'); } };
    const result = scan('## SR-1', broken);
    assert.deepEqual(result.problems.map((p) => [p.code, at(p.range), p.message]), [['parse-error', '0:0-0:0', 'Could not parse Markdown: boom']]);
    const overflowing: IdMatcher = { ...ids, get pattern(): RegExp { throw new RangeError('Maximum call stack size exceeded'); } };
    assert.deepEqual(scan('## SR-1', overflowing).problems.map((p) => p.message), ['Markdown nested too deeply to parse; the file was not scanned']);
  });

  it('never throws on arbitrary Markdown-ish text, and every reported ID range holds that ID', () => {
    const token = fc.constantFrom(
      '#', '## ', ' ', '\n', '\r\n', '|', '-', '---', '`', '```', '```yaml', '>', '*', '_', ':', ': ', '[', '](', ')',
      '<!--', '-->', '\\', '&amp;', 'SR-1', 'THR-2', 'MIT-3.1', 'ID', 'Mitigated by', 'a', '1. ', '\t', '+++',
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
      const text = tokens.join('');
      const result = scan(text);
      const refs = [...result.mentions, ...result.items.flatMap((i) => [{ id: i.id, range: i.idRange }, ...i.attributes.flatMap((a) => a.refs)])];
      for (const ref of refs) assert.equal(textAt(text, ref.range), ref.id, JSON.stringify(text));
    }), { numRuns: 300, seed: 81001 });
  });
});
