// Hostile and broken file contents never crash, hang or corrupt the trace: each one ends as a skipped-file
// note or as facts at the right positions, and a normal tagged file next to it is still linked.
// Big inputs are built in memory, once per test (the 50 MB file once for its two tests).
// @verifies STM-2, STM-4, ST-6
import { strict as assert } from 'node:assert';
import { createTraceService, type TraceSnapshot } from '../../src/core';
import { createMemoryWorkspace } from '../support/memoryWorkspace';
import { joinLines } from '../support/text';
import { TODAY } from '../unit/engine/helpers';

/** A spec and a code file that implements it: the "rest of the workspace" every test checks is still traced. */
const NORMAL = {
  'docs/normal.md': joinLines('## SR-100: Audit every dose change', 'needs: impl'),
  'src/normal.ts': joinLines('export const audit = true;', '// @implements SR-100'),
};

async function trace(files: Record<string, string | Uint8Array>): Promise<TraceSnapshot> {
  const service = createTraceService({ workspace: createMemoryWorkspace({ ...NORMAL, ...files }), now: () => TODAY });
  await service.index();
  return service.snapshot();
}

/** Where each implementation of an ID is, as `file:line:character` (zero-based, as the engine holds them). */
function implementations(snapshot: TraceSnapshot, id: string): string[] {
  return snapshot.graph.implementationsOf(id).map((t) => `${t.location.file}:${t.location.range.start.line}:${t.location.range.start.character}`);
}

function assertNormalFileLinked(snapshot: TraceSnapshot): void {
  assert.deepEqual(implementations(snapshot, 'SR-100'), ['src/normal.ts:1:15']);
  assert.ok(!snapshot.findings.some((f) => f.id === 'SR-100'), 'SR-100 is implemented, so no finding names it');
}

const MB = 1024 * 1024;

describe('robustness: a 50 MB minified single-line JavaScript file', function () {
  // Reading, decoding and lexing 50 MB takes about a second; the limit only guards a slow machine.
  this.timeout(60_000);
  const unit = 'function a(b,c){return b.map(function(d){return d*c+"x"})}var e={f:1,g:[2,3],h:"i"};if(e.f>0){e.g.push(4)}';
  const tail = '/* @implements SR-1 */';
  let bytes: Buffer | undefined;
  const spec = { 'docs/spec.md': joinLines('## SR-1: Minified bundle', 'needs: impl') };

  before(() => {
    // Whole repetitions only, so the last statement is complete and the comment at the end is a comment.
    const body = Buffer.alloc(Math.ceil((50 * MB) / unit.length) * unit.length, unit);
    bytes = Buffer.concat([body, Buffer.from(tail)]);
  });
  after(() => {
    bytes = undefined;
  });

  it('is skipped with a note naming its size under the default max-file-size (8 MB)', async () => {
    const snapshot = await trace({ ...spec, 'dist-min/app.min.js': bytes as Buffer });
    const size = `${((bytes as Buffer).length / MB).toFixed(1)} MB`;
    assert.deepEqual(snapshot.skipped, [{ file: 'dist-min/app.min.js', reason: `larger than max-file-size (${size} > 8.0 MB)` }]);
    assert.deepEqual(implementations(snapshot, 'SR-1'), [], 'nothing of a skipped file is traced');
    assertNormalFileLinked(snapshot);
  });

  it('is scanned to its end when max-file-size allows it: the tag in the last comment is found', async () => {
    const text = (bytes as Buffer).toString('latin1');
    const snapshot = await trace({ ...spec, '.sectrace.yaml': `max-file-size: ${60 * MB}\n`, 'dist-min/app.min.js': bytes as Buffer });
    assert.deepEqual(snapshot.skipped, []);
    assert.deepEqual(implementations(snapshot, 'SR-1'), [`dist-min/app.min.js:0:${text.lastIndexOf('SR-1')}`]);
    assertNormalFileLinked(snapshot);
  });
});

describe('robustness: encodings and line endings', () => {
  // Covered elsewhere, not repeated here: files over max-file-size and files with NUL bytes are skipped
  // with a reason (test/unit/engine/service.test.ts, "skips binary files and files over max-file-size");
  // CRLF and lone CR in code (test/unit/scan/code/lexer.test.ts, "reports positions on CR LF and lone CR
  // lines"); CRLF in specs (test/unit/scan/markdown/robustness.test.ts, "reports the same positions for
  // CRLF as for LF line endings"). What follows adds byte-level cases through the whole engine.

  const encode = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('invalid UTF-8 is still traced, with positions right after the bad bytes (one U+FFFD each)', async () => {
    const code = encode(
      'const a = "', [0xff, 0xfe, 0xfd], '"; // @implements SR-1\n',
      'const b = "', [0xe2, 0x82], '"\n', // a cut three-byte sequence: one U+FFFD
      '  // @implements SR-2 ', [0xc3], '\n',
    );
    const spec = encode('## SR-1: ', [0x80, 0xbf], ' bytes\nneeds: impl\n\n## SR-2: After ', [0xf0, 0x9f], '\nneeds: impl\n');
    const snapshot = await trace({ 'docs/spec.md': spec, 'src/bytes.ts': code });
    assert.deepEqual(snapshot.skipped, []);
    assert.deepEqual(implementations(snapshot, 'SR-1'), [`src/bytes.ts:0:${'const a = "'.length + 3 + '"; // @implements '.length}`]);
    assert.deepEqual(implementations(snapshot, 'SR-2'), ['src/bytes.ts:2:17']);
    assert.equal(snapshot.graph.items.get('SR-1')?.title, '\ufffd\ufffd bytes');
    assert.equal(snapshot.graph.items.get('SR-2')?.location.range.start.line, 3);
    assert.deepEqual(snapshot.findings.map((f) => f.code), []);
    assertNormalFileLinked(snapshot);
  });

  it('UTF-16 with a byte order mark, both byte orders, is traced with UTF-16 positions', async () => {
    // A character outside the BMP takes two UTF-16 units, as VS Code counts columns.
    const code = '\n\t/* 😀 */ // @implements SR-1\r\n// @implements SR-2\n';
    const spec = joinLines('# Spec', '', '## SR-1: Wide', 'needs: impl', '', '## SR-2: Wider', 'needs: impl');
    const le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const [order, encodeAs] of [['LE', le], ['BE', be]] as const) {
      const snapshot = await trace({ 'docs/spec.md': encodeAs(spec), 'src/wide.ts': encodeAs(code) });
      assert.deepEqual(snapshot.skipped, [], order);
      assert.deepEqual(implementations(snapshot, 'SR-1'), [`src/wide.ts:1:${'\t/* 😀 */ // @implements '.length}`], order);
      assert.deepEqual(implementations(snapshot, 'SR-2'), ['src/wide.ts:2:15'], order);
      assert.deepEqual(['SR-1', 'SR-2'].map((id) => snapshot.graph.items.get(id)?.location.range.start.line), [2, 5], order);
      assertNormalFileLinked(snapshot);
    }
  });

  it('UTF-16 without a byte order mark is skipped as binary (its NUL bytes), with the reason listed', async () => {
    const snapshot = await trace({ 'docs/spec.md': '## SR-1: A\nneeds: impl\n', 'src/bare16.ts': Buffer.from('// @implements SR-1\n', 'utf16le') });
    assert.deepEqual(snapshot.skipped, [{ file: 'src/bare16.ts', reason: 'binary file (contains NUL bytes)' }]);
    assert.deepEqual(implementations(snapshot, 'SR-1'), []);
    assertNormalFileLinked(snapshot);
  });

  it('a NUL byte past the binary probe (the first 8,000 bytes) is read as text; the tag after it keeps its place', async () => {
    const head = `${'x();\n'.repeat(2000)}`; // 10,000 bytes, 2,000 lines
    const snapshot = await trace({ 'docs/spec.md': '## SR-1: A\nneeds: impl\n', 'src/late-nul.ts': encode(head, 'const z = "', [0x00], '"; // @implements SR-1\n') });
    assert.deepEqual(snapshot.skipped, []);
    assert.deepEqual(implementations(snapshot, 'SR-1'), [`src/late-nul.ts:2000:${'const z = "\0"; // @implements '.length}`]);
    assertNormalFileLinked(snapshot);
  });

  it('a UTF-8 byte order mark is not counted as a column, as editors show the line', async () => {
    const snapshot = await trace({ 'docs/spec.md': '\ufeff## SR-1: A\nneeds: impl\n', 'src/bom.ts': '\ufeff// @implements SR-1\n' });
    assert.deepEqual(implementations(snapshot, 'SR-1'), ['src/bom.ts:0:15']);
    assert.deepEqual(snapshot.graph.items.get('SR-1')?.idLocation.range.start, { line: 0, character: 3 });
    assertNormalFileLinked(snapshot);
  });

  it('mixed line endings (LF, CRLF, lone CR) in one spec and one code file give the right line numbers', async () => {
    const spec = '# Spec\r\n\r\n## SR-1: One\rneeds: impl\n\n## SR-2: Two\r\nneeds: impl\r\r## SR-3: Three\nneeds: impl\r\n';
    const code = '// @implements SR-1\r\n\r// @implements SR-2\n\r\n// @implements SR-3\r';
    const snapshot = await trace({ 'docs/spec.md': spec, 'src/mixed.ts': code });
    const lines = (id: string) => snapshot.graph.items.get(id)?.idLocation.range.start.line;
    assert.deepEqual(['SR-1', 'SR-2', 'SR-3'].map(lines), [2, 5, 8]);
    assert.deepEqual(['SR-1', 'SR-2', 'SR-3'].flatMap((id) => implementations(snapshot, id)), ['src/mixed.ts:0:15', 'src/mixed.ts:2:15', 'src/mixed.ts:4:15']);
    assert.deepEqual(snapshot.findings.map((f) => f.code), []);
    assertNormalFileLinked(snapshot);
  });
});

describe('robustness: a 1 MB Markdown table of 10,000 rows', function () {
  // remark parses about 0.5 MB/s of table: a few seconds here, linear in the rows.
  this.timeout(60_000);

  it('makes every row an item with its attributes, and the spec after the table is still read', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| THR-${i + 1} | Replayed or forged rate command number ${i + 1} on the device link of the infusion pump | MIT-${(i % 100) + 1} |`);
    const mitigations = Array.from({ length: 100 }, (_, i) => `## MIT-${i + 1}: Counter check ${i + 1}\nneeds: impl\n`);
    const header = ['# Threat register', '', '| ID | Title | Mitigated by |', '|---|---|---|'];
    const spec = [...header, ...rows, '', ...mitigations].join('\n');
    assert.ok(spec.length > MB, `${spec.length} bytes`);
    const code = Array.from({ length: 100 }, (_, i) => `// @implements MIT-${i + 1}`).join('\n');
    const snapshot = await trace({ 'docs/threats.md': spec, 'src/counters.ts': code });

    const threats = snapshot.graph.itemsOfKind('threat');
    assert.equal(threats.length, 10_000);
    assert.equal(snapshot.graph.items.size, 10_000 + 100 + 1);
    const last = snapshot.graph.items.get('THR-10000');
    assert.equal(last?.location.range.start.line, header.length + 9_999);
    assert.equal(last?.title, 'Replayed or forged rate command number 10000 on the device link of the infusion pump');
    // Every row's `Mitigated by` was read: not one threat is left unmitigated.
    assert.deepEqual(snapshot.findings.map((f) => f.code), []);
    assertNormalFileLinked(snapshot);
  });
});

describe('robustness: 10,000-deep nesting in a spec', () => {
  // test/unit/scan/markdown/robustness.test.ts covers the problem itself (10,000 block quotes, bullet and
  // ordered list items, 2,000 by indentation). Here: the items around the nesting are still read.
  const deepList = `${'- '.repeat(10_000)}SR-8 is in a list too deep to read`;
  const deepQuote = `${'> '.repeat(10_000)}SR-9 is in a quote too deep to read`;

  it('reports the deep lines, and reads the items before, between and after them', async () => {
    const spec = joinLines(
      '## SR-1: Before the nesting', 'needs: impl', '',
      deepList, '',
      '## SR-2: Between', 'needs: impl', '',
      deepQuote,
      '## SR-3: Right after a deep line', 'needs: impl', '',
      '| ID | Title | Needs |', '|---|---|---|', '| SR-4 | In a table after it | impl |',
    );
    const code = joinLines('// @implements SR-1', '// @implements SR-2', '// @implements SR-3', '// @implements SR-4');
    const snapshot = await trace({ 'docs/deep.md': spec, 'src/deep.ts': code });
    assert.deepEqual([...snapshot.graph.items.keys()].sort(), ['SR-1', 'SR-100', 'SR-2', 'SR-3', 'SR-4']);
    assert.deepEqual(['SR-1', 'SR-2', 'SR-3', 'SR-4'].map((id) => snapshot.graph.items.get(id)?.location.range.start.line), [0, 5, 9, 14]);
    // One parse-error at the first deep line; nothing else is wrong, and no ID of a deep line was read.
    assert.deepEqual(snapshot.findings.map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1}`), ['parse-error docs/deep.md:4']);
    assert.match(snapshot.findings[0].message, /nested more than 100 levels deep.*the rest of the file was read/);
    assert.deepEqual(snapshot.graph.referencesOf('SR-8'), []);
    assert.deepEqual(snapshot.graph.referencesOf('SR-9'), []);
    assertNormalFileLinked(snapshot);
  });
});
