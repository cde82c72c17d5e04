// The checker re-runs only the rules a change touched. These tests make random edits that exercise every
// rule (links both ways, refines chains and cycles, duplicates, unknown IDs with suggestions, foreign
// prefixes, risk acceptances, pins, interfaces inheriting from interface items) and compare each snapshot
// with a fresh index of the same contents: findings, summary and graph must be identical.
// @verifies ST-4, ST-9
import { strict as assert } from 'node:assert';
import { createTraceService, type TraceSnapshot } from '../../../src/core';
import { toCheckJson } from '../../../src/core/export/checkJson';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';
import { TODAY } from './helpers';

const SPEC_PARTS = [
  '## THR-1: Replay\nmitigated-by: MIT-1\n',
  '## THR-2: Theft\nstatus: accepted\nowner: Ann\nrationale: low impact\nreview-by: 2020-01-01\n',
  '## THR-3: Tamper\nstatus: transferred\nowner: Bob\n',
  '## THR-4: Spoof\nstatus: bogus\n',
  '## MIT-1: Sequence numbers\n',
  '## MIT-2: Signing\nmitigates: THR-4\n',
  '## SR-1: Check counters\nrefines: MIT-1\n',
  '## SR-2: Verify signature\nrefines: MIT-2\nneeds: impl, bogus\n',
  '## SR-6: Detail of a detail\nrefines: SR-1\n',
  '## SR-3: Loop\nrefines: SR-4\n',
  '## SR-4: Loop back\nrefines: SR-3\n',
  '## SR-5: Threatens wrongly\nthreatens: SR-1\n',
  '## SR-1: Duplicate of the first\n',
  '## AST-1: Dose records\n',
  '## IF-1: Pump API\nexposure: external\nmitigated-by: MIT-1\n',
  '## IF-2: Bad exposure\nexposure: sideways\n',
  '| ID | Title | Mitigated by |\n|----|-------|--------------|\n| THR-5 | Flood | MIT-9 |\n| THR-6 | Sniff | MIT-1 |\n',
  'Prose mentions SR-77, SR-1 and IF-1.\n',
];

const CODE_PARTS = [
  '// @implements SR-1\n',
  '// @implements SR-12\n',
  '// @implements SR-6\n',
  '// @implements SR-2, MIT-2\n',
  '// @mitigates THR-2\n',
  '// @implements XYZ-3\n',
  '// mentions SR-4 and SR-99\n',
  '// @implements SR-1#abcdef\n',
  '// @implements\n',
  'const s = "// @implements SR-5";\n',
  '\n\n',
  '// @exposure external\n// @threats THR-1\napp.get(\'/dose\', handler);\n',
  '// @implements IF-1\napp.post(\'/pump\', handler);\n',
  'app.get(\'/metrics\', handler);\n',
];

const TEST_PARTS = ['// @verifies SR-1\n', '// @verifies SR-6\n', '// @verifies MIT-2\n', '// @verifies SR-3\n', '// @verifies THR-9\n', '\n'];

const FILES: Record<string, readonly string[]> = {
  'docs/a.md': SPEC_PARTS,
  'docs/b.md': SPEC_PARTS,
  'src/a.ts': CODE_PARTS,
  'src/api.ts': CODE_PARTS,
  'test/a.test.ts': TEST_PARTS,
};

const tool = { name: 'sectrace', version: 'test' };
const canonical = (s: TraceSnapshot) => JSON.stringify(toCheckJson(s, tool));

function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

function compose(parts: readonly string[], next: (n: number) => number): string {
  const count = next(5);
  return Array.from({ length: count }, () => parts[next(parts.length)]).join('');
}

async function fresh(files: Record<string, string>): Promise<TraceSnapshot> {
  const service = createTraceService({ workspace: createMemoryWorkspace(files), now: () => TODAY });
  await service.index();
  return service.snapshot();
}

describe('incremental check', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`equals a fresh check after every one of 80 random edits (seed ${seed})`, async () => {
      const next = random(seed);
      const current: Record<string, string> = {};
      for (const [file, parts] of Object.entries(FILES)) current[file] = compose(parts, next);
      const service = createTraceService({ workspace: createMemoryWorkspace({ ...current }), now: () => TODAY });
      await service.index();
      assert.equal(canonical(service.snapshot()), canonical(await fresh(current)), 'after the first index');
      const files = Object.keys(FILES);
      for (let step = 0; step < 80; step++) {
        const file = files[next(files.length)];
        current[file] = compose(FILES[file], next);
        service.setOverlay(file, current[file]);
        // Not every step takes a snapshot: changes must accumulate correctly between snapshots too.
        if (next(3) === 0) continue;
        const expected = await fresh(current);
        const actual = service.snapshot();
        assert.equal(canonical(actual), canonical(expected), `step ${step}: ${file} became\n${current[file]}`);
      }
    });
  }

  it('a trace added or removed deep down a refines chain changes the coverage of every ancestor', async () => {
    const spec = '## MIT-1: Top\n\n## SR-1: Middle\nrefines: MIT-1\n\n## SR-6: Bottom\nrefines: SR-1\n';
    const files = { 'docs/a.md': spec, 'src/a.ts': '', 'test/a.test.ts': '// @verifies MIT-1, SR-1, SR-6\n' };
    const service = createTraceService({ workspace: createMemoryWorkspace(files), now: () => TODAY });
    await service.index();
    assert.deepEqual(service.snapshot().findings.map((f) => `${f.code} ${f.id}`), ['unimplemented MIT-1', 'unimplemented SR-1', 'unimplemented SR-6']);
    for (const code of ['// @implements SR-6\n', '']) {
      service.setOverlay('src/a.ts', code);
      const current = { ...files, 'src/a.ts': code };
      assert.equal(canonical(service.snapshot()), canonical(await fresh(current)), `src/a.ts: ${JSON.stringify(code)}`);
    }
  });

  it('names a refines cycle the same way whatever order its items were defined in', async () => {
    const files = { 'docs/a.md': '## SR-3: Loop\nrefines: SR-4\n', 'docs/b.md': '## SR-4: Loop back\nrefines: SR-3\n' };
    const service = createTraceService({ workspace: createMemoryWorkspace(files), now: () => TODAY });
    await service.index();
    // Re-reading a.md defines SR-3 again, after SR-4: the graph's item order is now the other way round.
    service.setOverlay('docs/a.md', files['docs/a.md']);
    const cycles = (s: TraceSnapshot) => s.findings.filter((f) => f.code === 'refines-cycle').map((f) => f.message);
    assert.deepEqual(cycles(service.snapshot()), cycles(await fresh(files)));
    assert.equal(cycles(service.snapshot()).length, 1);
  });

  it('a new day re-checks risk acceptances without any file changing', async () => {
    let now = new Date('2019-12-31T12:00:00Z');
    const files = { 'docs/a.md': SPEC_PARTS[1] };
    const service = createTraceService({ workspace: createMemoryWorkspace(files), now: () => now });
    await service.index();
    assert.deepEqual(service.snapshot().findings.map((f) => f.code), []);
    now = new Date('2020-01-02T12:00:00Z');
    service.setOverlay('docs/a.md', SPEC_PARTS[1]);
    assert.deepEqual(service.snapshot().findings.map((f) => f.code), ['expired-risk-acceptance']);
  });
});
