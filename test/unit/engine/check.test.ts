// Every finding code, including the cases where it must not fire. Each case is a tiny workspace.
// @verifies ST-9, ST-8, ST-2
import { strict as assert } from 'node:assert';
import { createTraceService } from '../../../src/core';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { joinLines } from '../../support/text';
import { findingKeys, trace } from './helpers';

const spec = (...lines: string[]) => joinLines(...lines);

describe('check: finding codes', () => {
  it('a fully traced requirement gives no findings', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## SR-1: Authenticate clinicians', 'Clinicians log in with a client certificate.'),
      'src/auth.ts': '// @implements SR-1\nexport const auth = 1;\n',
      'test/auth.test.ts': '// @verifies SR-1\n',
    });
    assert.deepEqual(findingKeys(snapshot), []);
  });

  it('unimplemented and unverified fire on the item heading', async () => {
    const { snapshot } = await trace({ 'docs/spec.md': spec('# Spec', '', '## SR-1: Authenticate') });
    assert.deepEqual(findingKeys(snapshot), ['unimplemented docs/spec.md:3', 'unverified docs/spec.md:3']);
    assert.equal(snapshot.findings[0].severity, 'error');
    assert.equal(snapshot.findings[1].severity, 'warning');
  });

  it('needs: test means no implementation is required; needs: none means nothing is', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## SR-1: Process', 'needs: test', '', '## SR-2: Policy', 'needs: none'),
      'test/p.test.ts': '// @verifies SR-1\n',
    });
    assert.deepEqual(findingKeys(snapshot), []);
  });

  it('coverage flows up refines: a mitigation refined by an implemented, tested requirement is covered', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## THR-1: Replay', '', '## MIT-1: Sequence numbers', 'mitigates: THR-1', '', '## SR-1: Check sequence', 'refines: MIT-1'),
      'src/link.ts': '// @implements SR-1\n',
      'test/link.test.ts': '// @verifies SR-1\n',
    });
    assert.deepEqual(findingKeys(snapshot), []);
  });

  it('unknown-id for a tag naming an undefined ID, with the closest known ID as suggestion', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## SR-12: Audit', 'needs: none'),
      'src/a.ts': 'const x = 1;\n// @implements SR-13\n',
    });
    assert.deepEqual(findingKeys(snapshot), ['unknown-id src/a.ts:2']);
    assert.equal(snapshot.findings[0].suggestion, 'SR-12');
    assert.match(snapshot.findings[0].message, /did you mean `SR-12`/);
  });

  it('unknown-id for an unconfigured prefix after a tag; nothing for unconfigured ID-like words elsewhere', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## SR-1: Encoding', 'needs: none', '', 'Text is UTF-8; see ISO-27001 and CVE-2024-1234.'),
      'src/a.ts': '// @implements XYZ-3\n// UTF-8 everywhere, CVE-2024-1234 fixed\n',
    });
    assert.deepEqual(findingKeys(snapshot), ['unknown-id src/a.ts:1']);
    assert.match(snapshot.findings[0].message, /prefix `XYZ` is not configured/);
  });

  it('unknown-id for a link attribute; unknown-reference for a bare mention', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## MIT-1: Rate limit', 'mitigates: THR-9', 'needs: none', '', 'See also SR-77.'),
    });
    assert.deepEqual(findingKeys(snapshot), ['unknown-id docs/spec.md:2', 'unknown-reference docs/spec.md:5']);
  });

  it('an ID inside a string literal is neither a trace nor an unknown ID', async () => {
    const { snapshot } = await trace({
      'docs/spec.md': spec('## SR-1: Audit'),
      'src/a.ts': 'const s = "@implements SR-1 and SR-404";\n',
    });
    assert.deepEqual(findingKeys(snapshot), ['unimplemented docs/spec.md:1', 'unverified docs/spec.md:1']);
  });

  it('duplicate-id on the second definition, not the first', async () => {
    const { snapshot } = await trace({
      'docs/a.md': spec('## SR-1: One', 'needs: none'),
      'docs/b.md': spec('## SR-1: Again', 'needs: none'),
    });
    assert.deepEqual(findingKeys(snapshot), ['duplicate-id docs/b.md:1']);
    assert.match(snapshot.findings[0].message, /already defined at docs\/a\.md:1/);
  });

  it('unmitigated-threat fires without mitigation, code @mitigates or acceptance', async () => {
    const { snapshot } = await trace({ 'docs/t.md': spec('## THR-1: Replay', 'severity: high') });
    assert.deepEqual(findingKeys(snapshot), ['unmitigated-threat docs/t.md:1']);
  });

  it('unmitigated-threat does not fire when code is tagged @mitigates', async () => {
    const { snapshot } = await trace({ 'docs/t.md': spec('## THR-1: Replay'), 'src/a.c': '/* @mitigates THR-1 */\n' });
    assert.deepEqual(findingKeys(snapshot), []);
  });

  it('a complete risk acceptance needs owner, rationale and review-by', async () => {
    const complete = await trace({ 'docs/t.md': spec('## THR-1: Replay', 'status: accepted', 'owner: CISO', 'rationale: closed network', 'review-by: 2027-01-01') });
    assert.deepEqual(findingKeys(complete.snapshot), []);
    const incomplete = await trace({ 'docs/t.md': spec('## THR-1: Replay', 'status: transferred', 'owner: Hospital IT') });
    assert.deepEqual(findingKeys(incomplete.snapshot), ['incomplete-risk-acceptance docs/t.md:1']);
    assert.match(incomplete.snapshot.findings[0].message, /no rationale, review-by/);
  });

  it('expired-risk-acceptance when review-by is in the past, not when it is today', async () => {
    const past = await trace({ 'docs/t.md': spec('## THR-1: Replay', 'status: accepted', 'owner: CISO', 'rationale: r', 'review-by: 2026-06-14') });
    assert.deepEqual(findingKeys(past.snapshot), ['expired-risk-acceptance docs/t.md:1']);
    const today = await trace({ 'docs/t.md': spec('## THR-1: Replay', 'status: accepted', 'owner: CISO', 'rationale: r', 'review-by: 2026-06-15') });
    assert.deepEqual(findingKeys(today.snapshot), []);
  });

  it('invalid-attribute for a bad status, a bad date, a bad need, and links to the wrong kind', async () => {
    const { snapshot } = await trace({
      'docs/t.md': spec(
        '## THR-1: Replay', 'status: fixed', '',
        '## THR-2: Flood', 'status: accepted', 'owner: o', 'rationale: r', 'review-by: next year', '',
        '## AST-1: Dose', '',
        '## MIT-1: Limit', 'mitigates: AST-1, THR-1', 'needs: impl, tests', '',
        '## THR-3: Theft', 'threatens: MIT-1', 'mitigated-by: MIT-1',
      ),
      'src/a.ts': '// @implements MIT-1\n',
    });
    const keys = findingKeys(snapshot);
    assert.deepEqual(keys, [
      'invalid-attribute docs/t.md:1',
      'invalid-attribute docs/t.md:4',
      'invalid-attribute docs/t.md:12',
      'invalid-attribute docs/t.md:13',
      'invalid-attribute docs/t.md:17',
    ]);
  });

  it('refines-cycle once per cycle; a chain without a cycle is fine', async () => {
    const cycle = await trace({ 'docs/s.md': spec('## SR-1: A', 'refines: SR-2', 'needs: none', '', '## SR-2: B', 'refines: SR-3', 'needs: none', '', '## SR-3: C', 'refines: SR-1', 'needs: none') });
    assert.deepEqual(findingKeys(cycle.snapshot), ['refines-cycle docs/s.md:10']);
    assert.match(cycle.snapshot.findings[0].message, /SR-1 -> SR-2 -> SR-3 -> SR-1/);
    const chain = await trace({ 'docs/s.md': spec('## SR-1: A', 'refines: SR-2', 'needs: none', '', '## SR-2: B', 'refines: SR-3', 'needs: none', '', '## SR-3: C', 'needs: none') });
    assert.deepEqual(findingKeys(chain.snapshot), []);
  });

  it('config-error with the line of the bad key; unknown keys are warnings', async () => {
    const { snapshot } = await trace({ '.sectrace.yaml': 'version: 1\nfail-on: sometimes\ncolour: blue\n' });
    assert.deepEqual(snapshot.findings.map((f) => [f.code, f.severity, f.location.range.start.line + 1]), [
      ['config-error', 'error', 2],
      ['config-error', 'warning', 3],
    ]);
  });

  it('severity is configurable per code, and off removes the finding', async () => {
    const { snapshot } = await trace({
      '.sectrace.yaml': 'severity:\n  unimplemented: warning\n  unverified: off\n',
      'docs/spec.md': spec('## SR-1: Audit'),
    });
    assert.deepEqual(snapshot.findings.map((f) => [f.code, f.severity]), [['unimplemented', 'warning']]);
    assert.equal(snapshot.summary.verdict, 'pass');
  });

  it('unreadable-file for a file that cannot be read; the rest is still traced', async () => {
    const workspaceFiles = { 'docs/spec.md': spec('## SR-1: Audit', 'needs: none'), 'src/a.ts': '// @implements SR-1\n' };
    const workspace = createMemoryWorkspace(workspaceFiles);
    workspace.failOn('src/a.ts', 'EACCES');
    const service = createTraceService({ workspace });
    await service.index();
    assert.deepEqual(findingKeys(service.snapshot()), ['unreadable-file src/a.ts:1']);
    assert.equal(service.snapshot().graph.items.size, 1);
  });
});
