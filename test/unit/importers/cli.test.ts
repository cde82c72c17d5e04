// `sectrace check --format oft`: OpenFastTrace's plain-text verdict line, with sectrace's exit code.
// @verifies ST-37
import { strict as assert } from 'node:assert';
import { makeDir, runCli as run } from '../../support/cli';



const SPEC = '# Design\n\n`dsn~a~1`\n\nNeeds: impl\n';

describe('cli: check --format oft', () => {
  it('prints `ok - N total` and exits 0 when OFT finds no defect', async () => {
    const dir = makeDir({ 'doc/design.md': SPEC, 'src/A.java': '// [impl->dsn~a~1]\n' });
    assert.deepEqual(await run(['check', dir, '--format', 'oft']), { code: 0, stdout: 'ok - 2 total\n', stderr: '' });
  });

  it('prints `not ok - N total, M defect` and exits 1 on defects', async () => {
    const dir = makeDir({ 'doc/design.md': SPEC, 'src/A.java': '// [impl->dsn~a~2]\n' });
    const { code, stdout } = await run(['check', dir, '--format', 'oft']);
    assert.equal(code, 1);
    assert.equal(stdout, 'not ok - 2 total, 2 defect\n');
  });

  it('says on stderr when other findings decide the exit code', async () => {
    const dir = makeDir({ 'doc/design.md': SPEC, 'src/A.java': '// [impl->dsn~a~1]\n// @implements SR-9\n' });
    const { code, stdout, stderr } = await run(['check', dir, '--format', 'oft']);
    assert.equal(code, 1);
    assert.equal(stdout, 'ok - 2 total\n');
    assert.match(stderr, /other findings fail the check/);
  });

  it('rejects an unknown format, and --json with another format', async () => {
    const dir = makeDir({ 'doc/design.md': SPEC });
    assert.equal((await run(['check', dir, '--format', 'html'])).code, 2);
    assert.equal((await run(['check', dir, '--format', 'oft', '--json'])).code, 2);
    assert.equal((await run(['check', dir, '--format', 'json'])).code, 1);
  });
});
