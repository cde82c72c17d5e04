// Files that change under the scan and links that lead elsewhere: a file deleted between the walk and the
// read simply leaves the trace, an unreadable one becomes an `unreadable-file` finding at that file, and a
// symbolic link is never followed but listed as skipped. Both scanning paths are covered: the engine's
// in-process scan, and the CLI's worker threads on a real folder.
// @verifies ST-6, STM-2, STM-3, STM-4
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeWorkspace } from '../../../src/cli/nodeWorkspace';
import { createWorkerExecutor } from '../../../src/cli/workerExecutor';
import { createTraceService, type TraceSnapshot, type Workspace } from '../../../src/core';
import { makeDir, runCli } from '../../support/cli';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { joinLines } from '../../support/text';
import { TODAY } from '../engine/helpers';

const SPEC = joinLines('## SR-1: Lock the rate', 'needs: impl', '', '## SR-2: Audit', 'needs: impl');
const NORMAL = { 'docs/spec.md': SPEC, 'src/ok.ts': '// @implements SR-1\n' };
/** The worker script is the built bundle, as in test/unit/cli/cli.test.ts; the unit suite runs after `npm run build`. */
const WORKER_SCRIPT = path.join(__dirname, '../../../dist/scan-worker.js');
/** Below this many files the CLI scans in-process (IN_PROCESS_LIMIT in src/cli/workerExecutor.ts). */
const FILES_FOR_WORKERS = 1600;

/** `code file:line` (1-based), without the findings the fixtures cause on purpose. */
function findingsOf(snapshot: TraceSnapshot): string[] {
  return snapshot.findings.filter((f) => f.code !== 'unimplemented').map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1}`);
}

function assertRestTraced(snapshot: TraceSnapshot): void {
  assert.deepEqual(snapshot.graph.implementationsOf('SR-1').map((t) => t.location.file), ['src/ok.ts']);
}

/**
 * A workspace whose listing of `dir` runs `after` once the entries are taken, so files change between the
 * walk and the read. `reads` records the files read through it (worker threads read on their own).
 */
function changingAfterListing(workspace: Workspace, dir: string, after: () => void): Workspace & { reads: string[] } {
  const reads: string[] = [];
  return {
    name: workspace.name,
    reads,
    readDirectory: async (listed) => {
      const entries = await workspace.readDirectory(listed);
      if (listed === dir) after();
      return entries;
    },
    readFile: (file) => {
      reads.push(file);
      return workspace.readFile(file);
    },
    stat: (file) => workspace.stat(file),
  };
}

describe('robustness: files deleted or unreadable during the scan (in-process engine)', () => {
  it('a deleted file is absent from the trace; an unreadable one is an unreadable-file finding at that file', async () => {
    // The unreadable case alone is also in test/unit/engine/check.test.ts ("unreadable-file for a file that
    // cannot be read"); here both happen in one scan, after the walk has listed the files.
    const memory = createMemoryWorkspace({ ...NORMAL, 'src/gone.ts': '// @implements SR-2\n', 'src/locked.ts': '// @implements SR-2\n' });
    const workspace = changingAfterListing(memory, 'src', () => {
      memory.remove('src/gone.ts');
      memory.failOn('src/locked.ts', 'EACCES');
    });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    const snapshot = service.snapshot();
    assert.ok(memory.calls.includes('readFile src/gone.ts'), 'the walk listed the file, so the scan tried to read it');
    assert.equal(snapshot.graph.fileFacts('src/gone.ts'), undefined);
    assert.deepEqual(snapshot.skipped, []);
    assert.deepEqual(findingsOf(snapshot), ['unreadable-file src/locked.ts:1']);
    assert.match(snapshot.findings.find((f) => f.code === 'unreadable-file')?.message ?? '', /could not be read: EACCES/);
    assert.deepEqual(snapshot.graph.implementationsOf('SR-2'), []);
    assertRestTraced(snapshot);
  });
});

describe('robustness: files deleted or unreadable during the scan (CLI executor, real folder)', function () {
  // Writing 1,600 files and starting two worker threads takes about a second.
  this.timeout(60_000);

  /**
   * A real folder where, once the walk has listed `src`, `src/gone.ts` is deleted and `src/locked.ts` is
   * replaced by a folder (reading it fails with EISDIR; unlike chmod 000, that fails for root too).
   */
  function changingFolder(extraFiles: number) {
    const files: Record<string, string> = { ...NORMAL, 'src/gone.ts': '// @implements SR-2\n', 'src/locked.ts': '// @implements SR-2\n' };
    for (let i = 0; i < extraFiles; i++) files[`gen/f${i}.ts`] = 'export const x = 1;\n';
    const dir = makeDir(files);
    const workspace = changingAfterListing(createNodeWorkspace(dir), 'src', () => {
      fs.rmSync(path.join(dir, 'src/gone.ts'));
      fs.rmSync(path.join(dir, 'src/locked.ts'));
      fs.mkdirSync(path.join(dir, 'src/locked.ts'));
    });
    return { dir, workspace, total: Object.keys(files).length };
  }

  for (const [what, extraFiles, workers] of [['in-process (a small tree)', 0, 1], ['on worker threads', FILES_FOR_WORKERS, 2]] as const) {
    it(`${what}: the deleted file is absent, the unreadable one is an unreadable-file finding`, async () => {
      const { dir, workspace, total } = changingFolder(extraFiles);
      try {
        const service = createTraceService({ workspace, executor: createWorkerExecutor(dir, workspace, workers, WORKER_SCRIPT), now: () => TODAY });
        await service.index();
        const snapshot = service.snapshot();
        // The scanning path under test: with workers, no scanned file is read on the main thread.
        assert.equal(workspace.reads.some((file) => file.endsWith('.ts')), workers === 1, workspace.reads.slice(0, 5).join(', '));
        assert.equal(snapshot.graph.fileFacts('src/gone.ts'), undefined);
        assert.equal(snapshot.graph.fileCount, total - 1, 'every file but the deleted one');
        assert.deepEqual(findingsOf(snapshot), ['unreadable-file src/locked.ts:1']);
        assert.match(snapshot.findings.find((f) => f.code === 'unreadable-file')?.message ?? '', /could not be read: EISDIR/);
        assertRestTraced(snapshot);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('on worker threads: a file made unreadable with chmod 000 is an unreadable-file finding', async function () {
    // Root reads any file whatever its mode, and Windows has no such mode: there the EISDIR case above stands in.
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
    const files: Record<string, string> = { ...NORMAL, 'src/locked.ts': '// @implements SR-2\n' };
    for (let i = 0; i < FILES_FOR_WORKERS; i++) files[`gen/f${i}.ts`] = 'export const x = 1;\n';
    const dir = makeDir(files);
    try {
      fs.chmodSync(path.join(dir, 'src/locked.ts'), 0o000);
      const workspace = createNodeWorkspace(dir);
      const service = createTraceService({ workspace, executor: createWorkerExecutor(dir, workspace, 2, WORKER_SCRIPT), now: () => TODAY });
      await service.index();
      const snapshot = service.snapshot();
      assert.deepEqual(findingsOf(snapshot), ['unreadable-file src/locked.ts:1']);
      assert.match(snapshot.findings.find((f) => f.code === 'unreadable-file')?.message ?? '', /could not be read: EACCES/);
      assertRestTraced(snapshot);
    } finally {
      fs.chmodSync(path.join(dir, 'src/locked.ts'), 0o644);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('robustness: symbolic links (real folder, through the CLI)', () => {
  it('never follows a link loop or a link out of the workspace, and lists every link as skipped', async function () {
    // Creating links needs a privilege on Windows; elsewhere it always works.
    if (process.platform === 'win32') this.skip();
    const outside = makeDir({ 'secret.ts': '// @implements SR-9\n', 'specs/outside.md': '## SR-9: Outside the workspace\n' }, 'sectrace-outside-');
    const dir = makeDir(NORMAL);
    try {
      fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(dir, 'src/secret.ts'));
      fs.symlinkSync(outside, path.join(dir, 'shared'), 'dir');
      fs.symlinkSync(dir, path.join(dir, 'src/loop'), 'dir');
      fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
      fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
      const { code, stdout } = await runCli(['check', dir, '--json', '--fail-on', 'off']);
      assert.equal(code, 0);
      const result = JSON.parse(stdout) as { items: { id: string }[]; findings: { code: string; message: string; location: { file: string } }[]; skipped: { file: string; reason: string }[] };
      assert.deepEqual(result.items.map((i) => i.id), ['SR-1', 'SR-2']);
      assert.ok(!stdout.includes('SR-9'), 'nothing of the outside folder is in the trace');
      assert.deepEqual(result.skipped, ['loop-a', 'loop-b', 'shared', 'src/loop', 'src/secret.ts'].map((file) => ({ file, reason: 'symbolic link (not followed)' })));
      assert.deepEqual(result.findings.map((f) => `${f.code} ${f.location.file}`), ['unimplemented docs/spec.md']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
