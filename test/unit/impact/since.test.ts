// Change impact since a git revision, on a scripted history in a temporary repository: items whose text
// changed, the code and tests linked to them, items whose implementing block changed, tests to re-run;
// the review command; earlier texts of suspect links found in git history; the report's impact section.
// @verifies ST-54, ST-53, ST-52, ST-56
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseUnifiedDiff, type ImpactReport } from '../../../src/core/impact/since';
import { parseReviews, REVIEWS_FILE } from '../../../src/core/impact/reviews';
import { cli, commitAll, git, makeDir, makeRepo, trace, writeFiles } from './helpers';

const SPEC = [
  '## SR-1: Lock the pump after failed logins',
  '',
  'The pump locks after three failed attempts.',
  '',
  '## SR-2: Audit every command',
  '',
  'Every command is written to the audit trail.',
  '',
  '## SR-3: Rate limit',
  '',
  'At most ten requests per second per client.',
  '',
].join('\n');

const CODE = [
  "import { log } from './log';", // 1
  '',
  '// @implements SR-1', //           3
  'export function lock(failures: number): boolean {',
  '  return failures >= 3;',
  '}',
  '',
  '// @implements SR-2', //           8
  'export function audit(command: string): void {',
  '  log(command);',
  '}',
  '',
  '// @implements SR-3', //           13
  'export function limit(): number {',
  '  return 10;',
  '}',
  '',
].join('\n');

const TESTS = '// @verifies SR-1\nit("locks", () => {});\n// @verifies SR-2, SR-3\nit("audits and limits", () => {});\n';

function repo(): string {
  return makeRepo({ 'docs/spec.md': SPEC, 'src/pump.ts': CODE, 'test/pump.test.ts': TESTS, 'src/log.ts': 'export const log = (s: string) => s;\n' });
}

async function impactOf(dir: string, ref: string): Promise<ImpactReport> {
  const { code, stdout, stderr } = await cli(['check', dir, '--since', ref, '--json']);
  assert.ok(code === 0 || code === 1, stderr);
  return (JSON.parse(stdout) as { impact: ImpactReport }).impact;
}

describe('impact: --since a git revision', () => {
  it('lists items whose text changed, with the links to re-review and the tests to re-run', async () => {
    const dir = repo();
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('three failed', 'five failed').replace('**', '') });
    const impact = await impactOf(dir, 'HEAD');
    assert.deepEqual(impact.changedItems.map((i) => [i.id, i.change, i.parts]), [['SR-1', 'changed', ['description']]]);
    assert.equal(impact.changedItems[0].oldText, 'Lock the pump after failed logins\n\nThe pump locks after three failed attempts.');
    assert.deepEqual(impact.linksToReview.map((l) => `${l.location.file}:${l.location.line}`), ['src/pump.ts:3', 'test/pump.test.ts:1']);
    assert.deepEqual(impact.testsToRerun.map((t) => [t.file, t.ids]), [['test/pump.test.ts', ['SR-1']]]);
    assert.deepEqual(impact.changedCode, []);
  });

  it('a formatting-only change of a spec is no change', async () => {
    const dir = repo();
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('The pump locks after three', 'The **pump**  locks\nafter three') });
    const impact = await impactOf(dir, 'HEAD');
    assert.deepEqual(impact.changedItems, []);
    assert.equal(impact.files.changed, 1);
  });

  it('maps changed lines to the block of each tag, not the whole file', async () => {
    const dir = repo();
    writeFiles(dir, { 'src/pump.ts': CODE.replace('log(command);', 'log(command.trim());') });
    const impact = await impactOf(dir, 'HEAD');
    assert.deepEqual(impact.changedCode.map((c) => [c.id, c.role, c.location.line, c.block]), [['SR-2', 'code', 8, { start: 8, end: 11 }]]);
    assert.deepEqual(impact.changedItems, []);
    assert.deepEqual(impact.testsToRerun.map((t) => [t.file, t.ids]), [['test/pump.test.ts', ['SR-2']]]);
  });

  it('counts deletions inside a block, new and untracked files, and added and removed items', async () => {
    const dir = repo();
    writeFiles(dir, {
      'src/pump.ts': CODE.replace('  return failures >= 3;\n', ''),
      'src/new.ts': '// @implements SR-1\nexport const x = 1;\n',
      'docs/spec.md': SPEC.replace(/## SR-3[\s\S]*$/, '## SR-4: Sign releases\n\nReleases are signed.\n'),
    });
    git(dir, 'add', 'src/new.ts');
    writeFiles(dir, { 'src/untracked.ts': '// @implements SR-2\nexport const y = 2;\n' });
    const impact = await impactOf(dir, 'HEAD');
    assert.deepEqual(impact.changedItems.map((i) => [i.id, i.change]), [['SR-3', 'removed'], ['SR-4', 'added']]);
    assert.deepEqual(impact.changedCode.map((c) => `${c.id} ${c.location.file}:${c.location.line}`), ['SR-1 src/new.ts:1', 'SR-1 src/pump.ts:3', 'SR-2 src/untracked.ts:1']);
  });

  it('compares with any revision: commits after it count, and test changes are listed as tests', async () => {
    const dir = repo();
    const first = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'test/pump.test.ts': TESTS.replace('it("locks", () => {});', 'it("locks", () => { expect(1); });') });
    commitAll(dir, 'tests');
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('ten requests', 'twenty requests') });
    commitAll(dir, 'spec');
    const impact = await impactOf(dir, first);
    assert.equal(impact.commit, first);
    assert.deepEqual(impact.changedItems.map((i) => i.id), ['SR-3']);
    assert.deepEqual(impact.changedCode.map((c) => [c.id, c.role]), [['SR-1', 'test']]);
    assert.deepEqual(impact.testsToRerun.map((t) => [t.file, t.ids]), [['test/pump.test.ts', ['SR-3']]]);
    assert.deepEqual((await impactOf(dir, 'HEAD')).changedItems, []);
  });

  it('works in a folder below the repository root', async () => {
    const dir = makeRepo({ 'product/docs/spec.md': SPEC, 'product/src/pump.ts': CODE, 'other/x.md': '## SR-1: elsewhere\n' });
    writeFiles(dir, { 'product/docs/spec.md': SPEC.replace('three failed', 'five failed'), 'other/x.md': '## SR-1: changed elsewhere\n' });
    const impact = await impactOf(path.join(dir, 'product'), 'HEAD');
    assert.deepEqual(impact.changedItems.map((i) => [i.id, i.location?.file]), [['SR-1', 'docs/spec.md']]);
    assert.deepEqual(impact.linksToReview.map((l) => l.location.file), ['src/pump.ts']);
  });

  it('prints the impact under the summary, and the JSON validates against the schema', async () => {
    const dir = repo();
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('three failed', 'five failed'), 'src/pump.ts': CODE.replace('log(command);', 'log(command.trim());') });
    const { code, stdout } = await cli(['check', dir, '--since', 'HEAD']);
    assert.equal(code, 0);
    assert.match(stdout, /Impact since HEAD \([0-9a-f]{12}\): 2 changed files\n/);
    assert.match(stdout, /Items whose text changed: 1\n {2}SR-1 {2}Lock the pump after failed logins {2}changed \(description\), #[0-9a-f]{6} -> #[0-9a-f]{6} {2}docs\/spec\.md:1\n {6}- The pump locks after three failed attempts\.\n {6}\+ The pump locks after five failed attempts\.\n/);
    assert.match(stdout, /Items whose implementing code or tests changed: 1\n {2}src\/pump\.ts:8:16 {2}@implements SR-2 {2}code changed in lines 8-11\n/);
    assert.match(stdout, /Tests to re-run: 1 file\n {2}test\/pump\.test\.ts {2}\(SR-1, SR-2\)\n/);
    const json = JSON.parse((await cli(['check', dir, '--since', 'HEAD', '--json'])).stdout);
    const schema = JSON.parse(fs.readFileSync('schemas/check.schema.json', 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.ok(validate(json), JSON.stringify(validate.errors));
  });

  it('explains git problems plainly, with exit code 2', async () => {
    const dir = repo();
    const unknown = await cli(['check', dir, '--since', 'no-such-branch']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--since no-such-branch: unknown revision `no-such-branch`/);
    const outside = makeDir({ 'docs/spec.md': SPEC });
    fs.mkdirSync(path.join(outside, '.git'));
    const notRepo = await cli(['check', outside, '--since', 'HEAD']);
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.stderr, /--since HEAD: /);
    const option = await cli(['check', dir, '--since', '--output=x']);
    assert.equal(option.code, 2);
  });

  it('says plainly when git is not installed', async () => {
    const dir = repo();
    const saved = process.env.PATH;
    process.env.PATH = makeDir({});
    try {
      const { code, stderr } = await cli(['check', dir, '--since', 'HEAD']);
      assert.equal(code, 2);
      assert.match(stderr, /--since HEAD: git was not found: install git, or make sure it is on the PATH/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('report --since adds the impact section to Markdown, HTML and JSON', async () => {
    const dir = repo();
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('three failed', 'five failed') });
    const md = await cli(['report', dir, '--since', 'HEAD', '--format', 'md']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /## Change impact since HEAD \([0-9a-f]{12}\)\n/);
    assert.match(md.stdout, /\| SR-1 \| Lock the pump after failed logins \| changed: description \| \[docs\/spec\.md:1\]\(docs\/spec\.md#L1\) \|/);
    assert.match(md.stdout, /```diff\n- The pump locks after three failed attempts\.\n\+ The pump locks after five failed attempts\.\n```/);
    assert.match(md.stdout, /### Tests to re-run\n\n\| Test file \| Items \|\n\|---\|---\|\n\| \[test\/pump\.test\.ts:1\]\(test\/pump\.test\.ts#L1\) \| SR-1 \|/);
    const html = await cli(['report', dir, '--since', 'HEAD', '--format', 'html']);
    assert.match(html.stdout, /<section id="impact">/);
    assert.match(html.stdout, /<span class="removed">- The pump locks after three failed attempts\.\n<\/span>/);
    const json = JSON.parse((await cli(['report', dir, '--since', 'HEAD', '--format', 'json'])).stdout);
    assert.equal(json.impact.changedItems[0].id, 'SR-1');
    const schema = JSON.parse(fs.readFileSync('schemas/report.schema.json', 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.ok(validate(json), JSON.stringify(validate.errors));
    const without = await cli(['report', dir, '--format', 'md']);
    assert.doesNotMatch(without.stdout, /Change impact/);
  });

  it('reads git diff output: hunks, deletions, new, deleted and quoted files', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1..2 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3,0 +4,2 @@ function x() {',
      '+a',
      '+b',
      '@@ -10 +12 @@',
      '-x',
      '+y',
      '@@ -20,3 +21,0 @@',
      'diff --git a/n.ts b/n.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/n.ts',
      '@@ -0,0 +1 @@',
      '+new',
      'diff --git a/gone.ts b/gone.ts',
      'deleted file mode 100644',
      '--- a/gone.ts',
      '+++ /dev/null',
      'diff --git "a/t\\303\\244st \\"q\\".ts" "b/t\\303\\244st \\"q\\".ts"',
      '--- "a/t\\303\\244st \\"q\\".ts"',
      '+++ "b/t\\303\\244st \\"q\\".ts"',
      '@@ -1 +1 @@',
      '',
    ].join('\n');
    assert.deepEqual(parseUnifiedDiff(diff), [
      { file: 'src/a.ts', status: 'modified', lines: [{ start: 4, count: 2 }, { start: 12, count: 1 }, { start: 21, count: 0 }] },
      { file: 'n.ts', status: 'added', lines: [{ start: 1, count: 1 }] },
      { file: 'gone.ts', status: 'deleted', lines: [] },
      { file: 'täst "q".ts', status: 'modified', lines: [{ start: 1, count: 1 }] },
    ]);
  });
});

describe('impact: sectrace review and the text of suspect links', () => {
  it('records stamps sorted by ID, re-stamps, and check shows what changed since', async () => {
    const dir = repo();
    const first = await cli(['review', dir, 'SR-2', 'SR-1', '--by', 'Dana Reviewer', '--date', '2026-06-01']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^recorded SR-2 #[0-9a-f]{6} reviewed by Dana Reviewer on 2026-06-01\nrecorded SR-1 #[0-9a-f]{6} reviewed by Dana Reviewer on 2026-06-01\n/);
    const file = path.join(dir, REVIEWS_FILE);
    const store = parseReviews(fs.readFileSync(file, 'utf8'));
    assert.deepEqual([...store.stamps.keys()], ['SR-1', 'SR-2']);
    assert.equal(store.stamps.get('SR-1')?.text, 'Lock the pump after failed logins\n\nThe pump locks after three failed attempts.');
    commitAll(dir, 'reviewed');
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('three failed', 'five failed') });
    const check = await cli(['check', dir]);
    assert.match(check.stdout, /docs\/spec\.md:1:4 {2}warning {2}changed-since-review {2}requirement `SR-1` changed after its review by Dana Reviewer on 2026-06-01/);
    assert.match(check.stdout, /What changed \(suspect links and items changed since their review\)\n {2}docs\/spec\.md:1:4 {2}changed-since-review {2}SR-1 {2}\(before: review\)\n {6}- The pump locks after three failed attempts\.\n {6}\+ The pump locks after five failed attempts\.\n/);
    const again = await cli(['review', dir, 'SR-1', '--by', 'Sam Second']);
    assert.match(again.stdout, /recorded SR-1 #[0-9a-f]{6} reviewed by Sam Second on 2026-06-15 \(before: #[0-9a-f]{6} by Dana Reviewer on 2026-06-01\)/);
    assert.doesNotMatch((await cli(['check', dir])).stdout, /changed-since-review/);
    // The diff of the store is the stamp's lines only.
    const diff = git(dir, 'diff', '--', REVIEWS_FILE).split('\n').filter((l) => /^[+-][^+-]/.test(l));
    assert.deepEqual(diff.map((l) => l.replace(/[0-9a-f]{16}/, 'F')), ['-    fingerprint: F', '-    by: Dana Reviewer', '-    date: 2026-06-01', '+    fingerprint: F', '+    by: Sam Second', '+    date: 2026-06-15', '-      The pump locks after three failed attempts.', '+      The pump locks after five failed attempts.']);
  });

  it('takes the reviewer from git config, refuses unknown IDs and a broken store', async () => {
    const dir = repo();
    assert.match((await cli(['review', dir, 'SR-3'])).stdout, /reviewed by Test Author on 2026-06-15/);
    const unknown = await cli(['review', dir, 'SR-33', '--by', 'x']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /not defined in any spec: SR-33 \(did you mean SR-3\?\)/);
    fs.writeFileSync(path.join(dir, REVIEWS_FILE), 'reviews: [\n');
    const broken = await cli(['review', dir, 'SR-1', '--by', 'x']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /invalid YAML/);
    assert.equal(fs.readFileSync(path.join(dir, REVIEWS_FILE), 'utf8'), 'reviews: [\n');
    assert.equal((await cli(['review', dir, 'SR-1', '--by', 'x', '--date', '2026-13-45'])).code, 2);
    assert.equal((await cli(['review', dir, '--by', 'x'])).code, 2);
  });

  it('finds the pinned text of a suspect link in git history when no stamp has it', async () => {
    const dir = repo();
    const pinned = (await cli(['pin', dir, '--add', '--id', 'SR-1'])).stdout;
    assert.match(pinned, /pinned SR-1#[0-9a-f]{6}/);
    commitAll(dir, 'pinned');
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('three failed', 'five failed') });
    commitAll(dir, 'five');
    writeFiles(dir, { 'docs/spec.md': SPEC.replace('three failed', 'seven failed') });
    const { stdout } = await cli(['check', dir]);
    assert.match(stdout, /src\/pump\.ts:3:16 {2}suspect-link {2}SR-1 {2}\(before: git [0-9a-f]{12}\)\n {6}- The pump locks after three failed attempts\.\n {6}\+ The pump locks after seven failed attempts\.\n/);
  });

  it('outside a repository the suspect link is still reported, without the earlier text', async () => {
    const dir = makeDir({ 'docs/spec.md': SPEC, 'src/a.ts': '// @implements SR-1#000000\n' });
    const { snapshot } = await trace({ 'docs/spec.md': SPEC, 'src/a.ts': '// @implements SR-1#000000\n' });
    assert.equal(snapshot.findings.find((f) => f.code === 'suspect-link')?.severity, 'warning');
    const { stdout } = await cli(['check', dir]);
    assert.match(stdout, /suspect-link/);
    assert.match(stdout, /the earlier text was not found/);
  });
});
