// YAML attribute blocks: a fenced `yaml` block right under the heading, with ranges mapped into the document.
// @verifies ST-16
import * as assert from 'node:assert/strict';
import { at, attribute, item, joinLines, mentions, scan } from './helpers';

const fence = '```';

describe('markdown scanner: YAML attribute blocks', () => {
  it('reads scalars, block lists and flow lists with exact ranges', () => {
    const text = joinLines(
      '## MIT-1: Nonce',
      `${fence}yaml`,
      'mitigates: [THR-1, THR-2]',
      'Refined_by:',
      '  - SR-1',
      '  - SR-2  # not SR-9',
      'owner: "Team A"',
      'version: 1.10',
      fence,
      'Body.',
    );
    const [mitigation] = scan(text).items;
    assert.deepEqual(mitigation.attributes.map(attribute), [
      ['mitigates', 'THR-1, THR-2', '2:11-2:25', 'THR-1@2:12-2:17', 'THR-2@2:19-2:24'],
      ['refined-by', 'SR-1, SR-2', '4:2-5:8', 'SR-1@4:4-4:8', 'SR-2@5:4-5:8'],
      ['owner', 'Team A', '6:7-6:15'],
      ['version', '1.10', '7:9-7:13'],
    ]);
    assert.equal(mitigation.description, 'Body.');
    assert.deepEqual(mentions(text), [], 'the block is attributes: neither its values nor its comments are mentions');
  });

  it('accepts `yml` and an empty value', () => {
    const text = joinLines('## MIT-1', `${fence}YML`, 'mitigates: THR-1', 'status:', fence);
    assert.deepEqual(scan(text).items[0].attributes.map(attribute), [
      ['mitigates', 'THR-1', '2:11-2:16', 'THR-1@2:11-2:16'],
      ['status', '', '3:7-3:7'],
    ]);
  });

  it('maps ranges through block quote prefixes and fence indentation', () => {
    const quoted = joinLines('> ## SR-1: Quoted', `> ${fence}yaml`, '> refines: SR-2', `> ${fence}`);
    assert.deepEqual(scan(quoted).items[0].attributes.map(attribute), [['refines', 'SR-2', '2:11-2:15', 'SR-2@2:11-2:15']]);
    const indented = joinLines('## SR-1', `  ${fence}yaml`, '  refines: SR-2', `  ${fence}`);
    assert.deepEqual(scan(indented).items[0].attributes.map(attribute), [['refines', 'SR-2', '2:11-2:15', 'SR-2@2:11-2:15']]);
  });

  it('reports malformed YAML at its line, naming the item, and still defines the item', () => {
    const text = joinLines('# Mitigations', '', '## MIT-1: Nonce', `${fence}yaml`, 'mitigates: THR-1', 'owner: a: b', fence);
    const { items, problems } = scan(text);
    assert.deepEqual(items.map(item), [{ id: 'MIT-1', idRange: '2:3-2:8', title: 'Nonce', range: '2:0-2:15', form: 'heading' }]);
    assert.deepEqual(items[0].attributes, []);
    assert.deepEqual(problems.map((p) => [p.code, at(p.range)]), [['parse-error', '5:7-5:8']]);
    assert.match(problems[0].message, /^Malformed YAML in the attribute block of MIT-1: /);
  });

  it('reports duplicate keys as malformed YAML', () => {
    const { problems } = scan(joinLines('## MIT-1', `${fence}yaml`, 'a: 1', 'a: 2', fence));
    assert.deepEqual(problems.map((p) => [p.code, at(p.range)]), [['parse-error', '3:0-3:1']]);
  });

  it('reports a block that is not a mapping, and a mapping as a value', () => {
    const list = scan(joinLines('## MIT-1', `${fence}yaml`, '- THR-1', fence));
    assert.deepEqual(list.problems.map((p) => [p.code, at(p.range), p.message]), [
      ['invalid-attribute', '1:0-3:3', 'The attribute block of MIT-1 is not a YAML mapping of keys to values'],
    ]);
    const nested = scan(joinLines('## MIT-1', `${fence}yaml`, 'owner:', '  name: x', 'status: done', fence));
    assert.deepEqual(nested.items[0].attributes.map(attribute), [['status', 'done', '4:8-4:12']]);
    assert.deepEqual(nested.problems.map((p) => [p.code, at(p.range)]), [['invalid-attribute', '3:2-3:9']]);
  });

  it('leaves a YAML block that is not right under the heading alone: an example, not attributes', () => {
    const text = joinLines('## MIT-1', 'Example:', '', `${fence}yaml`, 'mitigates: THR-1', fence);
    const { items, mentions: found, problems } = scan(text);
    assert.deepEqual([items[0].attributes, found, problems], [[], [], []]);
    assert.equal(items[0].description, 'Example:\nmitigates: THR-1');
  });
});
