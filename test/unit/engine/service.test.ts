// The facade: overlays win over disk, refresh picks up created/changed/deleted files, and the
// incremental state always equals a fresh index of the same contents.
// @verifies ST-4, ST-10, ST-6, ST-11, ST-1, STM-4
import { strict as assert } from 'node:assert';
import { createTraceService, type TraceSnapshot } from '../../../src/core';
import { toCheckJson } from '../../../src/core/export/checkJson';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { joinLines } from '../../support/text';
import { findingKeys, TODAY } from './helpers';

const SPEC = joinLines('## THR-1: Replay', 'mitigated-by: MIT-1', '', '## MIT-1: Sequence numbers', '', '## SR-1: Check counters', 'refines: MIT-1');
const tool = { name: 'sectrace', version: 'test' };
const canonical = (s: TraceSnapshot) => JSON.stringify(toCheckJson(s, tool));

async function fresh(files: Record<string, string>) {
  const service = createTraceService({ workspace: createMemoryWorkspace(files), now: () => TODAY });
  await service.index();
  return service.snapshot();
}

describe('service: incremental updates', () => {
  it('an overlay wins over disk, and clearing it plus refresh returns to disk', async () => {
    const workspace = createMemoryWorkspace({ 'docs/s.md': SPEC, 'src/a.ts': '// @implements SR-1\n' });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    assert.equal(service.snapshot().graph.implementationsOf('SR-1').length, 1);
    service.setOverlay('src/a.ts', '// nothing here\n');
    assert.equal(service.snapshot().graph.implementationsOf('SR-1').length, 0);
    service.setOverlay('src/a.ts', undefined);
    await service.refresh(['src/a.ts']);
    assert.equal(service.snapshot().graph.implementationsOf('SR-1').length, 1);
  });

  it('an open buffer in an excluded folder is not traced, before or after a re-index', async () => {
    const workspace = createMemoryWorkspace({ 'docs/s.md': SPEC, 'node_modules/lib/a.ts': '' });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    service.setOverlay('node_modules/lib/a.ts', '// @implements SR-1\n');
    assert.equal(service.snapshot().graph.implementationsOf('SR-1').length, 0);
    await service.index();
    assert.equal(service.snapshot().graph.fileFacts('node_modules/lib/a.ts'), undefined);
  });

  it('an overlay survives a full re-index', async () => {
    const workspace = createMemoryWorkspace({ 'docs/s.md': SPEC, 'src/a.ts': '' });
    const service = createTraceService({ workspace, now: () => TODAY });
    service.setOverlay('src/a.ts', '// @implements SR-1\n');
    await service.index();
    assert.equal(service.snapshot().graph.implementationsOf('SR-1').length, 1);
  });

  it('refresh picks up a created, a changed and a deleted file; the result equals a fresh index', async () => {
    const files: Record<string, string> = { 'docs/s.md': SPEC, 'src/a.ts': '// @implements SR-1\n', 'src/old.ts': '// @implements MIT-1\n' };
    const workspace = createMemoryWorkspace(files);
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    workspace.write('test/a.test.ts', '// @verifies SR-1\n');
    workspace.write('src/a.ts', '// @implements SR-1, SR-9\n');
    workspace.remove('src/old.ts');
    await service.refresh(['test/a.test.ts', 'src/a.ts', 'src/old.ts']);
    const expected = await fresh({ 'docs/s.md': SPEC, 'src/a.ts': '// @implements SR-1, SR-9\n', 'test/a.test.ts': '// @verifies SR-1\n' });
    assert.equal(canonical(service.snapshot()), canonical(expected));
  });

  it('removing the only definition turns its traces into unknown IDs, and adding it back resolves them', async () => {
    const workspace = createMemoryWorkspace({ 'docs/s.md': '## SR-1: A\nneeds: none\n', 'src/a.ts': '// @implements SR-1\n' });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    service.setOverlay('docs/s.md', '# nothing\n');
    assert.deepEqual(findingKeys(service.snapshot()), ['unknown-id src/a.ts:1']);
    service.setOverlay('docs/s.md', '## SR-1: A\nneeds: none\n');
    assert.deepEqual(findingKeys(service.snapshot()), []);
  });

  it('a changed .sectrace.yaml re-indexes everything', async () => {
    const workspace = createMemoryWorkspace({ 'docs/s.md': '## REQ-1: A\n## HAZ-1: B\n' });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    assert.deepEqual([...service.snapshot().graph.items.keys()], ['REQ-1']);
    workspace.write('.sectrace.yaml', 'prefixes: { REQ: requirement, HAZ: threat }\n');
    await service.refresh(['.sectrace.yaml']);
    assert.deepEqual([...service.snapshot().graph.items.keys()].sort(), ['HAZ-1', 'REQ-1']);
  });

  it('sequences of overlay edits always equal a fresh index (random edits)', async () => {
    const variants = ['', '// @implements SR-1\n', '// @verifies MIT-1\n', '// @implements SR-2\n', '// SR-1 mentioned\n', '## not code'];
    const specVariants = [SPEC, '## SR-2: Other\n', SPEC + '\n## SR-2: Extra\n', ''];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const current: Record<string, string> = { 'docs/s.md': SPEC, 'src/a.ts': '', 'src/b.ts': '', 'test/c.test.ts': '' };
    const service = createTraceService({ workspace: createMemoryWorkspace({ ...current }), now: () => TODAY });
    await service.index();
    for (let step = 0; step < 60; step++) {
      const file = Object.keys(current)[next(4)];
      current[file] = file.endsWith('.md') ? specVariants[next(specVariants.length)] : variants[next(variants.length)];
      service.setOverlay(file, current[file]);
      assert.equal(canonical(service.snapshot()), canonical(await fresh(current)), `step ${step}`);
    }
  });
});

describe('service: files that are not plain text', () => {
  it('skips binary files and files over max-file-size with a reason, and decodes UTF-16 with BOM', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// @implements SR-1\n', 'utf16le')]);
    const { snapshot } = await (async () => {
      const workspace = createMemoryWorkspace({
        '.sectrace.yaml': 'max-file-size: 100\n',
        'docs/s.md': '## SR-1: A\n',
        'src/bin.ts': new Uint8Array([0x2f, 0x2f, 0x00, 0x01]),
        'src/big.ts': '// x\n'.repeat(50),
        'src/wide.ts': new Uint8Array(utf16),
        'test/t.test.ts': '\ufeff// @verifies SR-1\r\n',
      });
      const service = createTraceService({ workspace, now: () => TODAY });
      await service.index();
      return { snapshot: service.snapshot() };
    })();
    assert.deepEqual(snapshot.skipped, [
      { file: 'src/big.ts', reason: 'larger than max-file-size (250 B > 100 B)' },
      { file: 'src/bin.ts', reason: 'binary file (contains NUL bytes)' },
    ]);
    assert.deepEqual(findingKeys(snapshot), []);
    assert.equal(snapshot.summary.files.skipped, 2);
  });
});

describe('service: lookups', () => {
  it('idAt finds definitions, tags, attribute links and mentions; occurrences lists them all', async () => {
    const workspace = createMemoryWorkspace({ 'docs/s.md': SPEC, 'src/a.ts': 'x();\n  // @implements SR-1 (see MIT-1)\n' });
    const service = createTraceService({ workspace, now: () => TODAY });
    await service.index();
    const tag = service.idAt('src/a.ts', { line: 1, character: 18 });
    assert.equal(tag?.id, 'SR-1');
    assert.equal(tag?.via, 'tag');
    assert.equal(tag?.item?.title, 'Check counters');
    assert.equal(service.idAt('src/a.ts', { line: 1, character: 28 })?.via, 'mention');
    assert.equal(service.idAt('src/a.ts', { line: 1, character: 2 }), undefined);
    assert.equal(service.idAt('docs/s.md', { line: 0, character: 4 })?.via, 'definition');
    assert.equal(service.idAt('docs/s.md', { line: 1, character: 15 })?.via, 'attribute');
    const places = service.occurrences('MIT-1').map((l) => `${l.file}:${l.range.start.line}:${l.range.start.character}`).sort();
    assert.deepEqual(places, ['docs/s.md:1:14', 'docs/s.md:3:3', 'docs/s.md:6:9', 'src/a.ts:1:27']);
  });
});
