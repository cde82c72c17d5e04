// StrictDoc source markers: the forms of StrictDoc's documentation (file, class, function, line and
// range scopes, roles, skip blocks, markers split over lines), and a finding for every marker StrictDoc
// would refuse.
// @verifies ST-34, ST-36
import { strict as assert } from 'node:assert';
import { joinLines } from '../../support/text';
import { findingKeys, readFixture, scan, textAt, trace } from './helpers';

const tags = (file: string, text: string) => scan(file, text).tags.map((t) => `${t.tag} ${t.refs.map((r) => r.id).join(',')} ${t.imported?.attributes.scope}${t.imported?.attributes.role ? ` ${t.imported.attributes.role}` : ''}`);
const problems = (text: string) => scan('src/a.py', text).problems.map((p) => p.message);

describe('importers: StrictDoc', () => {
  it('the documentation examples trace every requirement: no findings', async () => {
    const { snapshot } = await trace(readFixture('strictdoc'));
    assert.deepEqual(findingKeys(snapshot), []);
    const lines = (id: string) => snapshot.graph.tracesOf(id).map((t) => `${t.tag} ${t.role} ${t.location.file}:${t.location.range.start.line + 1}`);
    assert.deepEqual(lines('REQ-001'), ['implements code src/hello.py:3', 'implements code src/hello.py:19', 'verifies test tests/test_hello.py:1']);
    assert.deepEqual(lines('REQ-002'), ['implements code src/hello.py:20', 'implements code src/log.c:4', 'verifies test tests/test_hello.py:8']);
    // The range inside the skip block is ignored; the closing marker of the real range is a reference.
    assert.deepEqual(lines('REQ-003'), ['implements code src/hello.py:13']);
    assert.deepEqual(snapshot.graph.referencesOf('REQ-003').map((l) => l.range.start.line + 1), [15]);
  });

  it('reads each scope and the role: verification roles are verifies tags', () => {
    assert.deepEqual(tags('src/a.ts', joinLines(
      '// @relation(REQ-1, scope=file)',
      '// @relation(REQ-1, REQ-2, scope=function, role=Implementation)',
      '// @relation{REQ-1, scope=class}',
      '// @relation(REQ-1, scope=line, role=Verifies)',
    )), ['implements REQ-1 file', 'implements REQ-1,REQ-2 function Implementation', 'implements REQ-1 class', 'verifies REQ-1 line Verifies']);
  });

  it('keeps StrictDoc UIDs that are not sectrace IDs, with their exact ranges', () => {
    const text = '// @relation(SDOC-SRS-26, roots.worktree-update, scope=function)\n';
    const [tag] = scan('src/a.rs', text).tags;
    assert.deepEqual(tag.refs.map((r) => textAt(text, r.range)), ['SDOC-SRS-26', 'roots.worktree-update']);
  });

  it('reports markers StrictDoc refuses, instead of dropping them', () => {
    assert.deepEqual(problems('# @relation(REQ-1)\n'), ['the `@relation` marker has no `scope=` (one of file, class, function, line, range_start, range_end)']);
    assert.deepEqual(problems('# @relation(REQ-1, scope=method)\n'), ['unknown scope `method` (one of file, class, function, line, range_start, range_end)']);
    assert.deepEqual(problems('# @relation(REQ 1, scope=file)\n'), ['`REQ 1` is not a requirement ID StrictDoc accepts']);
    assert.deepEqual(problems('# @relation(scope=file)\n'), ['the `@relation` marker names no requirement']);
    assert.deepEqual(problems('# @relation(REQ-1, scope=file\nx = 1\n'), ['the `@relation` marker is not closed in this comment']);
    assert.deepEqual(problems('# @relation(REQ-1, scope=range_start)\n'), ['`@relation(REQ-1, scope=range_start)` has no matching `scope=range_end`; StrictDoc refuses the file']);
    assert.deepEqual(problems('# @relation(REQ-1, scope=range_end)\n'), ['`@relation(REQ-1, scope=range_end)` closes no `scope=range_start`; StrictDoc refuses the file']);
    assert.deepEqual(problems('# the @relation keyword in prose\n'), []);
  });

  it('the marker replaces the native mention of a configured ID inside it', () => {
    const facts = scan('src/a.py', '# @relation(REQ-1, scope=file)\n');
    assert.deepEqual(facts.mentions, []);
    assert.equal(facts.tags.length, 1);
  });

  it('unknown requirements are unknown-id findings, as for native tags', async () => {
    const { snapshot } = await trace({ 'src/a.py': '# @relation(REQ-9, scope=file)\n' });
    assert.deepEqual(findingKeys(snapshot), ['unknown-id src/a.py:1']);
  });

  it('reads nothing when StrictDoc is not among the listed importers', () => {
    assert.deepEqual(scan('src/a.py', '# @relation(REQ-1, scope=file)\n', 'importers: [oft]\n').tags, []);
  });
});
