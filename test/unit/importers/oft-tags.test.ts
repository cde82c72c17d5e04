// OpenFastTrace coverage tags in code comments: every form of OFT's full coverage tag, the items OFT
// generates for them, and a finding for text that looks like a tag but is not one.
// @verifies ST-31, ST-36
import { strict as assert } from 'node:assert';
import { tagItems } from '../../../src/core/importers/oft/trace';
import { joinLines } from '../../support/text';
import { scan, textAt } from './helpers';

describe('importers: OpenFastTrace coverage tags', () => {
  it('[impl->dsn~name~1] is an implements trace whose ref is the covered ID at its exact place', () => {
    const text = '    // [impl->dsn~import.full-coverage-tag~1]\n';
    const facts = scan('src/main/java/Tag.java', text);
    assert.equal(facts.tags.length, 1);
    const [tag] = facts.tags;
    assert.equal(tag.tag, 'implements');
    assert.deepEqual(tag.refs.map((r) => r.id), ['dsn~import.full-coverage-tag~1']);
    assert.equal(textAt(text, tag.refs[0].range), 'dsn~import.full-coverage-tag~1');
    assert.equal(textAt(text, tag.range), '[impl->dsn~import.full-coverage-tag~1]');
    assert.deepEqual(tag.imported, { format: 'oft', attributes: { type: 'impl', line: '1', index: '0' } });
  });

  it('test artifact types (utest, itest) are verifies traces', () => {
    const facts = scan('src/main/java/A.java', '// [utest->dsn~a~1] [itest -> dsn~b~1]\n');
    assert.deepEqual(facts.tags.map((t) => t.tag), ['verifies', 'verifies']);
    assert.deepEqual(facts.tags.map((t) => t.imported?.attributes.index), ['0', '1']);
  });

  it('generates OFT item IDs: a checksum name without needs, a readable name with needs', () => {
    const [plain] = scan('source.file', '').tags;
    assert.equal(plain, undefined);
    const tags = scan('src/a.ts', joinLines('', '', '', '// [impl -> dsn~covered~2]', '// [impl -> dsn~first~2, dsn~second~3 >> utest]')).tags;
    const generated = tags.flatMap((t) => tagItems('source.file', t).map((i) => `${i.id} covers ${i.covers.map((c) => c.id).join(',')} needs ${i.needs.join(',')}`));
    // The first ID is OFT's own unit test expectation for this tag on line 4 of "source.file".
    assert.deepEqual(generated, [
      'impl~covered-3014110766~0 covers dsn~covered~2 needs ',
      'impl~first~0 covers dsn~first~2 needs utest',
      'impl~second~0 covers dsn~second~3 needs utest',
    ]);
  });

  it('a named tag is one item covering all its IDs; `~~2` sets only the revision', () => {
    const tags = scan('src/a.ts', '// [impl~tag~1 -> dsn~first~2, dsn~second~3 >> utest, itest] [impl~~2->dsn~x~1]\n').tags;
    const [named, revised] = tags.map((t) => tagItems('src/a.ts', t));
    assert.deepEqual(named.map((i) => [i.id, i.covers.map((c) => c.id), i.needs]), [['impl~tag~1', ['dsn~first~2', 'dsn~second~3'], ['utest', 'itest']]]);
    assert.equal(revised.length, 1);
    assert.match(revised[0].id, /^impl~x-\d+~2$/);
  });

  it('reads tags in comments only, and only in files OFT reads (by extension)', () => {
    assert.equal(scan('src/a.ts', 'const s = "[impl->dsn~a~1]";\n').tags.length, 0);
    assert.equal(scan('src/a.ts', '/* [impl->dsn~a~1] */\n').tags.length, 1);
    assert.equal(scan('src/a.py', '# [impl->dsn~a~1]\n').tags.length, 1);
    assert.equal(scan('src/a.rb', '# [impl->dsn~a~1]\n').tags.length, 0);
  });

  it('OFT IDs elsewhere in a comment are mentions, so the editor can navigate them', () => {
    const facts = scan('src/a.ts', '// see dsn~a~1 and [impl->dsn~b~1]\n');
    assert.deepEqual(facts.mentions.map((m) => m.id), ['dsn~a~1']);
  });

  it('a tag spread over two lines is not a tag (OFT reads line by line)', () => {
    assert.equal(scan('src/a.ts', '// [impl->\n// dsn~a~1]\n').tags.length, 0);
  });

  it('text that looks like a tag but is not one is a malformed-tag finding', () => {
    for (const bad of ['[impl->dsn~a]', '[impl->dsn~a~1', '[impl ->dsn~a~x]', '[impl~x->dsn~a~1]']) {
      const facts = scan('src/a.ts', `// ${bad}\n`);
      assert.equal(facts.tags.length, 0, bad);
      assert.deepEqual(facts.problems.map((p) => p.code), ['malformed-tag'], bad);
    }
    assert.deepEqual(scan('src/a.ts', '// array[i->next] and ~1\n').problems, []);
  });

  it('reads nothing when OFT is not among the listed importers', () => {
    assert.deepEqual(scan('src/a.ts', '// [impl->dsn~a~1]\n', 'importers: [lobster]\n').tags, []);
  });
});
