// The CLI's contract: exit codes, the summary, --json against its schema, clear usage errors.
// @verifies ST-14, ST-13
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { createNodeWorkspace } from '../../../src/cli/nodeWorkspace';
import { createWorkerExecutor } from '../../../src/cli/workerExecutor';
import { createTraceService } from '../../../src/core';
import { toCheckJson } from '../../../src/core/export/checkJson';
import { makeDir, runCli as run } from '../../support/cli';



const TRACED = {
  'docs/spec.md': '## SR-1: Authenticate\n\n## SR-2: Audit\nneeds: impl\n',
  'src/a.ts': '// @implements SR-1, SR-2\n',
  'test/a.test.ts': '// @verifies SR-1\n',
};

describe('cli: sectrace check', () => {
  it('exits 0 and prints coverage when nothing is at or above the fail level', async () => {
    const dir = makeDir(TRACED);
    const { code, stdout } = await run(['check', dir]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /requirement\s+2\s+2\/2 100%\s+1\/1 100%/);
    assert.match(stdout, /PASS: 0 errors, 0 warnings, 0 info/);
  });

  it('exits 1 on an error finding and lists it as file:line:column', async () => {
    const dir = makeDir({ ...TRACED, 'src/b.ts': '\n  // @implements SR-3\n' });
    const { code, stdout } = await run(['check', dir]);
    assert.equal(code, 1);
    assert.match(stdout, /src\/b\.ts:2:18 {2}error {4}unknown-id {2}`SR-3` is not defined/);
    assert.match(stdout, /FAIL: 1 error/);
  });

  it('--fail-on warning turns warnings into a failure; --fail-on off never fails', async () => {
    const dir = makeDir({ 'docs/spec.md': '## SR-1: A\nneeds: impl\n', 'src/a.ts': '// @implements SR-1\n// SR-8 is not defined\n' });
    assert.equal((await run(['check', dir])).code, 0);
    assert.equal((await run(['check', dir, '--fail-on', 'warning'])).code, 1);
    assert.equal((await run(['check', dir, '--fail-on', 'off', '--fail-on', 'off'])).code, 0);
  });

  it('resolves the folder against the working directory and defaults to it', async () => {
    const dir = makeDir(TRACED);
    assert.equal((await run(['check'], dir)).code, 0);
    assert.equal((await run(['check', path.basename(dir)], path.dirname(dir))).code, 0);
  });

  it('--json validates against schemas/check.schema.json and agrees with the exit code', async () => {
    const dir = makeDir({ ...TRACED, 'src/b.ts': '// @implements SR-3\n' });
    const { code, stdout } = await run(['check', dir, '--json']);
    const document = JSON.parse(stdout) as { summary: { verdict: string }; findings: { location: unknown }[]; items: { id: string }[] };
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/check.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(document), JSON.stringify(validate.errors));
    assert.equal(code, 1);
    assert.equal(document.summary.verdict, 'fail');
    assert.deepEqual(document.findings[0].location, { file: 'src/b.ts', line: 1, column: 16, endLine: 1, endColumn: 20 });
    assert.deepEqual(document.items.map((i: { id: string }) => i.id), ['SR-1', 'SR-2']);
  });

  const usageCases: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command `frobnicate`/],
    ['an unknown option', ['check', '--colour'], /Unknown option '--colour'/],
    ['a bad --fail-on', ['check', '--fail-on', 'loud'], /--fail-on must be one of error, warning, info, off/],
    ['a missing folder', ['check', 'no/such/dir'], /no such folder: no\/such\/dir/],
    ['two folders', ['check', 'a', 'b'], /check takes one folder/],
  ];
  for (const [what, argv, message] of usageCases) {
    it(`exits 2 with a clear message on ${what}`, async () => {
      const { code, stderr } = await run(argv);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('exits 2 on an unusable configuration, naming file and line', async () => {
    const dir = makeDir({ '.sectrace.yaml': 'version: 1\nprefixes: [SR]\n', 'docs/s.md': '## SR-1: A\n' });
    const { code, stderr } = await run(['check', dir]);
    assert.equal(code, 2);
    assert.match(stderr, /\.sectrace\.yaml:2:11: `prefixes` must map ID prefixes to kinds/);
  });

  it('help exits 0; no command at all exits 2 with usage', async () => {
    assert.equal((await run(['help'])).code, 0);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /Usage: sectrace/);
  });
});

describe('cli: scanning on worker threads', () => {
  // @verifies ST-12
  it('gives the same graph as scanning in-process', async () => {
    // Many folders, so the walk hands files over in many pieces while the workers already scan; several
    // specs, which travel in batches of their own.
    const files: Record<string, string> = {};
    for (let s = 0; s < 10; s++) files[`docs/spec${s}.md`] = Array.from({ length: 5 }, (_, i) => `## SR-${s * 5 + i + 1}: R${i}\n`).join('\n');
    for (let i = 0; i < 1700; i++) files[`src/d${i % 40}/f${i}.ts`] = i % 7 === 0 ? `// @implements SR-${(i % 50) + 1}\nconst s = "SR-${i}";\n` : 'export const x = 1;\n';
    const dir = makeDir(files);
    const workspace = createNodeWorkspace(dir);
    const inProcess = createTraceService({ workspace });
    await inProcess.index();
    // The worker script is the built bundle; the unit suite runs after `npm run build`.
    const threaded = createTraceService({ workspace, executor: createWorkerExecutor(dir, workspace, 2, path.join(__dirname, '../../../dist/scan-worker.js')) });
    await threaded.index();
    const tool = { name: 'sectrace', version: 't' };
    assert.equal(JSON.stringify(toCheckJson(threaded.snapshot(), tool)), JSON.stringify(toCheckJson(inProcess.snapshot(), tool)));
    assert.equal(threaded.snapshot().graph.fileCount, 1710);
  });

  it('stops the workers and rejects when the index is cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`src/d${i % 30}/f${i}.ts`] = '// @implements SR-1\n';
    const dir = makeDir(files);
    const workspace = createNodeWorkspace(dir);
    const service = createTraceService({ workspace, executor: createWorkerExecutor(dir, workspace, 2, path.join(__dirname, '../../../dist/scan-worker.js')) });
    const token = { isCancellationRequested: false };
    const progress = { report: (done: number) => void (done > 0 && (token.isCancellationRequested = true)) };
    await assert.rejects(service.index({ token, progress }), (error: Error) => error.name === 'CancelledError' || /cancel/i.test(error.message));
  });
});
