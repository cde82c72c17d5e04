// OpenFastTrace's link statuses, coverage and defects, each in a small workspace, with the verdict line
// OFT would print (`ok - N total` / `not ok - N total, M defect`) derived by hand from OFT's rules.
// @verifies ST-32
import { strict as assert } from 'node:assert';
import { formatOftVerdict, oftVerdict } from '../../../src/core/importers';
import { traceOft } from '../../../src/core/importers/oft/trace';
import { joinLines } from '../../support/text';
import { findingKeys, messages, trace } from './helpers';

const spec = (...lines: string[]) => joinLines('# Spec', '', ...lines);
const verdict = (snapshot: Awaited<ReturnType<typeof trace>>['snapshot']) => formatOftVerdict(oftVerdict(snapshot.graph, snapshot.config));
/** `status:other id` for every link of the item with this ID. */
const linksOf = (snapshot: Awaited<ReturnType<typeof trace>>['snapshot'], id: string) =>
  traceOft(snapshot.graph).items.filter((i) => i.item.id === id || i.item.id.startsWith(id)).flatMap((i) => i.links.map((l) => `${l.status}:${l.otherId}`)).sort();

describe('importers: OpenFastTrace link statuses and defects', () => {
  it('covers: a needed artifact type covers the item; nothing is a defect', async () => {
    const { snapshot } = await trace({
      'doc/spec.md': spec('`dsn~a~1`', '', 'Needs: impl, utest'),
      'src/A.java': '// [impl->dsn~a~1]\n',
      'src/test/ATest.java': '// [utest->dsn~a~1]\n',
    });
    assert.deepEqual(findingKeys(snapshot), []);
    assert.equal(verdict(snapshot), 'ok - 3 total');
    assert.deepEqual(linksOf(snapshot, 'dsn~a~1').map((l) => l.replace(/-\d+~0$/, '')), ['covered-shallow:impl~a', 'covered-shallow:utest~a']);
    assert.deepEqual(linksOf(snapshot, 'impl~a-'), ['covers:dsn~a~1']);
    assert.equal(snapshot.graph.implementationsOf('dsn~a~1').length, 1);
    assert.equal(snapshot.graph.testsOf('dsn~a~1').length, 1);
  });

  it('outdated: the tag covers an older revision; the item is then uncovered too', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~a~2`', 'Needs: impl'), 'src/A.java': '\n// [impl->dsn~a~1]\n' });
    assert.deepEqual(findingKeys(snapshot), ['uncovered doc/spec.md:3', 'outdated-coverage src/A.java:2']);
    assert.deepEqual(linksOf(snapshot, 'impl~a-'), ['orphaned:dsn~a~1', 'outdated:dsn~a~2']);
    assert.deepEqual(linksOf(snapshot, 'dsn~a~2'), [`covered-outdated:${traceOft(snapshot.graph).items.find((i) => i.item.fromTag)!.item.id}`]);
    assert.equal(verdict(snapshot), 'not ok - 2 total, 2 defect');
  });

  it('predated: the tag covers a newer revision than the item has', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~a~1`', 'Needs: impl'), 'src/A.java': '// [impl->dsn~a~2]\n' });
    assert.deepEqual(findingKeys(snapshot), ['uncovered doc/spec.md:3', 'predated-coverage src/A.java:1']);
    assert.deepEqual(linksOf(snapshot, 'impl~a-'), ['orphaned:dsn~a~2', 'predated:dsn~a~1']);
    assert.equal(verdict(snapshot), 'not ok - 2 total, 2 defect');
  });

  it('orphaned: the covered ID does not exist in any revision (not a native unknown-id)', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~missing~1`', 'Needs: impl', '', '`req~r~1`', 'Covers:', '* feat~gone~1'), 'src/A.java': '// [impl->dsn~missinng~1]\n' });
    assert.deepEqual(messages(snapshot), [
      'uncovered doc/spec.md:3 `dsn~missing~1` needs coverage by impl; nothing covers it with impl',
      'orphaned-coverage doc/spec.md:8 `req~r~1` covers `feat~gone~1`, which no specification defines',
      'orphaned-coverage src/A.java:1 this impl coverage tag covers `dsn~missinng~1`, which no specification defines (did you mean `dsn~missing~1`?)',
    ]);
    assert.equal(snapshot.findings[2].suggestion, 'dsn~missing~1');
    assert.equal(verdict(snapshot), 'not ok - 3 total, 3 defect');
  });

  it('unwanted: an artifact type the item does not need covers it; both ends are defects', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~a~1`', 'Needs: impl'), 'src/A.java': '// [impl->dsn~a~1]\n// [itest->dsn~a~1]\n' });
    assert.deepEqual(messages(snapshot), ['unwanted-coverage src/A.java:2 this itest coverage tag covers `dsn~a~1` with itest, which that item does not ask for (it needs impl)']);
    assert.equal(verdict(snapshot), 'not ok - 3 total, 2 defect');
  });

  it('ambiguous and duplicate: a covered ID defined twice; every duplicate is a defect', async () => {
    const { snapshot } = await trace({ 'doc/a.md': spec('`dsn~a~1`', 'Needs: impl'), 'doc/b.md': spec('`dsn~a~1`', 'Needs: impl'), 'src/A.java': '// [impl->dsn~a~1]\n' });
    assert.deepEqual(findingKeys(snapshot), ['uncovered doc/a.md:3', 'duplicate-id doc/b.md:3', 'uncovered doc/b.md:3', 'ambiguous-coverage src/A.java:1']);
    assert.equal(verdict(snapshot), 'not ok - 3 total, 3 defect');
  });

  it('duplicate items from named tags are duplicate-id findings; the item they cover is fine', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~a~1`', 'Needs: impl'), 'src/A.java': '// [impl~x~1->dsn~a~1]\n', 'src/B.java': '// [impl~x~1->dsn~a~1]\n' });
    assert.deepEqual(messages(snapshot), ['duplicate-id src/B.java:1 OpenFastTrace item `impl~x~1` is already defined at src/A.java:1']);
    assert.equal(verdict(snapshot), 'not ok - 3 total, 2 defect');
  });

  it('uncovered needs and deep coverage: an item whose covering item is uncovered is a defect without its own finding', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`feat~f~1`', 'Needs: req', '', '`req~r~1`', 'Covers:', '* feat~f~1', '', 'Needs: dsn') });
    assert.deepEqual(messages(snapshot), ['uncovered doc/spec.md:6 `req~r~1` needs coverage by dsn; nothing covers it with dsn']);
    const trace2 = traceOft(snapshot.graph);
    assert.deepEqual(trace2.items.map((i) => `${i.item.id} ${trace2.deepCoverage(i)} ${trace2.isDefect(i)}`), ['feat~f~1 uncovered true', 'req~r~1 uncovered true']);
    assert.equal(verdict(snapshot), 'not ok - 2 total, 2 defect');
  });

  it('a coverage cycle is never covered', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~a~1`', 'Covers:', '* dsn~b~1', '', 'Needs: dsn', '', '`dsn~b~1`', 'Covers:', '* dsn~a~1', '', 'Needs: dsn') });
    assert.deepEqual(findingKeys(snapshot), ['uncovered doc/spec.md:3', 'uncovered doc/spec.md:9']);
    assert.match(snapshot.findings[0].message, /covered in a cycle/);
    assert.equal(verdict(snapshot), 'not ok - 2 total, 2 defect');
  });

  it('forwarded coverage: the forwarding item covers the original and needs the target types', async () => {
    const { snapshot } = await trace({
      'doc/req.md': spec('`req~web-ui~1`', 'Needs: arch'),
      'doc/arch.md': spec('arch --> dsn : req~web-ui~1'),
      'doc/dsn.md': spec('`dsn~web-ui~1`', 'Covers:', '* arch~web-ui~1'),
    });
    assert.deepEqual(findingKeys(snapshot), []);
    assert.equal(verdict(snapshot), 'ok - 3 total');
  });

  it('OFT items get none of the native impl/test checks, and their needs are not native needs', async () => {
    const { snapshot } = await trace({ 'doc/spec.md': spec('`dsn~a~1`', 'Needs: impl, utest, dsn') });
    assert.deepEqual(findingKeys(snapshot), ['uncovered doc/spec.md:3']);
    assert.deepEqual(snapshot.graph.items.get('dsn~a~1')?.needs, []);
    assert.equal(snapshot.graph.items.get('dsn~a~1')?.kind, 'dsn');
  });

  it('auto-detection: without an OFT item in a spec, OFT tags are silent; listing oft applies the rules anyway', async () => {
    const files = { 'src/A.java': '// [impl->dsn~a~1]\n' };
    assert.deepEqual(findingKeys((await trace(files)).snapshot), []);
    assert.equal(verdict((await trace(files)).snapshot), 'ok - 0 total');
    const listed = (await trace({ ...files, '.sectrace.yaml': 'importers: [oft]\n' })).snapshot;
    assert.deepEqual(findingKeys(listed), ['orphaned-coverage src/A.java:1']);
    assert.equal(verdict(listed), 'not ok - 1 total, 1 defect');
  });

  it('the OFT finding codes follow the configured severities', async () => {
    const { snapshot } = await trace({ '.sectrace.yaml': 'severity: { uncovered: off }\n', 'doc/spec.md': spec('`dsn~a~1`', 'Needs: impl') });
    assert.deepEqual(findingKeys(snapshot), []);
    assert.equal(verdict(snapshot), 'not ok - 1 total, 1 defect');
  });
});
