// The report model: what the threat register, the matrix, the summary and the evidence map contain.
import { strict as assert } from 'node:assert';
import { FINDING_CODES } from '../../../src/core';
import { buildReport } from '../../../src/core/report';
import { joinLines } from '../../support/text';
import { CONTEXT, reportOf, traceFiles } from './helpers';

const SPEC = joinLines(
  '# Security spec',
  '',
  '## THR-1: Replay of dose commands',
  'severity: critical',
  'likelihood: medium',
  'status: mitigated',
  '',
  '## THR-2: Request flood',
  'severity: medium',
  'status: accepted',
  'owner: Ops lead',
  'rationale: The pump keeps running on its own.',
  'review-by: 2027-01-31',
  '',
  '## THR-3: Forgotten threat',
  '',
  '## MIT-1: Sequence numbers',
  'mitigates: THR-1',
  '',
  '## MIT-2: HMAC on frames',
  'mitigates: THR-1',
  '',
  '## SR-1: Check the sequence number',
  'refines: MIT-1',
  '',
  '## SR-2: Rate limit',
  'mitigates: THR-1',
  '',
  '## SR-10: Log every dose change',
  '',
);

const FILES = {
  'docs/spec.md': SPEC,
  'src/link.ts': joinLines('// @implements SR-1', 'export const a = 1;', '// @implements MIT-2, SR-2', ''),
  'test/link.test.ts': joinLines('', '// @verifies SR-1', ''),
};

describe('report: model', () => {
  it('lists threats in ID order with severity, likelihood, status and their mitigations', async () => {
    const report = await reportOf(FILES);
    assert.deepEqual(report.threats.map((t) => t.id), ['THR-1', 'THR-2', 'THR-3']);
    const [thr1] = report.threats;
    assert.equal(thr1.severity, 'critical');
    assert.equal(thr1.likelihood, 'medium');
    assert.equal(thr1.status, 'mitigated');
    assert.deepEqual(thr1.mitigations.map((m) => m.id), ['MIT-1', 'MIT-2']);
    assert.deepEqual(thr1.requirements.map((r) => r.id), ['SR-1', 'SR-2'], 'SR-2 mitigates directly, SR-1 refines MIT-1');
    assert.equal(thr1.independentMitigations, 3, 'MIT-1, MIT-2 and SR-2 mitigate it directly; SR-1 is part of MIT-1');
    assert.equal(thr1.mitigated, true);
  });

  it('shows each mitigation with its implementing code and tests, also through refining requirements', async () => {
    const report = await reportOf(FILES);
    const mit1 = report.threats[0].mitigations[0];
    assert.deepEqual(mit1.implementations, [{ location: { file: 'src/link.ts', line: 1, column: 16, endLine: 1, endColumn: 20 }, via: 'SR-1' }]);
    assert.deepEqual(mit1.tests.map((t) => `${t.location.file}:${t.location.line} via ${t.via}`), ['test/link.test.ts:2 via SR-1']);
    assert.deepEqual(mit1.gaps, []);
    const mit2 = report.threats[0].mitigations[1];
    assert.deepEqual(mit2.implementations.map((t) => t.via), [undefined]);
    assert.deepEqual(mit2.gaps, ['test']);
  });

  it('records the risk decision of accepted threats and flags a threat with neither mitigation nor decision', async () => {
    const report = await reportOf(FILES);
    const [, thr2, thr3] = report.threats;
    assert.deepEqual(thr2.risk, { owner: 'Ops lead', rationale: 'The pump keeps running on its own.', reviewBy: '2027-01-31' });
    assert.equal(thr2.mitigated, false);
    assert.equal(thr3.risk, undefined);
    assert.equal(thr3.mitigated, false);
    assert.deepEqual(thr3.findings, ['unmitigated-threat']);
    assert.equal(thr3.status, null);
  });

  it('the matrix lists mitigations, then requirements in numeric ID order, with 1-based locations and gaps', async () => {
    const report = await reportOf(FILES);
    assert.deepEqual(report.matrix.map((r) => r.id), ['MIT-1', 'MIT-2', 'SR-1', 'SR-2', 'SR-10']);
    const sr10 = report.matrix[4];
    assert.deepEqual(sr10.gaps, ['impl', 'test']);
    assert.equal(sr10.location.file, 'docs/spec.md');
    assert.equal(sr10.location.line, 29, 'the heading is on the 29th line');
    assert.deepEqual(report.matrix[2].implementations.map((t) => t.location.line), [1]);
  });

  it('the summary agrees with the findings, and --fail-on overrides the verdict', async () => {
    const snapshot = await traceFiles(FILES);
    const report = buildReport(snapshot, CONTEXT);
    assert.equal(report.summary.verdict, snapshot.summary.verdict);
    assert.equal(report.summary.verdict, 'fail');
    assert.match(report.summary.verdictLine, /^FAIL: \d+ errors?, \d+ warnings?, 0 info; findings at or above fail-on error$/);
    assert.deepEqual(report.summary.findings, snapshot.summary.findings);
    const off = buildReport(snapshot, { ...CONTEXT, failOn: 'off' });
    assert.equal(off.summary.verdict, 'pass');
    assert.equal(off.summary.failOn, 'off');
    assert.match(off.summary.verdictLine, /^PASS: .*fail-on is off/);
  });

  it('the header names project, commit, tool, date, configuration and scope', async () => {
    const report = await reportOf(FILES);
    assert.deepEqual(report.header, {
      project: 'demo',
      commit: CONTEXT.commit,
      tool: { name: 'sectrace', version: '0.0.0-test' },
      date: '2026-06-15T12:00:00.000Z',
      configFile: null,
      scope: '3 files: 1 spec, 1 code, 1 test; 0 skipped',
      linkBase: '',
    });
  });

  it('findings carry code, severity, message and 1-based location; rules count them', async () => {
    const report = await reportOf(FILES);
    const unverified = report.findings.filter((f) => f.code === 'unverified').map((f) => f.id);
    assert.deepEqual(unverified, ['MIT-2', 'SR-2', 'SR-10']);
    assert.equal(report.rules.find((r) => r.code === 'unverified')?.count, 3);
    assert.deepEqual(report.rules.map((r) => r.code), [...FINDING_CODES], 'every code has rule metadata, in order');
    assert.ok(report.rules.every((r) => r.name && r.shortDescription && r.fullDescription && r.help));
    assert.ok(report.findings.every((f) => f.location.line >= 1 && f.location.column >= 1));
  });

  it('the evidence map covers 5.2, 5.3, 5.4.3, 5.7.1, 5.7.2 and clause 7 with the numbers', async () => {
    const report = await reportOf(FILES);
    assert.deepEqual(report.evidence.map((e) => e.clause), ['5.2', '5.3', '5.4.3', '5.7.1', '5.7.2', '7']);
    const statement = (clause: string) => report.evidence.find((e) => e.clause === clause)?.statement;
    assert.match(statement('5.3') ?? '', /2 with none, 0 with one, 1 with two or more/);
    assert.match(statement('5.4.3') ?? '', /^0 interfaces found in code and API documents \(0 external, 0 both, 0 internal, 0 with no valid exposure\), listed in the interface register; without complete security context: 0; exposed externally without a linked threat: 0; 0 interface items defined in specs\.$/);
    assert.deepEqual(report.evidence.find((e) => e.clause === '5.4.3')?.sections, ['interfaces', 'findings']);
    assert.match(statement('5.7.1') ?? '', /^1 of 3 requirements/);
    assert.match(statement('7') ?? '', /3 threats: 1 with mitigations, 1 accepted, 0 transferred, 1 with neither/);
  });

  it('is deterministic: the same snapshot gives the same model', async () => {
    const a = await reportOf(FILES);
    const b = await reportOf(Object.fromEntries(Object.entries(FILES).reverse()));
    assert.deepEqual(a, b);
  });
});
