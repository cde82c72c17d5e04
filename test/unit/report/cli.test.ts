// `sectrace report`: output to stdout or a file, the overwrite guard, atomic writes and exit codes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeDir, runCli } from '../../support/cli';
import { isPreviousReport } from '../../../src/core/report';



const PASSING = {
  'docs/spec.md': '## SR-1: Authenticate\n',
  'src/a.ts': '// @implements SR-1\n',
  'test/a.test.ts': '// @verifies SR-1\n',
};
const WARNING = { ...PASSING, 'docs/spec.md': '## SR-1: Authenticate\n\n## SR-2: Audit\nneeds: test\n' };

/** `sectrace report <argv>` in `cwd`. */
function run(argv: string[], cwd: string) {
  return runCli(['report', ...argv], cwd);
}

describe('cli: sectrace report', () => {
  it('writes Markdown to stdout by default and exits 0 when nothing fails', async () => {
    const dir = makeDir(PASSING);
    const { code, stdout, stderr } = await run([], dir);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^<!-- sectrace:report 1/);
    assert.match(stdout, /\*\*PASS: 0 errors, 0 warnings, 0 info/);
    assert.ok(stdout.includes('| Tool | sectrace 0.0.0\\-test |') || stdout.includes('| Tool | sectrace 0.0.0-test |'));
  });

  it('exits 1 when a finding is at or above --fail-on, and the verdict line says so', async () => {
    const dir = makeDir(WARNING);
    assert.equal((await run([dir, '--format', 'json'], os.tmpdir())).code, 0);
    const { code, stdout } = await run([dir, '--format', 'json', '--fail-on', 'warning'], os.tmpdir());
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { summary: { verdict: string; failOn: string } };
    assert.deepEqual([report.summary.verdict, report.summary.failOn], ['fail', 'warning']);
  });

  it('exits 2 with a clear message on usage errors', async () => {
    const dir = makeDir(PASSING);
    for (const [argv, message] of [
      [['--format', 'pdf'], /--format must be one of md, html, json, sarif, csv, got `pdf`/],
      [['--fail-on', 'fatal'], /--fail-on must be one of error, warning, info, off/],
      [['--bogus'], /Unknown option '--bogus'/],
      [['a', 'b'], /report takes one folder, got 2/],
      [['no-such-folder'], /no such folder: no-such-folder\n/],
    ] as const) {
      const { code, stderr } = await run([...argv], dir);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
    }
  });

  it('exits 2 on a configuration that cannot be used', async () => {
    const dir = makeDir({ ...PASSING, '.sectrace.yaml': 'fail-on: sometimes\n' });
    const { code, stderr } = await run([], dir);
    assert.equal(code, 2);
    assert.match(stderr, /the configuration cannot be used/);
  });

  it('--out writes the file (format from the extension), prints the verdict on stderr and nothing on stdout', async () => {
    const dir = makeDir(PASSING);
    const { code, stdout, stderr } = await run(['--out', 'reports/trace.html'], dir);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /wrote reports\/trace\.html \(html\)\. PASS/);
    const html = fs.readFileSync(path.join(dir, 'reports', 'trace.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('href="../src/a.ts#L1"'), 'links lead from reports/ back to the root');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'reports')), ['trace.html'], 'no temporary file is left behind');
  });

  it('replaces a previous report of any format, but refuses any other file unless --force', async () => {
    const dir = makeDir({ ...PASSING, 'notes.md': '# My notes\n', 'old.sarif': '' });
    assert.equal((await run(['--out', 'r.csv'], dir)).code, 0);
    assert.equal((await run(['--out', 'r.csv', '--format', 'csv'], dir)).code, 0, 'a previous CSV report is replaced');
    assert.equal((await run(['--out', 'r.csv', '--format', 'md'], dir)).code, 0, 'a report of another format too');
    assert.equal((await run(['--out', 'old.sarif'], dir)).code, 0, 'an empty file is replaced');
    const refused = await run(['--out', 'notes.md'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /refusing to overwrite notes\.md: it is not a sectrace report \(use --force to replace it\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), '# My notes\n');
    assert.equal((await run(['--out', 'notes.md', '--force'], dir)).code, 0);
    assert.ok(isPreviousReport(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8')));
  });

  it('--out into a folder is a usage error', async () => {
    const dir = makeDir(PASSING);
    const { code, stderr } = await run(['--out', 'src'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /--out src is a folder/);
  });

  it('every format can be written and read back', async () => {
    const dir = makeDir(PASSING);
    for (const format of ['md', 'html', 'json', 'sarif', 'csv']) {
      const { code } = await run(['--format', format, '--out', `out/report.${format}`], dir);
      assert.equal(code, 0, format);
      assert.ok(isPreviousReport(fs.readFileSync(path.join(dir, 'out', `report.${format}`), 'utf8')), format);
    }
  });
});

