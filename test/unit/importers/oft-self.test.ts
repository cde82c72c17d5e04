// OpenFastTrace tracing itself (a closed subset of its repository, test/fixtures/importers/oft-self):
// sectrace must count the items OFT counts and find the defects OFT finds. OFT cannot run here, so the
// expected verdicts are derived by hand from OFT's rules; each step of the derivation is in a comment.
// @verifies ST-31, ST-32
import { strict as assert } from 'node:assert';
import { formatOftVerdict, oftVerdict } from '../../../src/core/importers';
import { traceOft } from '../../../src/core/importers/oft/trace';
import { findingKeys, readFixture, trace } from './helpers';

const fixture = readFixture('oft-self');
const verdictOf = (snapshot: Awaited<ReturnType<typeof trace>>['snapshot']) => formatOftVerdict(oftVerdict(snapshot.graph, snapshot.config));

describe('importers: OpenFastTrace tracing itself (fixture)', () => {
  it('counts 23 specification items and 27 coverage tags, and finds no defect: ok - 50 total', async () => {
    const { snapshot } = await trace(fixture);
    assert.deepEqual(findingKeys(snapshot), []);
    const items = traceOft(snapshot.graph).items;
    assert.equal(items.filter((i) => !i.item.fromTag).length, 23);
    assert.equal(items.filter((i) => i.item.fromTag).length, 27);
    assert.equal(verdictOf(snapshot), 'ok - 50 total');
  });

  it('reads OFT\'s own quirks as OFT does', async () => {
    const { snapshot } = await trace(fixture);
    const covers = (id: string) => snapshot.graph.items.get(id)?.attributes.covers;
    // `* [feat~requirement-tracing~1](#requirement-tracing~1` (a broken link) still covers the feature.
    assert.equal(covers('req~cli.tracing.exit-status~1'), 'feat~requirement-tracing~1');
    // `* [feat~requirement-tracing](#requirement-tracing)` has no revision: not a reference.
    assert.equal(covers('req~cli.input-selection~1'), 'feat~command-line-interface~1');
    // The forwarding example between oft:off and oft:on is not an item.
    assert.equal(snapshot.graph.items.has('arch~skip-this-requirement~1'), false);
    // A title separated from its ID by an empty line is still the title.
    assert.equal(snapshot.graph.items.get('req~cli.tracing.exit-status~1')?.title, 'Tracing Exit Status');
    // The tag inside a string literal (split, as OFT's tests write them) is not an item.
    assert.equal(snapshot.graph.testsOf('dsn~tracing.defect-items~2').length, 1);
  });

  it('raising a design revision without updating the tags: not ok - 50 total, 7 defect', async () => {
    const design = fixture['doc/spec/design.md'].replace('`dsn~tracing.deep-coverage~1`', '`dsn~tracing.deep-coverage~2`');
    const { snapshot } = await trace({ ...fixture, 'doc/spec/design.md': design });
    // dsn~tracing.deep-coverage~2 needs impl and utest but the four tags still cover revision 1:
    //   each tag item is orphaned and outdated (4 defects); the design item has covered-outdated links
    //   and no coverage (1 defect, `uncovered`); req~tracing.deep-coverage~1 is covered shallow by it but
    //   not deeply (1 transitive defect), and so is feat~requirement-tracing~1 above it (1 more).
    assert.deepEqual(findingKeys(snapshot), [
      'outdated-coverage api/src/main/java/org/itsallcode/openfasttrace/api/core/LinkedSpecificationItem.java:9',
      'outdated-coverage api/src/test/java/org/itsallcode/openfasttrace/api/core/TestLinkedSpecificationItem.java:10',
      'outdated-coverage api/src/test/java/org/itsallcode/openfasttrace/api/core/TestLinkedSpecificationItem.java:15',
      'outdated-coverage core/src/test/java/org/itsallcode/openfasttrace/core/TestTracer.java:5',
      'uncovered doc/spec/design.md:91',
    ]);
    const defects = traceOft(snapshot.graph).defects.map((d) => (d.item.fromTag ? `${d.item.type} tag` : d.item.id)).sort();
    assert.deepEqual(defects, ['dsn~tracing.deep-coverage~2', 'feat~requirement-tracing~1', 'impl tag', 'req~tracing.deep-coverage~1', 'utest tag', 'utest tag', 'utest tag']);
    assert.equal(verdictOf(snapshot), 'not ok - 50 total, 7 defect');
  });

  it('deleting a requirement orphans the design items that cover it', async () => {
    const requirements = fixture['doc/spec/system_requirements.md'].replace('`req~tracing.link-cycle~1`', 'Former requirement.');
    const { snapshot } = await trace({ ...fixture, 'doc/spec/system_requirements.md': requirements });
    // dsn~tracing.link-cycle~1 now covers nothing that exists: one orphaned link, one defect. The removed
    // item's title and text now belong to req~tracing.defect-items~2's description; nothing else changes.
    assert.deepEqual(findingKeys(snapshot), ['orphaned-coverage doc/spec/design.md:130']);
    assert.equal(verdictOf(snapshot), 'not ok - 49 total, 1 defect');
  });
});
