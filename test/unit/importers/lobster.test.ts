// LOBSTER tracing tags: the lobster-python documentation's forms (trace, version, exclusion with its
// justification) and a finding for every malformed tag.
// @verifies ST-35, ST-36
import { strict as assert } from 'node:assert';
import { findingKeys, readFixture, scan, textAt, trace } from './helpers';

const problems = (text: string) => scan('src/a.py', text).problems.map((p) => p.message);

describe('importers: LOBSTER', () => {
  it('the documentation examples: traces resolve by name; a TRLC name no spec defines is unknown', async () => {
    const { snapshot } = await trace(readFixture('lobster'));
    assert.deepEqual(findingKeys(snapshot), ['unknown-id src/potato.py:3']);
    assert.deepEqual(snapshot.graph.tracesOf('REQ-1').map((t) => `${t.tag} ${t.role} ${t.location.file}`), ['implements code src/xor.cpp', 'verifies test tests/test_xor.py']);
  });

  it('reads a trace with its exact range, several names, and a version', () => {
    const text = '    # lobster-trace: pkg.req_a, pkg.req-b@3\n';
    const [tag] = scan('src/a.py', text).tags;
    assert.deepEqual(tag.refs.map((r) => textAt(text, r.range)), ['pkg.req_a', 'pkg.req-b']);
    assert.deepEqual(tag.imported, { format: 'lobster', attributes: { versions: 'pkg.req-b@3' } });
  });

  it('an exclusion with a reason adds nothing; without one it is a finding', () => {
    const facts = scan('src/a.py', '# lobster-exclude: Not safety relevant\n');
    assert.deepEqual([facts.tags, facts.problems], [[], []]);
    assert.deepEqual(problems('# lobster-exclude:\n'), ['`lobster-exclude:` needs a reason: LOBSTER requires a justification for every exclusion']);
  });

  it('reports malformed tags instead of dropping them', () => {
    assert.deepEqual(problems('# lobster-trace:\n'), ['`lobster-trace:` names no requirement']);
    assert.deepEqual(problems('# lobster-trace: a.b c.d\n'), ['`a.b c.d` is not a LOBSTER requirement name (letters, digits, `_`, `.`, `-`, optionally `@version`)']);
    assert.deepEqual(problems('# lobster-trace REQ-1\n'), ['`lobster-trace` needs a colon: `lobster-trace: package.requirement`']);
    assert.deepEqual(problems('# lobster-traces: REQ-1\n'), ['`lobster-traces` is not a LOBSTER tag (use `lobster-trace:` or `lobster-exclude:`)']);
    assert.deepEqual(problems('# see the lobster-trace tool\n'), []);
  });

  it('reads tags in comments only, and not when LOBSTER is not among the listed importers', () => {
    assert.deepEqual(scan('src/a.py', 's = "# lobster-trace: REQ-1"\n').tags, []);
    assert.deepEqual(scan('src/a.py', '# lobster-trace: REQ-1\n', 'importers: [strictdoc]\n').tags, []);
  });
});
