// Attribute paragraphs: the first block under a heading, when every line of it is `key: value`.
// @verifies ST-16
import * as assert from 'node:assert/strict';
import { attribute, joinLines, mentions, scan } from './helpers';

describe('markdown scanner: attribute paragraphs', () => {
  it('reads plain `key: value` lines with exact value and reference ranges', () => {
    const text = joinLines('## THR-1: Replay', 'Severity: high', 'Mitigated by: MIT-1, MIT-2', '', 'Body text.');
    const [threat] = scan(text).items;
    assert.deepEqual(threat.attributes.map(attribute), [
      ['severity', 'high', '1:10-1:14'],
      ['mitigated-by', 'MIT-1, MIT-2', '2:14-2:26', 'MIT-1@2:14-2:19', 'MIT-2@2:21-2:26'],
    ]);
    assert.equal(threat.description, 'Body text.');
    assert.deepEqual(mentions(text), [], 'IDs in attribute values are references of the attribute, not mentions');
  });

  const keyForms: [string, string[]][] = [
    ['**Severity:** high', ['severity', 'high', '1:14-1:18']],
    ['**Severity**: high', ['severity', 'high', '1:14-1:18']],
    ['*Severity*: high', ['severity', 'high', '1:12-1:16']],
    ['__Severity__: high', ['severity', 'high', '1:14-1:18']],
    ['SEVERITY: High', ['severity', 'High', '1:10-1:14']],
    ['Risk_Owner: Team A', ['risk-owner', 'Team A', '1:12-1:18']],
    ['Mitigated  By : MIT-1', ['mitigated-by', 'MIT-1', '1:16-1:21', 'MIT-1@1:16-1:21']],
    ['  Status:   open  ', ['status', 'open', '1:12-1:16']],
  ];
  for (const [line, expected] of keyForms) {
    it(`reads \`${line}\``, () => {
      assert.deepEqual(scan(joinLines('## THR-1', line)).items[0].attributes.map(attribute), [expected]);
    });
  }

  it('removes inline formatting from values but keeps link targets out of the references', () => {
    const text = joinLines('## THR-1', 'Mitigated by: [MIT-1](#MIT-1), `MIT-2`', 'Severity: *high*');
    assert.deepEqual(scan(text).items[0].attributes.map(attribute), [
      ['mitigated-by', 'MIT-1, MIT-2', '1:14-1:38', 'MIT-1@1:15-1:20', 'MIT-2@1:32-1:37'],
      ['severity', 'high', '2:10-2:16'],
    ]);
  });

  it('drops the backslash of a hard line break from the value', () => {
    const text = joinLines('## THR-1', 'Severity: high\\', 'Status: open');
    assert.deepEqual(scan(text).items[0].attributes.map(attribute), [['severity', 'high', '1:10-1:14'], ['status', 'open', '2:8-2:12']]);
  });

  it('treats a paragraph with any line that is not `key: value` as description, with mentions', () => {
    const text = joinLines('## THR-1: Replay', 'Severity: high', 'An attacker defeats MIT-1 here.');
    const { items, mentions: found } = scan(text);
    assert.deepEqual(items[0].attributes, []);
    assert.equal(items[0].description, 'Severity: high An attacker defeats MIT-1 here.');
    assert.deepEqual(found.map((m) => m.id), ['MIT-1']);
  });

  const descriptions = [
    'The pump shall:',
    'See https://example.com/spec',
    'MIT-1: handled elsewhere',
    'Severity:',
  ];
  for (const line of descriptions) {
    it(`treats \`${line}\` as description, not as an attribute`, () => {
      const [threat] = scan(joinLines('## THR-1', line)).items;
      assert.deepEqual([threat.attributes, threat.description], [[], line]);
    });
  }

  it('reads attributes only from the first block under the heading', () => {
    const text = joinLines('## THR-1', 'Body first.', '', 'Severity: high');
    const [threat] = scan(text).items;
    assert.deepEqual(threat.attributes, []);
    assert.equal(threat.description, 'Body first.\nSeverity: high');
  });

  it('reads attribute lines inside a block quote', () => {
    const text = joinLines('> ## SR-1: Quoted', '> Refines: SR-2', '> Needs: test');
    assert.deepEqual(scan(text).items[0].attributes.map(attribute), [['refines', 'SR-2', '1:11-1:15', 'SR-2@1:11-1:15'], ['needs', 'test', '2:9-2:13']]);
  });
});
