// Links met outside the walk: a file replaced by a link to a file outside the workspace (after the walk
// listed it, or while the editor's watcher refreshes it), a linked configuration or review store, and the
// size limit, which must refuse a file before its bytes are read. Real folders and real links.
// @verifies STM-3, STM-4, ST-6
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeWorkspace, readFileNoFollow } from '../../../src/cli/nodeWorkspace';
import { createWorkerExecutor } from '../../../src/cli/workerExecutor';
import { createTraceService, DEFAULT_CONFIG } from '../../../src/core';
import { makeDir, runCli } from '../../support/cli';
import { TODAY } from '../engine/helpers';

const WORKER_SCRIPT = path.join(__dirname, '../../../dist/scan-worker.js');
const SPEC = '## SR-1: Lock the rate\nneeds: impl\n\n## SR-9: Outside\nneeds: none\n';

/** A folder outside the workspace holding a file that traces SR-9. */
function outsideFile(): string {
  const outside = makeDir({ 'evil.ts': '// @implements SR-9\n' }, 'sectrace-outside-');
  return path.join(outside, 'evil.ts');
}

describe('robustness: links met after the walk', () => {
  it('refresh of a file that became a link to an outside file does not read through it', async () => {
    const dir = makeDir({ 'docs/spec.md': SPEC, 'src/a.ts': '// @implements SR-1\n' });
    const service = createTraceService({ workspace: createNodeWorkspace(dir), now: () => TODAY });
    await service.index();
    fs.rmSync(path.join(dir, 'src/a.ts'));
    fs.symlinkSync(outsideFile(), path.join(dir, 'src/a.ts'));
    await service.refresh(['src/a.ts']);
    const snapshot = service.snapshot();
    assert.deepEqual(snapshot.graph.implementationsOf('SR-9'), []);
    assert.deepEqual(snapshot.graph.implementationsOf('SR-1'), []);
    assert.deepEqual(snapshot.skipped, [{ file: 'src/a.ts', reason: 'symbolic link (not followed)' }]);
  });

  it('a worker given a path that is now a link skips it with the reason', async () => {
    const dir = makeDir({ 'docs/spec.md': SPEC, 'src/ok.ts': '// @implements SR-1\n' });
    fs.symlinkSync(outsideFile(), path.join(dir, 'src/swapped.ts'));
    const paths = ['docs/spec.md', 'src/ok.ts', 'src/swapped.ts'];
    // Enough copies of the list to pass the in-process limit, so the files go to worker threads.
    const many = Array.from({ length: 600 }, () => paths).flat();
    const facts = await createWorkerExecutor(dir, createNodeWorkspace(dir), 2, WORKER_SCRIPT).scan(many, DEFAULT_CONFIG);
    const swapped = facts.filter((f) => f.file === 'src/swapped.ts');
    assert.equal(swapped.length, 600);
    assert.ok(swapped.every((f) => f.skipped === 'symbolic link (not followed)' && f.tags.length === 0));
    assert.ok(facts.filter((f) => f.file === 'src/ok.ts').every((f) => f.tags.length === 1));
  });

  it('a linked .sectrace.yaml is a configuration error (exit 2), not read', async () => {
    const outside = makeDir({ 'config.yaml': 'prefixes: { EVIL: requirement }\n' }, 'sectrace-outside-');
    const dir = makeDir({ 'docs/spec.md': SPEC });
    fs.symlinkSync(path.join(outside, 'config.yaml'), path.join(dir, '.sectrace.yaml'));
    const run = await runCli(['check', dir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.sectrace\.yaml is a symbolic link; sectrace does not follow links/);
    assert.doesNotMatch(run.stderr + run.stdout, /EVIL/);
  });

  it('a linked review store is reported and not read', async () => {
    const outside = makeDir({ 'reviews.yaml': 'version: 1\nreviews:\n  SR-1: { by: mallory, date: 2026-01-01, fingerprint: "0000000000000000" }\n' }, 'sectrace-outside-');
    const dir = makeDir({ 'docs/spec.md': SPEC, 'src/a.ts': '// @implements SR-1\n' });
    fs.mkdirSync(path.join(dir, '.sectrace'));
    fs.symlinkSync(path.join(outside, 'reviews.yaml'), path.join(dir, '.sectrace/reviews.yaml'));
    const service = createTraceService({ workspace: createNodeWorkspace(dir), now: () => TODAY });
    await service.index();
    const snapshot = service.snapshot();
    assert.equal(snapshot.reviews.stamps.size, 0);
    const problem = snapshot.findings.find((f) => f.location.file === '.sectrace/reviews.yaml');
    assert.equal(problem?.code, 'config-error');
    assert.match(problem?.message ?? '', /symbolic link/);
  });

  it('readFileNoFollow refuses links, folders and files over the limit (with their size) and reads the rest', () => {
    const dir = makeDir({ 'a.txt': 'x'.repeat(300), 'sub/b.txt': 'b' });
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'));
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'read';
      } catch (error) {
        return `${(error as { code?: string }).code}${(error as { size?: number }).size !== undefined ? ` ${(error as { size: number }).size}` : ''}`;
      }
    };
    assert.equal(code(() => readFileNoFollow(path.join(dir, 'link.txt'))), 'ELOOP');
    assert.equal(code(() => readFileNoFollow(path.join(dir, 'sub'))), 'EISDIR');
    assert.equal(code(() => readFileNoFollow(path.join(dir, 'a.txt'), 100)), 'EFBIG 300');
    assert.equal(readFileNoFollow(path.join(dir, 'a.txt'), 300).toString(), 'x'.repeat(300));
    assert.equal(readFileNoFollow(path.join(dir, 'sub/b.txt')).toString(), 'b');
  });

  it('a file over max-file-size is skipped with both sizes, in-process and on worker threads', async () => {
    const dir = makeDir({ '.sectrace.yaml': 'max-file-size: 100\n', 'docs/spec.md': SPEC, 'src/big.ts': `// @implements SR-1\n${'x'.repeat(500)}\n` });
    const reason = 'larger than max-file-size (521 B > 100 B)';
    const service = createTraceService({ workspace: createNodeWorkspace(dir), now: () => TODAY });
    await service.index();
    assert.deepEqual(service.snapshot().skipped, [{ file: 'src/big.ts', reason }]);
    const config = { ...DEFAULT_CONFIG, maxFileSize: 100 };
    const facts = await createWorkerExecutor(dir, createNodeWorkspace(dir), 2, WORKER_SCRIPT).scan(Array.from({ length: 1600 }, () => 'src/big.ts'), config);
    assert.ok(facts.every((f) => f.skipped === reason));
  });
});
