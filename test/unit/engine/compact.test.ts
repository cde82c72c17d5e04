// The graph shares equal small ranges and empty lists between files, and reads traces and mentions back
// from the files' facts. Sharing must never change what the graph answers.
// @verifies ST-4, ST-63
import { strict as assert } from 'node:assert';
import { compactFacts, RangePool } from '../../../src/core/compact';
import { FactsReader, visitMentions } from '../../../src/core/factsReader';
import { createTraceService, type FileFacts, type Location, type Range } from '../../../src/core';
import { createMemoryWorkspace } from '../../support/memoryWorkspace';

const range = (line: number, start: number, end: number, endLine = line): Range => ({ start: { line, character: start }, end: { line: endLine, character: end } });

function codeFacts(file: string, role: FileFacts['role'], line: number): FileFacts {
  return {
    file,
    role,
    items: [],
    tags: [{ tag: 'implements', refs: [{ id: 'SR-1', range: range(line, 15, 19) }, { id: 'SR-2', range: range(line, 21, 25), pin: 'abc123' }], foreign: [], range: range(line, 3, 25) }],
    mentions: [{ id: 'SR-3', range: range(line + 1, 3, 7) }],
    problems: [],
  };
}

describe('compact graph storage', () => {
  it('shares equal small single-line ranges and their positions', () => {
    const pool = new RangePool();
    const a = pool.range(range(4, 3, 7));
    const b = pool.range(range(4, 3, 7));
    assert.equal(a, b);
    assert.deepEqual(a, range(4, 3, 7));
    assert.equal(pool.range(range(4, 7, 9)).start, a.end, 'a position is shared between ranges on the same line');
    assert.notEqual(pool.range(range(4, 3, 8)), a);
  });

  it('leaves multi-line, far-down and wide ranges as they are', () => {
    const pool = new RangePool();
    for (const given of [range(4, 3, 2, 5), range(40000, 3, 7), range(4, 300, 304), range(4, 3, 260)]) {
      assert.equal(pool.range(given), given);
    }
  });

  it('keeps facts equal to what was given', () => {
    const pool = new RangePool();
    const before = codeFacts('a.ts', 'code', 9);
    const compacted = compactFacts(structuredClone(before), pool);
    assert.deepEqual(compacted, before);
    const other = compactFacts(codeFacts('b.ts', 'code', 9), pool);
    assert.equal(other.tags[0].refs[0].range, compacted.tags[0].refs[0].range);
    assert.equal(other.problems, compacted.problems, 'empty lists are one shared list');
    assert.ok(Object.isFrozen(other.problems));
  });

  it('reads traces and mentions back from the facts, with tag, role, pin and location', async () => {
    const service = createTraceService({
      workspace: createMemoryWorkspace({
        'docs/spec.md': '## SR-1: Check counters\n\nSee SR-1 and SR-2.\n\n## SR-2: Other\n\nnote: SR-1\n',
        'src/a.ts': '// @implements SR-1#abcdef, SR-2\n// about SR-1\n',
        'test/a.test.ts': '// @verifies SR-1\n',
      }),
    });
    await service.index();
    const { graph } = service.snapshot();
    const at = (l: Location) => `${l.file}:${l.range.start.line}:${l.range.start.character}`;
    assert.deepEqual(graph.tracesOf('SR-1').map((t) => [t.tag, t.role, t.pin, at(t.location)]), [
      ['implements', 'code', 'abcdef', 'src/a.ts:0:15'],
      ['verifies', 'test', undefined, 'test/a.test.ts:0:13'],
    ]);
    assert.deepEqual(graph.referencesOf('SR-1').map(at), ['docs/spec.md:2:4', 'docs/spec.md:6:6', 'src/a.ts:1:9']);
    assert.deepEqual(graph.implementationsOf('SR-2').map((t) => at(t.location)), ['src/a.ts:0:28']);
  });

  it('reads a large file grouped by ID once, a small one by scanning it per ID', () => {
    const factsWith = (count: number): FileFacts => ({
      file: 'docs/big.md', role: 'spec', items: [], tags: [], problems: [],
      mentions: Array.from({ length: count }, (_, i) => ({ id: `SR-${i % (count / 2)}`, range: range(i, 0, 4) })),
    });
    for (const [count, visits] of [[1000, 1], [20, 10]] as const) {
      let calls = 0;
      const reader = new FactsReader<Location>((facts, wanted, emit) => {
        calls++;
        visitMentions(facts, wanted, emit);
      });
      const facts = factsWith(count);
      for (let i = 0; i < count / 2; i++) assert.deepEqual(reader.read(facts, `SR-${i}`).map((l) => l.range.start.line), [i, i + count / 2]);
      assert.equal(calls, visits, `${count} mentions`);
    }
  });
});
