// Change-impact findings: suspect links, unpinned links, changes since review, unreviewed items; the
// review store is read with the configuration and re-read when it changes.
// @verifies ST-52, ST-53
import * as assert from 'node:assert/strict';
import { createTraceService, parseConfig } from '../../../src/core';
import { pinOf } from '../../../src/core/impact/fingerprint';
import { REVIEWS_FILE, serializeReviews } from '../../../src/core/impact/reviews';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { fingerprintIn, keysOf, trace, TODAY } from './helpers';

const SPEC = '## SR-1: Lock the pump\n\nLock after three failed attempts.\n\n## SR-2: Audit\n\nLog every command.\n';
const CODES = ['suspect-link', 'unpinned-link', 'changed-since-review', 'unreviewed', 'config-error'];

async function pinnedTo(spec: string): Promise<string> {
  const { snapshot } = await trace({ 'docs/spec.md': spec });
  return pinOf(fingerprintIn(snapshot, 'SR-1'));
}

describe('impact: findings', () => {
  it('a pin that matches the item is silent; after the item changes every pinned tag is suspect', async () => {
    const pin = await pinnedTo(SPEC);
    const files = { 'src/a.ts': `// @implements SR-1#${pin}\n// @implements SR-2\n`, 'test/a.test.ts': `// @verifies SR-1#${pin}\n` };
    const before = await trace({ 'docs/spec.md': SPEC, ...files });
    assert.deepEqual(keysOf(before.snapshot, ...CODES), []);
    const after = await trace({ 'docs/spec.md': SPEC.replace('three', 'five'), ...files });
    assert.deepEqual(keysOf(after.snapshot, ...CODES), ['suspect-link src/a.ts:1', 'suspect-link test/a.test.ts:1']);
    const finding = after.snapshot.findings.find((f) => f.code === 'suspect-link');
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.id, 'SR-1');
    assert.match(finding?.message ?? '', new RegExp(`requirement \`SR-1\` changed after this link was pinned \\(pinned #${pin}, now #[0-9a-f]{6}\\): review this code`));
    // The finding covers the ID and its pin.
    assert.deepEqual(finding?.location.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 26 } });
  });

  it('formatting the item does not make its links suspect', async () => {
    const pin = await pinnedTo(SPEC);
    const { snapshot } = await trace({ 'docs/spec.md': SPEC.replace('Lock after three', '**Lock**   after\nthree'), 'src/a.ts': `// @implements SR-1#${pin}\n` });
    assert.deepEqual(keysOf(snapshot, ...CODES), []);
  });

  it('a pin written with more digits matches by prefix; a wrong one is suspect at once', async () => {
    const { snapshot: base } = await trace({ 'docs/spec.md': SPEC });
    const full = fingerprintIn(base, 'SR-1');
    const { snapshot } = await trace({ 'docs/spec.md': SPEC, 'src/a.ts': `// @implements SR-1#${full}\n// @implements SR-1#000000\n` });
    assert.deepEqual(keysOf(snapshot, ...CODES), ['suspect-link src/a.ts:2']);
  });

  it('unpinned tags are not checked unless require-pins is set; then each is unpinned-link', async () => {
    const files = { 'docs/spec.md': SPEC, 'src/a.ts': '// @implements SR-1, SR-2\n', 'test/a.test.ts': '// @verifies SR-1\n// @verifies SR-99\n' };
    assert.deepEqual(keysOf((await trace(files)).snapshot, ...CODES), []);
    const { snapshot } = await trace({ ...files, '.sectrace.yaml': 'require-pins: true\n' });
    assert.deepEqual(keysOf(snapshot, ...CODES), ['unpinned-link src/a.ts:1', 'unpinned-link src/a.ts:1', 'unpinned-link test/a.test.ts:1']);
    assert.match(snapshot.findings.find((f) => f.code === 'unpinned-link')?.message ?? '', /does not pin `SR-1`: write `SR-1#[0-9a-f]{6}`/);
  });

  it('imported tags (OpenFastTrace coverage tags) are never asked for pins', async () => {
    const { snapshot } = await trace({
      '.sectrace.yaml': 'require-pins: true\nimporters: [oft]\nprefixes: { SR: requirement }\n',
      'docs/spec.md': '# Spec\n\n### Lock\n`req~lock~1`\n\nNeeds: impl\n',
      'src/a.ts': '// [impl->req~lock~1]\n',
    });
    assert.equal(snapshot.graph.traces.length, 1);
    assert.deepEqual(keysOf(snapshot, 'unpinned-link'), []);
  });

  it('severities are configurable like every other code', async () => {
    const pin = await pinnedTo(SPEC);
    const files = { 'docs/spec.md': SPEC.replace('three', 'five'), 'src/a.ts': `// @implements SR-1#${pin}\n` };
    const { snapshot } = await trace({ ...files, '.sectrace.yaml': 'severity: { suspect-link: error }\n' });
    assert.equal(snapshot.findings.find((f) => f.code === 'suspect-link')?.severity, 'error');
    assert.equal(snapshot.summary.verdict, 'fail');
    const off = await trace({ ...files, '.sectrace.yaml': 'severity: { suspect-link: off }\n' });
    assert.deepEqual(keysOf(off.snapshot, ...CODES), []);
  });

  describe('review stamps', () => {
    const stamp = (fingerprint: string, text?: string) => serializeReviews([{ id: 'SR-1', fingerprint, by: 'Dana Reviewer', date: '2026-06-01', ...(text ? { text } : {}) }]);

    it('changed-since-review when the stamp no longer matches, naming reviewer, date and what changed', async () => {
      const { snapshot: base } = await trace({ 'docs/spec.md': SPEC });
      const fingerprint = fingerprintIn(base, 'SR-1');
      const reviews = stamp(fingerprint, 'Lock the pump\n\nLock after three failed attempts.');
      assert.deepEqual(keysOf((await trace({ 'docs/spec.md': SPEC, [REVIEWS_FILE]: reviews })).snapshot, ...CODES), []);
      const { snapshot } = await trace({ 'docs/spec.md': SPEC.replace('three', 'five'), [REVIEWS_FILE]: reviews });
      assert.deepEqual(keysOf(snapshot, ...CODES), ['changed-since-review docs/spec.md:1']);
      const message = snapshot.findings.find((f) => f.code === 'changed-since-review')?.message ?? '';
      assert.match(message, new RegExp(`requirement \`SR-1\` changed after its review by Dana Reviewer on 2026-06-01 \\(reviewed #${pinOf(fingerprint)}, now #[0-9a-f]{6}; changed: description\\)`));
    });

    it('the stamp text of the pinned version says what changed in a suspect link', async () => {
      const { snapshot: base } = await trace({ 'docs/spec.md': SPEC });
      const fingerprint = fingerprintIn(base, 'SR-1');
      const { snapshot } = await trace({
        'docs/spec.md': SPEC.replace('Lock the pump', 'Lock the device'),
        [REVIEWS_FILE]: stamp(fingerprint, 'Lock the pump\n\nLock after three failed attempts.'),
        'src/a.ts': `// @implements SR-1#${pinOf(fingerprint)}\n`,
      });
      assert.match(snapshot.findings.find((f) => f.code === 'suspect-link')?.message ?? '', /; changed: title\)/);
    });

    it('unreviewed is off by default and on for the kinds listed in reviews.required', async () => {
      const files = { 'docs/spec.md': SPEC + '\n## THR-1: Replay\nstatus: accepted\nowner: o\nrationale: r\nreview-by: 2099-01-01\n' };
      assert.deepEqual(keysOf((await trace(files)).snapshot, ...CODES), []);
      const { snapshot } = await trace({ ...files, '.sectrace.yaml': 'reviews: { required: [requirement] }\n' });
      assert.deepEqual(keysOf(snapshot, ...CODES), ['unreviewed docs/spec.md:1', 'unreviewed docs/spec.md:5']);
      const { snapshot: base } = await trace(files);
      const reviewed = await trace({ ...files, '.sectrace.yaml': 'reviews: { required: [requirement, threat] }\n', [REVIEWS_FILE]: stamp(fingerprintIn(base, 'SR-1')) });
      assert.deepEqual(keysOf(reviewed.snapshot, ...CODES), ['unreviewed docs/spec.md:5', 'unreviewed docs/spec.md:9']);
    });

    it('problems in the store are config-error findings at its lines; good entries still count', async () => {
      const { snapshot: base } = await trace({ 'docs/spec.md': SPEC });
      const good = fingerprintIn(base, 'SR-1');
      const text = `version: 1\nreviews:\n  SR-1:\n    fingerprint: ${good}\n    by: A\n    date: 2026-06-01\n  SR-2:\n    fingerprint: XYZ\n    by: B\n    date: yesterday\n`;
      const { snapshot } = await trace({ 'docs/spec.md': SPEC, [REVIEWS_FILE]: text });
      assert.deepEqual(keysOf(snapshot, ...CODES), [`config-error ${REVIEWS_FILE}:8`]);
      assert.equal(snapshot.reviews.stamps.size, 1);
      const broken = await trace({ 'docs/spec.md': SPEC, [REVIEWS_FILE]: 'reviews: [\n' });
      assert.equal(broken.snapshot.findings.find((f) => f.code === 'config-error')?.severity, 'error');
    });

    it('the service re-reads the store when it changes on disk or in an editor buffer', async () => {
      const workspace = createMemoryWorkspace({ 'docs/spec.md': SPEC });
      const service = createTraceService({ workspace, now: () => TODAY });
      await service.index();
      const fingerprint = fingerprintIn(service.snapshot(), 'SR-1');
      workspace.write(REVIEWS_FILE, stamp(fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
      await service.refresh([REVIEWS_FILE]);
      assert.deepEqual(keysOf(service.snapshot(), ...CODES), ['changed-since-review docs/spec.md:1']);
      service.setOverlay(REVIEWS_FILE, stamp(fingerprint));
      await service.refresh([REVIEWS_FILE]);
      assert.deepEqual(keysOf(service.snapshot(), ...CODES), []);
      assert.equal(service.snapshot().graph.fileFacts(REVIEWS_FILE), undefined, 'an open store is not traced either');
      service.setOverlay(REVIEWS_FILE, undefined);
      workspace.remove(REVIEWS_FILE);
      await service.refresh([REVIEWS_FILE]);
      assert.equal(service.snapshot().reviews.stamps.size, 0);
      // The store is tool state, not product code: never scanned as a YAML file.
      assert.equal(service.snapshot().graph.fileFacts(REVIEWS_FILE), undefined);
    });
  });

  describe('configuration', () => {
    it('reads require-pins and reviews.required, and reports bad values at their lines', () => {
      const ok = parseConfig('require-pins: true\nreviews:\n  required: [requirement, mitigation]\n');
      assert.deepEqual(ok.problems, []);
      assert.equal(ok.config.requirePins, true);
      assert.deepEqual(ok.config.reviews.required, ['requirement', 'mitigation']);
      const bad = parseConfig('require-pins: yes please\nreviews:\n  required: [Requirement]\n  who: me\n');
      assert.deepEqual(bad.problems.map((p) => [p.message.replace(/ \(.*/, ''), p.range.start.line, p.fatal]), [
        ['`require-pins` must be true or false', 0, true],
        ['`reviews.required` must be a list of kinds, for example `[requirement, mitigation]`', 2, true],
        ['unknown key `reviews.who`', 3, false],
      ]);
      assert.equal(parseConfig('').config.requirePins, false);
      assert.deepEqual(parseConfig('').config.reviews.required, []);
    });
  });
});
